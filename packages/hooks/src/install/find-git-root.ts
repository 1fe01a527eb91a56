import path from 'node:path';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

/**
 * The top of the working tree that contains `dir`, asked of git itself rather than by looking for a
 * `.git` folder: that check is what breaks husky in worktrees and subfolders (husky#851, #1561).
 * Returns `undefined` when `dir` is not inside a work tree (including bare repositories).
 */
export async function findGitRoot(dir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runCommand('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env });
  if (result.error !== undefined) {
    throw new InstallError('E_GIT_NOT_FOUND', messages.gitNotFound(result.error.message));
  }
  if (result.status !== 0) return undefined;
  const root = result.stdout.trim();
  return root === '' ? undefined : path.resolve(root);
}
