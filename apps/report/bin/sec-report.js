#!/usr/bin/env node
// sec-report CLI. Exit codes: 0 done (gate: every target met), 1 gate: a policy target missed,
// 2 usage, input, database or internal error.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
