import { type Classification, isFullCommit } from './classes.js';

const VCS = /^(git|hg|svn|bzr)\+([a-z][a-z0-9+.-]*):\/\//i;
const STRONG = new Set(['sha256', 'sha384', 'sha512']);
const WEAK = new Set(['md5', 'sha1', 'sha224']);

/**
 * A direct reference in a Python requirement: a VCS URL (`git+https://…@<ref>`), an archive URL
 * (pinned only with a `#sha256=` hash), or a local path. A VCS ref pins only as a full commit.
 */
export function classifyPythonUrl(raw: string): Classification {
  const url = raw.trim();
  const vcs = VCS.exec(url);
  if (vcs !== null) return vcsClassification(url, vcs[1]!.toLowerCase(), vcs[2]!.toLowerCase());
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    const insecure = scheme === 'http';
    const fragment = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
    const hashes = fragment
      .split('&')
      .map((p) => p.split('='))
      .filter(([k]) => k !== undefined && (STRONG.has(k.toLowerCase()) || WEAK.has(k.toLowerCase())));
    const strong = hashes.find(([k]) => STRONG.has(k!.toLowerCase()));
    if (strong !== undefined) {
      return {
        cls: 'url-hashed',
        verdict: 'pinned',
        detail: `archive URL with a ${strong[0]} hash`,
        insecure,
      };
    }
    const weak = hashes[0];
    if (weak !== undefined) {
      return {
        cls: 'url-hashed',
        verdict: 'pinned',
        detail: `archive URL with a ${weak[0]} hash`,
        weakHash: weak[0]!.toLowerCase(),
        insecure,
      };
    }
    return { cls: 'url', verdict: 'unpinned', detail: 'archive URL without a #sha256= hash', insecure };
  }
  if (scheme === 'file' || scheme === undefined || /^[a-z]:[\\/]/i.test(url)) {
    return /\.(whl|tar\.gz|zip|tar\.bz2|tgz|tar)$/i.test(url.replace(/#.*$/, ''))
      ? { cls: 'file', verdict: 'not-applicable', detail: 'local archive' }
      : { cls: 'directory', verdict: 'not-applicable', detail: 'local folder' };
  }
  return { cls: 'invalid', verdict: 'unpinned', detail: `unsupported URL scheme "${scheme}:"` };
}

function vcsClassification(url: string, vcs: string, transport: string): Classification {
  const insecure = transport === 'http' || transport === 'git' || transport === 'svn';
  const base = insecure ? { insecure } : {};
  // The ref is after the last "@" of the path (an "@" before the host is user info).
  const withoutFragment = url.replace(/#.*$/, '');
  const afterScheme = withoutFragment.slice(withoutFragment.indexOf('://') + 3);
  const slash = afterScheme.indexOf('/');
  const path = slash < 0 ? '' : afterScheme.slice(slash);
  const at = path.lastIndexOf('@');
  const ref = at < 0 ? '' : path.slice(at + 1);
  if (ref === '') return { cls: 'git-ref', verdict: 'unpinned', detail: `${vcs} default branch`, ...base };
  if ((vcs === 'git' || vcs === 'hg') && isFullCommit(ref)) {
    return { cls: 'git-commit', verdict: 'pinned', detail: `${vcs} commit`, ...base };
  }
  if (/^[0-9a-f]{4,39}$/i.test(ref)) {
    return { cls: 'git-ref', verdict: 'unpinned', detail: `abbreviated commit "${ref}"`, ...base };
  }
  return { cls: 'git-ref', verdict: 'unpinned', detail: `${vcs} branch or tag "${ref}"`, ...base };
}

/** `--hash=<alg>:<hex>` strength: pip refuses md5, sha1 and sha224 in hash-checking mode. */
export function hashStrength(alg: string): 'strong' | 'weak' | 'unknown' {
  const a = alg.toLowerCase();
  return STRONG.has(a) ? 'strong' : WEAK.has(a) ? 'weak' : 'unknown';
}
