import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { upsertSeckitBlock } from './hook-block.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';

export interface HookFileUpdate {
  file: string;
  action: 'created' | 'appended' | 'updated' | 'unchanged';
  /** True when the executable bits had to be added to an existing file. */
  madeExecutable: boolean;
}

/**
 * Puts our block into `<dir>/.husky/pre-commit` (see `upsertSeckitBlock`) and makes the file
 * executable. husky 9 runs the file with `sh -e`, so the bit is not strictly needed by husky, but
 * a hook that is not executable looks broken to anyone who inspects it or runs it directly.
 */
export async function writePreCommitHook(dir: string): Promise<HookFileUpdate> {
  const file = path.join(dir, '.husky', 'pre-commit');
  let existing: string | undefined;
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InstallError('E_HOOK_FILE', messages.hookUnreadable(file, error), file);
    }
  }
  const update = upsertSeckitBlock(existing);
  if (!update.ok) {
    throw new InstallError('E_HOOK_FILE', messages.hookBlockMalformed(file, update.reason), file);
  }

  if (update.changed) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, update.content, { mode: 0o755 });
  }
  // `mode` on writeFile applies only when the file is created, and then through the umask; an
  // existing file keeps its bits. Either way, check and fix them here.
  const mode = (await stat(file)).mode & 0o777;
  const notExecutable = (mode & 0o111) !== 0o111;
  if (notExecutable) await chmod(file, mode | 0o755);
  // A file created just now is reported as created, not also as "made executable".
  return { file, action: update.action, madeExecutable: notExecutable && update.action !== 'created' };
}
