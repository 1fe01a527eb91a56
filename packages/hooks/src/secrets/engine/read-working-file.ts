import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { MAX_SECRET_SCAN_BYTES } from '../file-kind.js';

export type WorkingFileRead =
  | { content: Buffer }
  | { skipped: string }
  /** Listed by git but not a regular file any more (deleted, a submodule's folder): nothing to read. */
  | { gone: true }
  | { error: string };

const SYMLINK = { skipped: 'symbolic link (not followed)' } as const;
const tooLarge = (limit: number) =>
  limit === MAX_SECRET_SCAN_BYTES
    ? { skipped: `larger than ${MAX_SECRET_SCAN_BYTES} bytes` }
    : { skipped: `larger than ${limit} bytes (not read)` };
const GONE = { gone: true } as const;
// Where the platform has O_NOFOLLOW (not Windows), opening refuses a symlink by itself: one system
// call fewer per file than lstat + open. O_NONBLOCK: opening a FIFO must not hang the scan.
const NOFOLLOW =
  constants.O_NOFOLLOW === undefined
    ? undefined
    : constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0);

/**
 * Reads one working-tree file at the moment it is scanned, synchronously (in a worker, or in the
 * main thread for small scans: there is nothing else to do meanwhile). Symlinks are not followed,
 * and files over `limit` bytes are skipped before a byte is read (with the words of classifyFile
 * when the limit is the secret scan's).
 */
export function readWorkingFile(root: string, rel: string, limit = MAX_SECRET_SCAN_BYTES): WorkingFileRead {
  const abs = path.join(root, rel);
  try {
    return NOFOLLOW === undefined ? readWithLstat(abs, limit) : readNoFollow(abs, NOFOLLOW, limit);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return GONE;
    if (code === 'ELOOP') return SYMLINK;
    return { error: `could not read ${rel}: ${(error as Error).message}` };
  }
}

function readNoFollow(abs: string, flags: number, limit: number): WorkingFileRead {
  const fd = openSync(abs, flags);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return GONE;
    if (st.size > limit) return tooLarge(limit);
    const content = Buffer.allocUnsafe(st.size);
    let filled = 0;
    while (filled < st.size) {
      const n = readSync(fd, content, filled, st.size - filled, filled);
      if (n === 0) break; // shrank meanwhile
      filled += n;
    }
    return { content: filled === st.size ? content : content.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}

function readWithLstat(abs: string, limit: number): WorkingFileRead {
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) return SYMLINK;
  if (!st.isFile()) return GONE;
  if (st.size > limit) return tooLarge(limit);
  return { content: readFileSync(abs) };
}
