import { type Policy, SEVERITIES } from '@seckit/core';
import type { RotationView } from './rotation.js';
import type { SeverityCounts } from './trend.js';

export interface TargetCheck {
  /** The policy key, e.g. `targets.maxOpen.high`. */
  target: string;
  /** The repository checked; undefined for all repositories together or the organisation. */
  repository: string | undefined;
  /** What was measured, in words. */
  measure: string;
  actual: number;
  limit: number;
  passed: boolean;
}

export interface GateResult {
  passed: boolean;
  appliesTo: Policy['targets']['appliesTo'];
  checks: TargetCheck[];
}

/** The numbers the gate compares, for one repository or for all of them together. */
export interface ScopeFigures {
  repository: string | undefined;
  open: SeverityCounts;
  breached: SeverityCounts;
  fixedInWindow: number;
  fixedWithinSla: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Compare the figures with the policy's targets. Every target yields a check (passed or not), so
 * the output can say what was checked as well as what was missed.
 */
export function evaluateGate(
  policy: Policy,
  scopes: readonly ScopeFigures[],
  rotation: readonly RotationView[],
): GateResult {
  const { targets } = policy;
  const checks: TargetCheck[] = [];
  for (const scope of scopes) {
    for (const severity of SEVERITIES) {
      const maxOpen = targets.maxOpen[severity];
      if (maxOpen !== undefined) {
        const actual = scope.open[severity];
        checks.push({
          target: `targets.maxOpen.${severity}`,
          repository: scope.repository,
          measure: `${plural(actual, `open ${severity} finding`)} (at most ${maxOpen} allowed)`,
          actual,
          limit: maxOpen,
          passed: actual <= maxOpen,
        });
      }
      const maxBreached = targets.maxBreached[severity];
      if (maxBreached !== undefined) {
        const actual = scope.breached[severity];
        checks.push({
          target: `targets.maxBreached.${severity}`,
          repository: scope.repository,
          measure: `${plural(actual, `${severity} finding`)} past the ${severity} SLA (at most ${maxBreached} allowed)`,
          actual,
          limit: maxBreached,
          passed: actual <= maxBreached,
        });
      }
    }
    if (targets.minFixedWithinSla !== undefined && scope.fixedInWindow > 0) {
      const share = scope.fixedWithinSla / scope.fixedInWindow;
      const percent = (x: number) => `${Math.floor(x * 1000) / 10}%`;
      checks.push({
        target: 'targets.minFixedWithinSla',
        repository: scope.repository,
        measure: `${percent(share)} of ${plural(scope.fixedInWindow, 'finding')} fixed in the last ${targets.windowDays} days were fixed within their SLA (at least ${percent(targets.minFixedWithinSla)} required)`,
        actual: share,
        limit: targets.minFixedWithinSla,
        passed: share >= targets.minFixedWithinSla,
      });
    }
  }
  // Rotation: per repository when targets apply to each repository; secrets without one belong
  // to the whole organisation and are checked together.
  const groups = new Map<string | undefined, RotationView[]>();
  for (const r of rotation) {
    const key = targets.appliesTo === 'each-repository' ? r.repository : undefined;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [repository, secrets] of groups) {
    const overdue = secrets.filter((s) => s.state === 'overdue');
    const names = overdue.map((s) => s.name).join(', ');
    checks.push({
      target: 'targets.maxOverdueRotations',
      repository,
      measure: `${plural(overdue.length, 'secret')} past the rotation date${overdue.length > 0 ? ` (${names})` : ''} (at most ${targets.maxOverdueRotations} allowed)`,
      actual: overdue.length,
      limit: targets.maxOverdueRotations,
      passed: overdue.length <= targets.maxOverdueRotations,
    });
  }
  return { passed: checks.every((c) => c.passed), appliesTo: targets.appliesTo, checks };
}
