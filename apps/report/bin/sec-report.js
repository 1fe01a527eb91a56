#!/usr/bin/env node
// sec-report CLI. Exit codes: 0 done (gate: every target met), 1 gate: a policy target missed,
// 2 usage, input, database or internal error.
import { setFlagsFromString } from 'node:v8';

// SQLite runs as WebAssembly (sql.js). V8 first compiles it with its baseline compiler (Liftoff),
// then recompiles the functions that get hot with its optimising one (TurboFan), which for
// SQLite's large interpreter loop costs more CPU than a command of a few seconds ever wins back:
// `summary` ~0.3 s less CPU, `ingest` of 200,000 findings ~1 s less (bench/report/results.md).
// Set here, before sql.js compiles its module, and only for this process: the library leaves the
// host's V8 alone.
setFlagsFromString('--liftoff-only');

// One bundle of sec-report's own code with @seckit/core and zod (dist/bundle/): Node resolves and
// compiles a few files instead of ~130 small modules.
const { run } = await import('../dist/bundle/run.js');

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
