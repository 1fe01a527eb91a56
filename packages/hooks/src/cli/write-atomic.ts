import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Write via a temporary file and rename, so a crash never leaves half a report or baseline. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
