import path from 'node:path';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

/** Where husky 9 points git: hooks run from `.husky/_/<hook>`, which calls `.husky/<hook>`. */
export const HUSKY_HOOKS_PATH = '.husky/_';

export interface HooksPathSetting {
  /** The value as written in the git config, e.g. `.githooks`. */
  value: string;
  /** Which config file set it, as git reports it (e.g. `.git/config`, `/home/me/.gitconfig`). */
  origin: string;
}

/**
 * The effective `core.hooksPath` (any scope: local, global, system), or `undefined` when unset.
 * Global values matter too: a local husky setting would silently switch off a company-wide hooks
 * directory (husky#1410).
 */
export async function readHooksPath(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<HooksPathSetting | undefined> {
  const result = await runCommand('git', ['config', '--show-origin', '--get', 'core.hooksPath'], {
    cwd: root,
    env,
  });
  if (result.error !== undefined) {
    throw new InstallError('E_GIT_NOT_FOUND', messages.gitNotFound(result.error.message));
  }
  // `git config --get` exits 1 when the key is unset.
  if (result.status !== 0) return undefined;
  const line = result.stdout.replace(/\r?\n$/, '');
  const tab = line.indexOf('\t');
  const origin = tab === -1 ? '' : line.slice(0, tab).replace(/^file:/, '');
  const value = tab === -1 ? line : line.slice(tab + 1);
  return { value, origin };
}

/**
 * True when `value` already belongs to husky in this repository: `.husky/_` (husky 9) or `.husky`
 * (husky 4–8, which husky 9 migrates by rewriting the setting). Compared as resolved paths so
 * `./.husky/_/` and an absolute path to the same folder count too.
 */
export function isHuskyHooksPath(value: string, root: string): boolean {
  const resolved = path.resolve(root, value.trim());
  return resolved === path.resolve(root, HUSKY_HOOKS_PATH) || resolved === path.resolve(root, '.husky');
}
