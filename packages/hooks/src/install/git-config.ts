import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

export interface ConfigSetting {
  /** The value as written in the git config, e.g. `.githooks`. */
  value: string;
  /** Which config file set it, as git reports it (e.g. `.git/config`, `/home/me/.gitconfig`). */
  origin: string;
}

/**
 * The effective value of `key` (any scope: local, global, system), or `undefined` when unset.
 * Global values matter too: a local husky setting would silently switch off a company-wide hooks
 * directory (husky#1410).
 */
export async function readConfig(
  cwd: string,
  key: string,
  env: NodeJS.ProcessEnv,
): Promise<ConfigSetting | undefined> {
  const result = await runCommand('git', ['config', '--show-origin', '--get', key], { cwd, env });
  if (result.error !== undefined)
    throw new InstallError('E_GIT_NOT_FOUND', messages.gitNotFound(result.error.message));
  // `git config --get` exits 1 when the key is unset.
  if (result.status !== 0) return undefined;
  const line = result.stdout.replace(/\r?\n$/, '');
  const tab = line.indexOf('\t');
  return {
    origin: tab === -1 ? '' : line.slice(0, tab).replace(/^file:/, ''),
    value: tab === -1 ? line : line.slice(tab + 1),
  };
}

/** The repository's own (`--local`) value of `key`: what husky writes and what we restore. */
export async function readLocalConfig(
  cwd: string,
  key: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const result = await runCommand('git', ['config', '--local', '--get', key], { cwd, env });
  if (result.error !== undefined)
    throw new InstallError('E_GIT_NOT_FOUND', messages.gitNotFound(result.error.message));
  return result.status === 0 ? result.stdout.replace(/\r?\n$/, '') : undefined;
}

/** Sets (or, for `undefined`, unsets) the repository's own value of `key`. */
export async function writeLocalConfig(
  cwd: string,
  key: string,
  value: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const args =
    value === undefined ? ['config', '--local', '--unset', key] : ['config', '--local', key, value];
  const result = await runCommand('git', args, { cwd, env });
  // `--unset` of an unset key exits 5: already the state we want.
  if (result.error !== undefined || (result.status !== 0 && !(value === undefined && result.status === 5))) {
    throw new InstallError('E_WRITE', messages.gitConfigFailed(key, value, result.stderr.trim()));
  }
}
