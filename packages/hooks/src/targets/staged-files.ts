import { readBlobs } from '../git/read-blobs.js';
import { gitText, splitNul } from '../git/run-git.js';
import type { TargetFiles } from './scan-file.js';

const SYMLINK = '120000';
const GITLINK = '160000';

/**
 * The content that will be committed: blobs in the index that differ from HEAD (added, copied,
 * modified, renamed-to). Reads the index, not the working tree, so an unstaged edit neither hides
 * nor adds a finding. Works before the first commit (git diffs against the empty tree).
 */
export async function stagedFiles(root: string, only?: ReadonlySet<string>): Promise<TargetFiles> {
  // --raw --no-abbrev gives the staged blob id directly: one git call for the list and the ids.
  const raw = await gitText(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--cached',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--no-ext-diff',
  ]);
  const fields = splitNul(raw);
  const entries: { path: string; oid: string; added: boolean }[] = [];
  const staged = new Set<string>();
  const skipped: TargetFiles['skipped'] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":100644 100644 <old> <new> M" then the path
    const meta = fields[i]!.split(' ');
    const path = fields[i + 1]!;
    staged.add(path);
    if (only !== undefined && !only.has(path)) continue;
    const mode = meta[1];
    const oid = meta[3];
    const status = meta[4];
    if (oid === undefined || mode === undefined || status === undefined || !/^[ACMRT]/.test(status)) continue;
    if (mode === SYMLINK) skipped.push({ path, why: 'symbolic link (not followed)' });
    else if (mode === GITLINK) skipped.push({ path, why: 'submodule' });
    else entries.push({ path, oid, added: status === 'A' });
  }
  const contents = await readBlobs(
    root,
    entries.map((e) => e.oid),
  );
  return {
    files: entries.map((e, i) => ({ path: e.path, content: contents[i]!, added: e.added })),
    skipped,
    staged,
  };
}
