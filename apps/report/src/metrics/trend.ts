import { SEVERITIES, type Severity } from '@seckit/core';
import { decisionAt, openAt, stateAt } from './finding-state.js';
import type { FindingRecord } from './load-findings.js';
import { DAY, iso } from './time.js';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_COUNT = 12;

export type SeverityCounts = Record<Severity, number>;

export function zeroCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

export interface PeriodRow {
  /** First instant of the period (UTC). */
  start: string;
  /** End of the period: the next period's start, or now for the current one. */
  end: string;
  /** Findings first seen in the period. */
  new: number;
  /** Findings fixed in the period (false positives excluded). */
  fixed: number;
  reopened: number;
  /** Findings that count (open, not accepted, not false positive, not suppressed) at the end. */
  open: SeverityCounts;
}

/** Start of the period holding `t` (UTC): midnight, Monday, or the 1st of the month. */
export function periodStart(period: Period, t: number): number {
  const d = new Date(t);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (period === 'day') return midnight;
  if (period === 'week') return midnight - ((d.getUTCDay() + 6) % 7) * DAY;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function previousStart(period: Period, start: number): number {
  if (period === 'day') return start - DAY;
  if (period === 'week') return start - 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
}

/** The last PERIOD_COUNT periods up to now, oldest first; the current one ends at now. */
export function periodBounds(period: Period, now: number): { start: number; end: number }[] {
  const starts = [periodStart(period, now)];
  while (starts.length < PERIOD_COUNT) starts.unshift(previousStart(period, starts[0]!));
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? now }));
}

/**
 * Trend and activity per period, replayed from first-seen times and life-cycle events, with the
 * decisions in force at each period's end; so a past period reads the same tomorrow as today
 * (unless older reports are ingested later, which fills in history).
 */
export function trend(findings: readonly FindingRecord[], period: Period, now: number): PeriodRow[] {
  const bounds = periodBounds(period, now);
  const rows: PeriodRow[] = bounds.map((b) => ({
    start: iso(b.start),
    end: iso(b.end),
    new: 0,
    fixed: 0,
    reopened: 0,
    open: zeroCounts(),
  }));
  const first = bounds[0]!.start;
  // Findings never fixed nor decided on count in every period from the one they appeared in on:
  // counted once, where they start (per severity), and carried forward at the end.
  const startsCounting: SeverityCounts[] = bounds.map(() => zeroCounts());
  const indexOf = (t: number): number => {
    if (t < first || t >= now) return t === now ? bounds.length - 1 : -1;
    for (let i = bounds.length - 1; i >= 0; i--) if (t >= bounds[i]!.start) return i;
    return -1;
  };
  for (const f of findings) {
    const created = indexOf(f.firstSeenAt);
    if (created >= 0) rows[created]!.new++;
    for (const e of f.lifecycle) {
      const i = indexOf(e.at);
      if (i < 0) continue;
      if (e.kind === 'reopened') rows[i]!.reopened++;
      else if (decisionAt(f, e.at)?.status !== 'false-positive') rows[i]!.fixed++;
    }
    // Open counts only where the finding could be open: skip the periods before it existed.
    if (f.firstSeenAt > now) continue;
    if (f.lifecycle.length === 0 && f.decisions.length === 0 && f.suppression === undefined && !f.ruleOff) {
      // Never fixed, never decided on: it counts from first seen on (most findings; no replay needed).
      // Period ends rise, so the periods it counts in are those from the first whose end it is at
      // or before, onwards.
      let from = 0;
      while (from < bounds.length && f.firstSeenAt > bounds[from]!.end) from++;
      if (from < bounds.length) startsCounting[from]![f.severity]++;
      continue;
    }
    for (let i = 0; i < bounds.length; i++) {
      const end = bounds[i]!.end;
      if (f.firstSeenAt > end || !openAt(f, end)) continue;
      if (stateAt(f, end) === 'open') rows[i]!.open[f.severity]++;
    }
  }
  const carried = zeroCounts();
  for (let i = 0; i < bounds.length; i++) {
    for (const severity of SEVERITIES) {
      carried[severity] += startsCounting[i]![severity];
      rows[i]!.open[severity] += carried[severity];
    }
  }
  return rows;
}

export function total(counts: SeverityCounts): number {
  return SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
}
