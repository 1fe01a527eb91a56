import ignore from 'ignore';

/** Matches repo-relative POSIX paths against gitignore-syntax patterns (as `.gitignore` would). */
export interface PathMatcher {
  /** The first pattern that matches `path`, or undefined. */
  match(path: string): string | undefined;
}

export function createPathMatcher(patterns: readonly string[]): PathMatcher {
  // One matcher per pattern so we can say *which* pattern suppressed a file; policies hold few.
  const matchers = patterns
    .filter((p) => p.trim() !== '' && !p.trimStart().startsWith('#'))
    .map((pattern) => ({ pattern, ig: ignore().add(pattern) }));
  const all = ignore().add(patterns as string[]);
  return {
    match(path) {
      if (matchers.length === 0 || !all.ignores(path)) return undefined;
      return matchers.find((m) => m.ig.ignores(path))?.pattern ?? patterns.join(', ');
    },
  };
}
