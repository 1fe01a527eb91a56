import { SeckitError } from '@seckit/core';
import { readBlobs } from '../git/read-blobs.js';
import { runGit, splitNul } from '../git/run-git.js';
import type { ScanFile, TargetFiles } from './scan-file.js';

const SYMLINK = '120000';
const GITLINK = '160000';

/**
 * What the commits of `<base>..HEAD` added, commit by commit: a secret added in one commit and
 * removed in the next is still in history (and still leaked), so scanning only the final tree is
 * not enough. Each distinct (path, blob) is read once; the finding's file is the path in the commit
 * that introduced it.
 */
export async function diffFiles(root: string, base: string): Promise<TargetFiles> {
  const verify = await runGit(root, ['rev-parse', '-q', '--verify', `${base}^{commit}`]);
  if (verify.code !== 0) {
    throw new SeckitError(
      'E_USAGE',
      `--diff ${base}: no such commit in this repository; fetch it first (in CI: fetch-depth: 0, or git fetch origin ${base})`,
    );
  }
  const log = await runGit(root, [
    '-c',
    'core.quotePath=false',
    'log',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--diff-filter=ACMRT',
    '--format=%x00commit %H',
    `${base}..HEAD`,
  ]);
  if (log.code !== 0) throw new SeckitError('E_GIT', `git log ${base}..HEAD failed: ${log.stderr}`);
  const fields = splitNul(log.stdout.toString('utf8'));
  const seen = new Map<string, { path: string; oid: string; commit: string }>();
  const skipped: TargetFiles['skipped'] = [];
  let commit = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!.replace(/^\n+/, '');
    if (field.startsWith('commit ')) {
      commit = field.slice(7).trim();
      continue;
    }
    if (!field.startsWith(':')) continue;
    const meta = field.split(' ');
    const path = fields[++i];
    const mode = meta[1];
    const oid = meta[3];
    if (path === undefined || mode === undefined || oid === undefined) continue;
    if (mode === SYMLINK || mode === GITLINK) {
      skipped.push({ path, why: mode === SYMLINK ? 'symbolic link (not followed)' : 'submodule' });
      continue;
    }
    // git log lists newest first: keep the oldest commit that introduced this blob at this path.
    seen.set(`${path}\0${oid}`, { path, oid, commit });
  }
  const entries = [...seen.values()];
  const contents = await readBlobs(
    root,
    entries.map((e) => e.oid),
  );
  const files: ScanFile[] = entries.map((e, i) => ({
    path: e.path,
    content: contents[i]!,
    commit: e.commit,
    added: true,
  }));
  return { files, skipped };
}
