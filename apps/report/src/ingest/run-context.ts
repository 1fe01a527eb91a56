import type { Scope } from '@seckit/core';
import { inputError } from './input-error.js';
import type { IngestOverrides, NormalizedFinding } from './normalized.js';

/** The repository name: --repository wins, then what the report says; one of them is required. */
export function repositoryOf(
  file: string,
  stated: string | undefined,
  overrides: IngestOverrides,
  format: string,
): string {
  const name = overrides.repository ?? stated?.trim();
  if (name === undefined || name === '') {
    throw inputError(
      file,
      `a ${format} report does not say which repository it scanned; pass --repository <name> (use the name your other reports use, e.g. the repository folder's name)`,
    );
  }
  return name;
}

/** The run's time: --run-time, then the report's own, then the ingest time (not stated). */
export function timeOf(
  stated: string | undefined,
  overrides: IngestOverrides,
): { time: number; stated: boolean } {
  if (overrides.runTime !== undefined) return { time: overrides.runTime, stated: true };
  const parsed = stated === undefined ? NaN : Date.parse(stated);
  if (Number.isFinite(parsed)) return { time: parsed, stated: true };
  return { time: overrides.now, stated: false };
}

export function scopeOf(stated: Scope | undefined, overrides: IngestOverrides): Scope {
  return overrides.scope ?? stated ?? 'full';
}

/** Strip `refs/heads/`: CI systems report either form for the same branch. */
export function branchName(branch: string | undefined | null): string | undefined {
  if (branch === undefined || branch === null || branch.trim() === '') return undefined;
  return branch.trim().replace(/^refs\/heads\//, '');
}

/** A finding's identity appears once per run: later duplicates are the same finding seen again. */
export function dedupe(findings: NormalizedFinding[]): NormalizedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (seen.has(f.fingerprint)) return false;
    seen.add(f.fingerprint);
    return true;
  });
}
