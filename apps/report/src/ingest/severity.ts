import type { Severity } from '@seckit/core';

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/**
 * GitHub's bands for `security-severity` (research group 2): over 9.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, 0.1–3.9 low. Exactly 9.0 counts as critical (as DefectDojo does). A score of 0,
 * out of range or not a number gives undefined, so the caller falls back to `level`.
 */
export function severityFromScore(score: unknown): Severity | undefined {
  const value = typeof score === 'number' ? score : typeof score === 'string' ? Number(score.trim()) : NaN;
  if (!Number.isFinite(value) || value <= 0 || value > 10) return undefined;
  if (value >= 9) return 'critical';
  if (value >= 7) return 'high';
  if (value >= 4) return 'medium';
  return 'low';
}

const LEVEL_SEVERITY: Record<SarifLevel, Severity> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'info',
};

/** SARIF `level` when no score is given: error→high, warning→medium, note→low, none→info. */
export function severityFromLevel(level: SarifLevel): Severity {
  return LEVEL_SEVERITY[level];
}

/** secretlint's severities are error, warning and info. */
export function severityFromSecretlint(level: string): Severity {
  return level === 'error' ? 'high' : level === 'warning' ? 'medium' : 'low';
}
