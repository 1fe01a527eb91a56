#!/usr/bin/env node
// sec-init: installs seckit's pre-commit check into a git repository (`npx sec-init [dir]`).
// All the work is in @seckit/hooks (`runSecInit`); this file only connects it to the process.
//
// Exit codes:
//   0  installed, or already installed (nothing changed)
//   1  not installed: core.hooksPath belongs to another hook manager; the lines to add there are printed
//   2  usage error, or a problem to fix first (not a git repository, invalid package.json, install failed, …)
import { runSecInit } from '@seckit/hooks';

process.exitCode = await runSecInit(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
