import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a crash
 * or a full disk never leaves half a package.json. An existing file keeps its permission bits;
 * a new one gets `mode` minus the umask (hooks are created with 0o777, so executable).
 */
export async function writeFileAtomic(file: string, data: string | Buffer, mode?: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  let keepMode: number | undefined;
  try {
    keepMode = (await stat(file)).mode & 0o7777;
  } catch {
    keepMode = undefined;
  }
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.seckit-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    // A new file's mode passes through the umask, like any file the user creates; an existing
    // file's bits are copied exactly.
    await writeFile(tmp, data, { mode: keepMode ?? mode ?? 0o666 });
    if (keepMode !== undefined) await chmod(tmp, keepMode);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
