/**
 * seckit's check as an in-process lint-staged task. The `.lintstagedrc.mjs` that sec-init creates
 * imports this, so a commit starts one Node process (lint-staged's) instead of two: the second
 * start-up was a fifth of the hook's time (bench/hook). It does exactly what the spawned
 * `seckit scan --staged <files>` does (same checks, same report on the same streams) and fails the
 * task, which blocks the commit, when that would exit 1 (findings) or 2 (error).
 */
import module from 'node:module';
import type { CliIo } from '../cli/io.js';

/** lint-staged's function task (lint-staged ≥ 15: `{ title, task }` as a glob's value). */
export interface LintStagedFunctionTask {
  title: string;
  task: (files: string[]) => Promise<void>;
}

export interface SeckitTaskOptions {
  /** Extra `seckit scan` arguments, e.g. `['--format', 'json']`. */
  args?: readonly string[];
  /** Where the scan runs: lint-staged's working directory unless given. */
  cwd?: string;
  stdout?: CliIo['stdout'];
  stderr?: CliIo['stderr'];
}

/** Thrown when the scan blocks the commit; lint-staged shows the title as failed. */
export class SeckitTaskError extends Error {
  constructor(readonly exitCode: number) {
    super(
      exitCode === 1
        ? 'seckit blocked the commit (its report says where and what to do; lint-staged may print it after the task list)'
        : `seckit could not check the commit (exit ${exitCode}; its message names the file and what to fix)`,
    );
    this.name = 'SeckitTaskError';
  }
}

export function seckitTask(options: SeckitTaskOptions = {}): LintStagedFunctionTask {
  const extra = [...(options.args ?? [])];
  // Node 22.1+ keeps compiled code between commits, as the seckit binary does.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // Loading starts now, while lint-staged reads the staged list and makes its backup stash: the
  // loading then fills the time this process spends waiting for those git commands. A failure is
  // reported by the task (the catch only stops Node from calling it unhandled before then).
  const cli = import('../cli/run.js');
  // Then the secret rules' keyword automaton, which every scan needs (~5 ms), in a later turn of
  // the event loop, so lint-staged's own steps are not held up. A failure here is not reported:
  // the scan builds the automaton again and reports it there.
  cli.then(
    ({ prepareScan }) =>
      setImmediate(() => {
        try {
          prepareScan();
        } catch {}
      }),
    () => {},
  );
  return {
    title: ['seckit scan --staged', ...extra].join(' '),
    task: async (files) => {
      const { run } = await cli;
      // `--`: a file name is never read as an option.
      const code = await run(['scan', '--staged', ...extra, '--', ...files], {
        cwd: options.cwd ?? process.cwd(),
        env: process.env,
        stdout: options.stdout ?? process.stdout,
        stderr: options.stderr ?? process.stderr,
      });
      if (code !== 0) throw new SeckitTaskError(code);
    },
  };
}

export default seckitTask;
