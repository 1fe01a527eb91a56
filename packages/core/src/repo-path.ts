// What a repository path in a Finding may be, as a plain function: the formatters check paths on
// the hook path, where zod is not loaded (schemas/finding.ts's RepoPath refines with this).

export const REPO_PATH_RULE = 'must be a repository-relative POSIX path (no leading "/", no "\\", no "..")';

/** Repo-relative POSIX path: not empty, no leading slash, no backslash, no `..` segment. */
export function isRepoPath(p: string): boolean {
  return p.length > 0 && !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..');
}
