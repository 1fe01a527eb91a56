import { createRequire } from 'node:module';
import type { Classification } from './classes.js';

const require = createRequire(import.meta.url);
type Valid = (spec: string, options: { loose: boolean }) => string | null;
let semverCache: { valid: Valid; validRange: Valid } | undefined;

/** semver costs ~15–20 ms to load; the everyday forms (`1.2.3`, `^1.2.3`, `~1.2.3`) are read without it. */
function semver(): { valid: Valid; validRange: Valid } {
  semverCache ??= {
    valid: require('semver/functions/valid') as Valid,
    validRange: require('semver/ranges/valid') as Valid,
  };
  return semverCache;
}

// SemVer 2.0.0's own grammar (strict): what semver.valid accepts without any normalising.
const NUM = '(?:0|[1-9]\\d*)';
const PRE = `(?:${NUM}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const STRICT = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;
const EXACT = new RegExp(`^${STRICT}$`);
const CARET_TILDE = new RegExp(`^([~^])${STRICT}$`);

/**
 * A registry specifier (what follows `name@`): exact version, range or dist-tag, the way
 * npm-package-arg decides it (loose semver first, then range, then a URI-safe tag).
 */
export function classifyRegistrySpec(raw: string): Classification {
  const spec = raw.trim();
  if (spec === '' || spec === '*' || spec === 'x' || spec === 'X') {
    return { cls: 'range', verdict: 'unpinned', detail: 'any version' };
  }
  if (EXACT.test(spec)) return exact(spec, spec.replace(/\+.*$/, ''));
  const ct = CARET_TILDE.exec(spec);
  if (ct !== null)
    return { cls: 'range', verdict: 'unpinned', detail: ct[1] === '^' ? 'caret range' : 'tilde range' };
  const { valid, validRange } = semver();
  const version = valid(spec, { loose: true });
  if (version !== null) return exact(spec, version);
  if (validRange(spec, { loose: true }) !== null) {
    return { cls: 'range', verdict: 'unpinned', detail: rangeDetail(spec) };
  }
  if (encodeURIComponent(spec) === spec) {
    return { cls: 'tag', verdict: 'unpinned', detail: `dist-tag "${spec}", which moves with every publish` };
  }
  return { cls: 'invalid', verdict: 'unpinned', detail: 'neither a version, a range nor a dist-tag' };
}

function exact(spec: string, version: string): Classification {
  const note = spec.includes('+')
    ? 'build metadata does not take part in version matching'
    : spec !== version && spec !== `=${version}`
      ? `written "${spec}"; npm reads it as ${version}, write that`
      : undefined;
  return { cls: 'exact', verdict: 'pinned', detail: 'exact version', version, ...(note ? { note } : {}) };
}

function rangeDetail(spec: string): string {
  if (spec.includes('||')) return 'union of ranges';
  if (/\s-\s/.test(spec)) return 'hyphen range';
  if (spec.startsWith('^')) return 'caret range';
  if (spec.startsWith('~')) return 'tilde range';
  if (/^[<>]/.test(spec)) return 'comparator range';
  if (/(^|\.)[xX*](\.|$)/.test(spec)) return 'x-range';
  if (/^v?\d+(\.\d+)?$/.test(spec)) return 'partial version';
  return 'range';
}
