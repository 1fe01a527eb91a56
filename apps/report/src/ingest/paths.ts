import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NormalizedPath {
  path: string;
  /** Still absolute (outside --base-dir): it will not match across machines. */
  absolute: boolean;
}

const WINDOWS_DRIVE = /^[A-Za-z]:\//;

/**
 * Paths as tools write them (repo-relative, absolute, `file://` URIs, percent-encoded SARIF URIs,
 * Windows separators) to one repo-relative POSIX form, so the same file has the same identity
 * whichever tool reported it. Absolute paths under `baseDir` become relative to it.
 */
export function normalizePath(raw: string, baseDir: string, options: { uri?: boolean } = {}): NormalizedPath {
  let p = raw;
  if (/^file:/i.test(p)) {
    try {
      p = fileURLToPath(p);
    } catch {
      p = p.replace(/^file:\/*/i, '/');
    }
  } else if (options.uri === true) {
    try {
      p = decodeURIComponent(p);
    } catch {
      // A stray `%` is part of the name.
    }
  }
  p = p.replace(/\\/g, '/');
  const base = baseDir.replace(/\\/g, '/').replace(/\/+$/, '');
  if (p.startsWith('/') || WINDOWS_DRIVE.test(p)) {
    if (base !== '' && (p === base || p.startsWith(`${base}/`))) {
      p = p.slice(base.length + 1);
    } else {
      return { path: path.posix.normalize(p), absolute: true };
    }
  }
  p = path.posix.normalize(p);
  if (p === '.' || p === '') return { path: '.', absolute: false };
  if (p.startsWith('../')) return { path: p, absolute: true };
  return { path: p.replace(/^\.\//, ''), absolute: false };
}
