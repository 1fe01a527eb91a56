import path from 'node:path';
import { SeckitError } from '@seckit/core';
import { runGit } from './run-git.js';

export interface RepoInfo {
  /** Absolute path of the work tree's top level. */
  root: string;
  branch: string | null;
  commit: string | null;
  /**
   * Absolute path of the git directory shared by all worktrees (`--git-common-dir`): where seckit
   * keeps its cache of validated configuration. Absent when git was not asked (see resolveRepo).
   */
  commonDir?: string;
}

/** Finds the repository through git itself (works in worktrees and subfolders), not by looking for `.git`. */
export async function resolveRepo(cwd: string): Promise<RepoInfo> {
  // One process in the usual case (a hook runs this on every commit): the top level, the common git
  // directory, HEAD's commit and its ref. An unborn branch (or no repository) fails it; the calls
  // below then say which (without the git directory: the cache it is for is only an optimisation).
  const one = await runGit(cwd, [
    'rev-parse',
    '--show-toplevel',
    '--git-common-dir',
    'HEAD',
    '--symbolic-full-name',
    'HEAD',
  ]);
  if (one.code === 0) {
    const [top, commonDir, commit, ref] = one.stdout.toString('utf8').split('\n');
    if (top && commonDir && commit && ref !== undefined) {
      return {
        root: path.resolve(top),
        commit,
        branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
        // Relative to the directory git ran in when it is not absolute.
        commonDir: path.resolve(cwd, commonDir),
      };
    }
  }
  const top = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) {
    throw new SeckitError(
      'E_NOT_A_REPO',
      `${cwd} is not inside a git work tree (git says: ${top.stderr || 'no repository'}); run seckit inside a repository, or scan explicit paths with \`seckit scan <paths…>\` from one`,
    );
  }
  const root = path.resolve(top.stdout.toString('utf8').trim());
  const [branch, commit] = await Promise.all([
    runGit(root, ['symbolic-ref', '-q', '--short', 'HEAD']),
    runGit(root, ['rev-parse', '-q', '--verify', 'HEAD']),
  ]);
  return {
    root,
    branch: branch.code === 0 ? branch.stdout.toString('utf8').trim() || null : null,
    commit: commit.code === 0 ? commit.stdout.toString('utf8').trim() || null : null,
  };
}
