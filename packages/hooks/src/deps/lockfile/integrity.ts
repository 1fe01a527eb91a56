import type { IntegrityKind } from './lock-model.js';

export type Strength = { kind: 'missing' } | { kind: 'strong' } | { kind: 'weak'; algorithm: string };

const SRI_STRONG = new Set(['sha512']);
const PY_STRONG = new Set(['sha256', 'sha384', 'sha512']);

/**
 * How well an entry's hashes protect it. npm-family SRI: sha512 (the registry's own) is the bar;
 * sha1/sha256/sha384 are weaker (runtime binaries excepted: nodejs.org publishes sha256 only).
 * Yarn berry checksums are sha512 of Yarn's cache zip (128 hex digits, `10c0/` cache prefix).
 * Python hashes: sha256 and up (what PyPI and pip use); md5/sha1/sha224 are weak.
 */
export function integrityStrength(values: readonly string[], kind: IntegrityKind, runtime = false): Strength {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return { kind: 'missing' };
  if (kind === 'yarn-checksum') {
    const hex = present[0]!.replace(/^[^/]*\//, '');
    return /^[0-9a-f]{128}$/i.test(hex)
      ? { kind: 'strong' }
      : { kind: 'weak', algorithm: `checksum of ${hex.length} hex digits` };
  }
  if (kind === 'python') {
    const algs = present.map((v) => v.split(/[:=]/)[0]!.toLowerCase());
    const weak = algs.find((a) => !PY_STRONG.has(a));
    return weak === undefined ? { kind: 'strong' } : { kind: 'weak', algorithm: weak };
  }
  // SRI: several space-separated hashes; the strongest one is what npm verifies.
  const algs = present.flatMap((v) => v.split(/\s+/)).map((h) => h.split('-')[0]!.toLowerCase());
  if (algs.some((a) => SRI_STRONG.has(a))) return { kind: 'strong' };
  if (runtime && algs.includes('sha256')) return { kind: 'strong' };
  return { kind: 'weak', algorithm: algs[0] ?? 'unknown' };
}
