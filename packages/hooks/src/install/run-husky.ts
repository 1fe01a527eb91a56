import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { type HooksPathSetting, HUSKY_HOOKS_PATH, readHooksPath } from './read-hooks-path.js';
import { runCommand } from './run-command.js';

/**
 * True when git already runs husky's hooks here: `core.hooksPath` is `.husky/_` and husky's runner
 * and pre-commit stub exist in this work tree (`.husky/_` is git-ignored, so a fresh clone or a
 * new worktree lacks it until `prepare` runs — the silent skip of bloknayrb/tandem#2030).
 */
export async function huskyIsWired(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (
    pointsAtHusky(await readHooksPath(dir, env), dir) &&
    existsSync(path.join(dir, '.husky', '_', 'h')) &&
    existsSync(path.join(dir, '.husky', '_', 'pre-commit'))
  );
}

/**
 * Runs the project's own husky (`node_modules/husky`), which writes `.husky/_` and sets
 * `core.hooksPath`. Its bin is started with this Node rather than through `node_modules/.bin/husky`,
 * which on Windows is a `.cmd` shim that cannot be spawned without a shell. husky reports problems
 * on stdout with exit 0 (`.git can't be found`), so success is checked by reading the git config
 * back, not by the exit code.
 */
export async function runHusky(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const manifest = path.join(dir, 'node_modules', 'husky', 'package.json');
  let bin: string;
  try {
    const data = JSON.parse(await readFile(manifest, 'utf8')) as { bin?: string | Record<string, string> };
    const relative = typeof data.bin === 'string' ? data.bin : data.bin?.husky;
    if (relative === undefined) throw new Error('no "husky" bin in its package.json');
    bin = path.join(path.dirname(manifest), relative);
  } catch (error) {
    throw new InstallError('E_HUSKY', messages.huskyMissing(dir, error), manifest);
  }
  const result = await runCommand(process.execPath, [bin], { cwd: dir, env });
  const setting = await readHooksPath(dir, env);
  if (result.status !== 0 || !pointsAtHusky(setting, dir)) {
    const said = `${result.stdout}\n${result.stderr}`.trim();
    throw new InstallError('E_HUSKY', messages.huskyFailed(dir, said));
  }
}

function pointsAtHusky(setting: HooksPathSetting | undefined, dir: string): boolean {
  return setting !== undefined && path.resolve(dir, setting.value) === path.resolve(dir, HUSKY_HOOKS_PATH);
}
