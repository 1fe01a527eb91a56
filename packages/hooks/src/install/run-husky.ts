import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { huskyDir, huskyHooksPath, isOurHooksPath } from './detect-hooks.js';
import { readConfig } from './git-config.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

/**
 * True when git already runs husky's hooks here: core.hooksPath is our husky folder's `_` and
 * husky's runner and pre-commit stub exist in this work tree (`_` is git-ignored, so a fresh
 * clone or a new worktree lacks it until `prepare` runs: the silent skip of bloknayrb/tandem#2030).
 */
export async function huskyIsWired(
  gitRoot: string,
  installRel: string,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const setting = await readConfig(gitRoot, 'core.hooksPath', env);
  const underscore = path.join(gitRoot, huskyDir(installRel), '_');
  return (
    setting !== undefined &&
    path.resolve(gitRoot, setting.value) === underscore &&
    existsSync(path.join(underscore, 'h')) &&
    existsSync(path.join(underscore, 'pre-commit'))
  );
}

/**
 * Runs the project's own husky (`<installRoot>/node_modules/husky`) from the repository root, as
 * the `prepare` script will: it writes `<husky folder>/_` and sets core.hooksPath. Its bin is
 * started with this Node rather than through `node_modules/.bin/husky`, which on Windows is a
 * `.cmd` shim that cannot be spawned without a shell. husky reports problems on stdout with
 * exit 0 (`.git can't be found`), so success is checked by reading the git config back.
 */
export async function runHusky(
  gitRoot: string,
  installRoot: string,
  installRel: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const manifest = path.join(installRoot, 'node_modules', 'husky', 'package.json');
  let bin: string;
  try {
    const data = JSON.parse(await readFile(manifest, 'utf8')) as { bin?: string | Record<string, string> };
    const relative = typeof data.bin === 'string' ? data.bin : data.bin?.husky;
    if (relative === undefined) throw new Error('no "husky" bin in its package.json');
    bin = path.join(path.dirname(manifest), relative);
  } catch (error) {
    throw new InstallError('E_HUSKY', messages.huskyMissing(installRoot, error), manifest);
  }
  const args = installRel === '' ? [] : [huskyDir(installRel)];
  const result = await runCommand(process.execPath, [bin, ...args], { cwd: gitRoot, env });
  const setting = await readConfig(gitRoot, 'core.hooksPath', env);
  const wired =
    setting !== undefined &&
    isOurHooksPath(setting.value, gitRoot, installRel) &&
    existsSync(path.join(gitRoot, huskyHooksPath(installRel), 'h'));
  if (result.status !== 0 || !wired) {
    const said = `${result.stdout}\n${result.stderr}`.trim();
    throw new InstallError('E_HUSKY', messages.huskyFailed(gitRoot, huskyHooksPath(installRel), said));
  }
}
