// Severity order without zod: the hook path (evaluate, text report) uses these, and keeping zod out
// of its imports saves a fifth of seckit's start-up in a commit (bench/hook). schemas/severity.ts
// builds the zod enum from the same list.

/** Ordered from most to least severe; the order is used by `blockOn` and sorting. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Positive when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/** True when `severity` is at or above `threshold` (e.g. high >= high, critical >= high). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
