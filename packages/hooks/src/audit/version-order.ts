import { createRequire } from 'node:module';
import type { Ecosystem } from './osv-record.js';

const require = createRequire(import.meta.url);
// Both are CommonJS; loaded on first use so a scan without the audit never pays for them.
let semver: typeof import('semver') | undefined;
let pep440: typeof import('@renovatebot/pep440') | undefined;

/** Order of versions in one ecosystem: npm by SemVer 2.0, PyPI by PEP 440. */
export interface VersionOrder {
  /** Undefined when `v` is not a version of this ecosystem (it is then judged by exact lists only). */
  parse(v: string): unknown;
  compare(a: string, b: string): number;
}

// Thousands of packages meet tens of thousands of range events: parse each version string once.
const parsedSemver = new Map<string, import('semver').SemVer | null>();
function semverOf(v: string): import('semver').SemVer | null {
  let parsed = parsedSemver.get(v);
  if (parsed === undefined) {
    semver ??= require('semver') as typeof import('semver');
    parsed = semver.parse(v);
    if (parsedSemver.size > 200_000) parsedSemver.clear();
    parsedSemver.set(v, parsed);
  }
  return parsed;
}

const npmOrder: VersionOrder = {
  parse(v) {
    return semverOf(v) ?? undefined;
  },
  compare(a, b) {
    const x = semverOf(a);
    const y = semverOf(b);
    if (x === null || y === null) throw new Error(`not a SemVer version: ${x === null ? a : b}`);
    return x.compare(y);
  },
};

const pypiOrder: VersionOrder = {
  parse(v) {
    pep440 ??= require('@renovatebot/pep440') as typeof import('@renovatebot/pep440');
    return pep440.valid(v) ?? undefined;
  },
  compare(a, b) {
    pep440 ??= require('@renovatebot/pep440') as typeof import('@renovatebot/pep440');
    return pep440.compare(a, b);
  },
};

/**
 * A PEP 440 version's identity: equal keys for versions PEP 440 calls equal (`1.0` and `1.0.0`,
 * `2.0-rc1` and `2.0rc1`); undefined when `v` is not a PEP 440 version.
 */
export function pep440Key(v: string): string | undefined {
  pep440 ??= require('@renovatebot/pep440') as typeof import('@renovatebot/pep440');
  const x = pep440.explain(v);
  if (x === null) return undefined;
  const release = [...x.release];
  while (release.length > 1 && release.at(-1) === 0) release.pop();
  return `${x.epoch}!${release.join('.')}|${x.pre?.join('') ?? ''}|${x.post ?? ''}|${x.dev ?? ''}|${x.local ?? ''}`;
}

export function versionOrder(ecosystem: Ecosystem): VersionOrder {
  return ecosystem === 'npm' ? npmOrder : pypiOrder;
}
