#!/usr/bin/env node
// seckit CLI. Exit codes: 0 passed, 1 blocked by findings, 2 usage / configuration / internal error.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
