import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SeckitError } from '@seckit/core';
import { gitText, splitNul } from '../git/run-git.js';
import type { ScanFile, TargetFiles } from './scan-file.js';

/** Reads working-tree files by repo-relative path; symlinks are not followed, vanished files are skipped. */
async function readWorkingFiles(root: string, paths: readonly string[]): Promise<TargetFiles> {
  const files: ScanFile[] = [];
  const skipped: TargetFiles['skipped'] = [];
  for (const rel of paths) {
    const abs = path.join(root, rel);
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      st = await lstat(abs);
    } catch {
      continue; // tracked but deleted in the working tree: nothing to read
    }
    if (st.isSymbolicLink()) skipped.push({ path: rel, why: 'symbolic link (not followed)' });
    else if (st.isFile()) files.push({ path: rel, content: await readFile(abs) });
  }
  return { files, skipped };
}

/** Every tracked file of the repository, as it is in the working tree. */
export async function trackedFiles(root: string): Promise<TargetFiles> {
  const list = splitNul(await gitText(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached']));
  return readWorkingFiles(root, [...new Set(list)]);
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
  return readWorkingFiles(root, [...new Set(rels)]);
}
