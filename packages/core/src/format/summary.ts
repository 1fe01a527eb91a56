import type { Finding } from '../schemas/finding.js';
import type { SuppressionKind } from '../schemas/report.js';
import { SEVERITIES, type Severity } from '../severity.js';

/** Shared by the human-facing formatters so text and Markdown count and word things alike. */

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** `1 critical, 2 high` — only the severities that occur, most severe first. */
export function describeSeverityCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

/** `1 baseline, 2 inline` in order of first appearance (the report's own order). */
export function describeSuppressionKinds(
  suppressed: readonly { suppression: { kind: SuppressionKind } }[],
): string {
  const counts = new Map<SuppressionKind, number>();
  for (const s of suppressed) counts.set(s.suppression.kind, (counts.get(s.suppression.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Groups by `location.path`, files in order of first appearance, findings by position within a file. */
export function groupByFile<T extends Finding>(findings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const f of findings) {
    const group = groups.get(f.location.path);
    if (group === undefined) groups.set(f.location.path, [f]);
    else group.push(f);
  }
  for (const group of groups.values()) {
    group.sort(
      (a, b) =>
        a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn,
    );
  }
  return groups;
}
