import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isSeckitError } from '@seckit/core';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { resolveRepo } from '../src/git/resolve-repo.js';
import { git, makeRepo } from './helpers/git-repo.js';

function committed(): { dir: string; sha: string } {
  const dir = makeRepo({ 'a.txt': 'a\n', 'sub/b.txt': 'b\n' });
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'init');
  return { dir: realpathSync(dir), sha: git(dir, 'rev-parse', 'HEAD').trim() };
}

describe('resolveRepo', () => {
  it('finds the top level, branch and commit from a subfolder', async () => {
    const { dir, sha } = committed();
    git(dir, 'checkout', '-q', '-b', 'feature/x');
    expect(await resolveRepo(path.join(dir, 'sub'))).toEqual({ root: dir, branch: 'feature/x', commit: sha });
  });

  it('detached HEAD: a commit, no branch', async () => {
    const { dir, sha } = committed();
    git(dir, 'checkout', '-q', '--detach');
    expect(await resolveRepo(dir)).toEqual({ root: dir, branch: null, commit: sha });
  });

  it('unborn branch: the branch name, no commit', async () => {
    const dir = realpathSync(makeRepo());
    expect(await resolveRepo(dir)).toEqual({ root: dir, branch: 'main', commit: null });
  });

  it('a linked worktree resolves to the worktree, not the main checkout', async () => {
    const { dir, sha } = committed();
    const wt = path.join(realpathSync(tempDir('seckit-wt-')), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'wt-branch', wt);
    expect(await resolveRepo(wt)).toEqual({ root: wt, branch: 'wt-branch', commit: sha });
  });

  it('outside a repository: a clear E_NOT_A_REPO error', async () => {
    const dir = realpathSync(tempDir('seckit-norepo-'));
    mkdirSync(path.join(dir, 'x'));
    const error = await resolveRepo(path.join(dir, 'x')).catch((e: unknown) => e);
    expect(isSeckitError(error) && error.code).toBe('E_NOT_A_REPO');
    expect((error as Error).message).toContain('is not inside a git work tree');
  });
});
