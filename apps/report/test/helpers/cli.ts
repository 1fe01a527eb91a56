import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A workspace for one test: a temp folder with `.seckit/` and helpers to write inputs and run. */
export interface Workspace {
  dir: string;
  db: string;
  /** Write a file (object → JSON) under the workspace; returns its relative path. */
  write(name: string, content: unknown): string;
  /** `sec-report …` in-process, in this folder, with a fixed `--now` unless one is given. */
  run(...argv: string[]): Promise<CliResult>;
}

export const NOW = '2026-03-02T12:00:00.000Z';

export function workspace(options: { now?: string; env?: NodeJS.ProcessEnv } = {}): Workspace {
  const dir = tempDir('sec-report-test-');
  mkdirSync(path.join(dir, '.seckit'), { recursive: true });
  const ws: Workspace = {
    dir,
    db: path.join(dir, '.seckit/report.db'),
    write(name, content) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        typeof content === 'string' || content instanceof Uint8Array
          ? content
          : `${JSON.stringify(content, null, 2)}\n`,
      );
      return name;
    },
    async run(...argv) {
      let stdout = '';
      let stderr = '';
      const args =
        argv.some((a) => a === '--now' || a.startsWith('--now=')) ||
        argv.includes('--help') ||
        argv.includes('--version')
          ? argv
          : [...argv, '--now', options.now ?? NOW];
      const code = await run(args, {
        cwd: dir,
        env: { USER: 'tester', ...options.env },
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    },
  };
  return ws;
}

/** Every byte of a file as latin1 text, for "does this value appear anywhere in it" checks. */
export function bytesOf(file: string): string {
  return readFileSync(file).toString('latin1');
}
