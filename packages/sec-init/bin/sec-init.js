#!/usr/bin/env node
// sec-init: installs seckit's pre-commit checks into a git repository (`npx sec-init [dir]`).
// All the work is in @seckit/hooks (`runSecInit`); this file only connects it to the process.
//
// Exit codes:
//   0  installed (or uninstalled), or nothing to do
//   1  not installed: another hook manager or a lint-staged config in code needs you first (what to
//      add is printed), or you answered no
//   2  usage error, or a problem to fix first (not a git repository, invalid package.json, the
//      install failed, …); every change was rolled back
import { createInterface } from 'node:readline/promises';
import { runSecInit } from '@seckit/hooks';

// An interrupted run leaves a journal in the git folder; the next sec-init (any mode) first puts
// back every file it had changed. Say so rather than die silently.
process.on('SIGINT', () => {
  process.stderr.write(
    '\nsec-init: interrupted. Run sec-init again (or sec-init --uninstall): it first restores what this run changed.\n',
  );
  process.exit(130);
});

/** Asks only on a terminal: in CI and scripts there is nobody to answer (`--yes` skips it too). */
const ask =
  process.stdin.isTTY && process.stdout.isTTY
    ? async (question) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        rl.on('SIGINT', () => process.emit('SIGINT'));
        try {
          const answer = (await rl.question(question)).trim().toLowerCase();
          return answer === '' || answer === 'y' || answer === 'yes';
        } finally {
          rl.close();
        }
      }
    : undefined;

process.exitCode = await runSecInit(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ...(ask === undefined ? {} : { ask }),
});
