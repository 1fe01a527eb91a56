import { own, ownString } from '../parse/records.js';
import { type Classification, isFullCommit } from './classes.js';
import { isPep440Version } from './pep440.js';
import { classifyPythonUrl } from './python-url.js';

/**
 * A Poetry constraint string. A bare version is exact in Poetry (`"2.31.0"` means `==2.31.0`), as
 * are `==X` and `=X`; carets, tildes, wildcards, comparisons and unions are ranges.
 */
export function classifyPoetryConstraint(raw: string): Classification {
  const spec = raw.trim();
  if (spec === '' || spec === '*') return { cls: 'range', verdict: 'unpinned', detail: 'any version' };
  const exact = /^(?:==?)?\s*(\S+)$/.exec(spec)?.[1];
  if (exact !== undefined && !exact.includes('*') && isPep440Version(exact) && !/^[~^<>!]/.test(spec)) {
    return { cls: 'exact', verdict: 'pinned', detail: 'exact version', version: exact };
  }
  if (/\|\|?/.test(spec)) return { cls: 'range', verdict: 'unpinned', detail: 'union of constraints' };
  if (spec.startsWith('^')) return { cls: 'range', verdict: 'unpinned', detail: 'caret constraint' };
  if (spec.startsWith('~=')) return { cls: 'range', verdict: 'unpinned', detail: 'compatible release (~=)' };
  if (spec.startsWith('~')) return { cls: 'range', verdict: 'unpinned', detail: 'tilde constraint' };
  if (spec.includes('*')) return { cls: 'range', verdict: 'unpinned', detail: 'wildcard constraint' };
  if (/^[<>!=]/.test(spec)) return { cls: 'range', verdict: 'unpinned', detail: 'version range' };
  return { cls: 'invalid', verdict: 'unpinned', detail: `"${spec}" is not a Poetry constraint` };
}

/**
 * A Poetry dependency value: a constraint string, a table (`version`, `git` + `rev`/`branch`/`tag`,
 * `path`, `url`), or an array of tables (one per marker; each must be pinned).
 */
export function classifyPoetryValue(value: unknown): Classification {
  if (typeof value === 'string') return classifyPoetryConstraint(value);
  if (Array.isArray(value)) {
    const each = value.map(classifyPoetryValue);
    return each.find((c) => c.verdict === 'unpinned') ?? each[0] ?? classifyPoetryConstraint('');
  }
  const git = ownString(value, 'git');
  if (git !== undefined) {
    const insecure = /^(http|git):\/\//i.test(git);
    const base = insecure ? { insecure } : {};
    const rev = ownString(value, 'rev');
    if (rev !== undefined && isFullCommit(rev))
      return { cls: 'git-commit', verdict: 'pinned', detail: 'git rev', ...base };
    const ref = rev ?? ownString(value, 'tag') ?? ownString(value, 'branch');
    return {
      cls: 'git-ref',
      verdict: 'unpinned',
      detail: ref === undefined ? 'git default branch' : `git ref "${ref}"`,
      ...base,
    };
  }
  const path = ownString(value, 'path');
  if (path !== undefined) return classifyPythonUrl(path);
  const url = ownString(value, 'url');
  if (url !== undefined) return classifyPythonUrl(url);
  const version = own(value, 'version');
  if (typeof version === 'string') return classifyPoetryConstraint(version);
  return { cls: 'range', verdict: 'unpinned', detail: 'no version (any version)' };
}
