// The `seckit` process: connects the CLI to argv, the environment and stdio. bin/seckit.js loads
// the bundled copy of this file (dist/bundle/main.js), built by scripts/bundle-cli.mjs.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (a pre-commit hook starts seckit on every commit);
// older Node versions have no such API and simply compile again.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { run } = await import('./run.js');
process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
