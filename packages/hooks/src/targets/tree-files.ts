import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { SeckitError } from '@seckit/core';
import { gitText, splitNul } from '../git/run-git.js';
import type { TargetFiles } from './scan-file.js';

/**
 * Working-tree files by repo-relative path, read later by the scan, one at a time where it scans
 * them (symlinks are not followed, vanished files are passed over): see `TargetFiles.onDisk`.
 */
function workingFiles(paths: readonly string[]): TargetFiles {
  return { files: [], onDisk: [...paths], skipped: [] };
}

/** Every tracked file of the repository, as it is in the working tree. */
export async function trackedFiles(root: string): Promise<TargetFiles> {
  const list = splitNul(await gitText(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached']));
  return workingFiles([...new Set(list)]);
}

/**
 * Explicit paths (files or folders, relative to `cwd`). Folders expand to their tracked and
 * untracked-but-not-ignored files, the way git sees them; paths outside the repository are errors.
 */
export async function pathFiles(root: string, cwd: string, inputs: readonly string[]): Promise<TargetFiles> {
  const rels: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new SeckitError('E_USAGE', `${input}: outside the repository at ${root}; scan paths inside it`);
    }
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      st = await lstat(abs);
    } catch {
      throw new SeckitError('E_USAGE', `${input}: no such file or folder`);
    }
    const posix = rel.split(path.sep).join('/');
    if (st.isDirectory()) {
      const listed = await gitText(root, [
        '-c',
        'core.quotePath=false',
        '--literal-pathspecs',
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--',
        posix === '' ? '.' : posix,
      ]);
      rels.push(...splitNul(listed));
    } else {
      rels.push(posix);
    }
  }
  return workingFiles([...new Set(rels)]);
}
