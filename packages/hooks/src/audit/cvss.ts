import type { Severity } from '@seckit/core';

// CVSS v3.0 / v3.1 base score, per FIRST's specification (section 7): the weights and the
// "round up to one decimal" of 3.1 (3.0's simpler round-up gives the same result on base scores
// but for floating-point noise, which 3.1's integer arithmetic removes).
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

function roundUp(value: number): number {
  const i = Math.round(value * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** The base score of a `CVSS:3.x/...` vector; undefined when the vector is not a valid v3 vector. */
export function cvss3BaseScore(vector: string): number | undefined {
  const m = /^CVSS:3\.[01]\/(.+)$/.exec(vector.trim());
  if (m === null) return undefined;
  const metrics = new Map<string, string>();
  for (const part of m[1]!.split('/')) {
    const [key, value] = part.split(':');
    if (key === undefined || value === undefined || metrics.has(key)) return undefined;
    metrics.set(key, value);
  }
  const get = <T extends Record<string, number>>(key: string, table: T): number | undefined => {
    const v = metrics.get(key);
    return v !== undefined && v in table ? table[v as keyof T] : undefined;
  };
  const scope = metrics.get('S');
  const av = get('AV', WEIGHTS.AV);
  const ac = get('AC', WEIGHTS.AC);
  const ui = get('UI', WEIGHTS.UI);
  const pr = get('PR', scope === 'C' ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 });
  const c = get('C', WEIGHTS.CIA);
  const i = get('I', WEIGHTS.CIA);
  const a = get('A', WEIGHTS.CIA);
  if (av === undefined || ac === undefined || ui === undefined || pr === undefined) return undefined;
  if (c === undefined || i === undefined || a === undefined || (scope !== 'U' && scope !== 'C'))
    return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return scope === 'U'
    ? roundUp(Math.min(impact + exploitability, 10))
    : roundUp(Math.min(1.08 * (impact + exploitability), 10));
}

/** CVSS's qualitative rating, in seckit's words. */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** GitHub's database_specific.severity (and the OSV-ish words others use). */
export function severityOfWord(word: string): Severity | undefined {
  switch (word.toUpperCase()) {
    case 'CRITICAL':
      return 'critical';
    case 'HIGH':
      return 'high';
    case 'MODERATE':
    case 'MEDIUM':
      return 'medium';
    case 'LOW':
      return 'low';
    default:
      return undefined;
  }
}
