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
    // The common git directory comes back absolute, also when asked from a subfolder.
    expect(await resolveRepo(path.join(dir, 'sub'))).toEqual({
      root: dir,
      branch: 'feature/x',
      commit: sha,
      commonDir: path.join(dir, '.git'),
    });
  });

  it('detached HEAD: a commit, no branch', async () => {
    const { dir, sha } = committed();
    git(dir, 'checkout', '-q', '--detach');
    expect(await resolveRepo(dir)).toEqual({
      root: dir,
      branch: null,
      commit: sha,
      commonDir: path.join(dir, '.git'),
    });
  });

  it('unborn branch: the branch name, no commit', async () => {
    const dir = realpathSync(makeRepo());
    // No commonDir: the one-call path fails on an unborn HEAD and the fallback does not ask for it.
    expect(await resolveRepo(dir)).toEqual({ root: dir, branch: 'main', commit: null });
  });

  it('a linked worktree resolves to the worktree, not the main checkout', async () => {
    const { dir, sha } = committed();
    const wt = path.join(realpathSync(tempDir('seckit-wt-')), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'wt-branch', wt);
    // Worktrees share the main checkout's git directory (and so seckit's cache).
    expect(await resolveRepo(wt)).toEqual({
      root: wt,
      branch: 'wt-branch',
      commit: sha,
      commonDir: path.join(dir, '.git'),
    });
  });

  it('outside a repository: a clear E_NOT_A_REPO error', async () => {
    const dir = realpathSync(tempDir('seckit-norepo-'));
    mkdirSync(path.join(dir, 'x'));
    const error = await resolveRepo(path.join(dir, 'x')).catch((e: unknown) => e);
    expect(isSeckitError(error) && error.code).toBe('E_NOT_A_REPO');
    expect((error as Error).message).toContain('is not inside a git work tree');
  });
});
