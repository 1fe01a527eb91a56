import { spawn } from 'node:child_process';

export interface CommandResult {
  /** Exit status; `null` when the process could not start or was killed by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not start (e.g. `ENOENT`: the command is not on PATH). */
  error: NodeJS.ErrnoException | undefined;
}

/**
 * Runs a command with an argument array and no shell, so paths with spaces or quotes are passed
 * through untouched. Output is collected (not streamed): only the CLI decides what to print.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let startError: NodeJS.ErrnoException | undefined;
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError = error;
    });
    child.on('close', (status) => {
      resolve({
        status: startError === undefined ? status : null,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        error: startError,
      });
    });
  });
}
