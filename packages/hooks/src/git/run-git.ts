import { execFile } from 'node:child_process';
import { SeckitError } from '@seckit/core';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git without a shell; never throws for a non-zero exit (callers decide what that means). */
export function runGit(cwd: string, args: readonly string[], input?: Buffer | string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args as string[],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(
            new SeckitError('E_GIT', `could not run git (${error.message}); is git installed and on PATH?`, {
              cause: error,
            }),
          );
          return;
        }
        resolve({
          code: error === null ? 0 : (error.code as number),
          stdout,
          stderr: stderr.toString('utf8').trim(),
        });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs git and returns stdout as text; a non-zero exit is a SeckitError naming the command. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  const r = await runGit(cwd, args);
  if (r.code !== 0)
    throw new SeckitError('E_GIT', `git ${args.join(' ')} failed in ${cwd}: ${r.stderr || `exit ${r.code}`}`);
  return r.stdout.toString('utf8');
}

/** Splits NUL-terminated git output (`-z`). */
export function splitNul(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}
