import { compareSeverity, type Policy, SEVERITIES, type Severity } from '@seckit/core';
import { decisionAt, type FindingState, fixedAtTime, stateAt } from './finding-state.js';
import { evaluateGate, type GateResult, type ScopeFigures } from './gate.js';
import type { FindingRecord, LoadedState } from './load-findings.js';
import { type RotationView, rotationStatus } from './rotation.js';
import { fixedWithinSla, type SlaClock, type SlaStatus, slaClock, slaFromClock } from './sla.js';
import { DAY, iso, round1, wholeDays } from './time.js';
import {
  type Period,
  type PeriodRow,
  periodBounds,
  type SeverityCounts,
  total,
  trend,
  zeroCounts,
} from './trend.js';

export const SUMMARY_SCHEMA_VERSION = 1;
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface FindingView {
  /** The database row (internal: left out of JSON output). */
  dbId: number;
  /** The finding's key (32 hex); `sec-report triage` takes it or a unique prefix. */
  id: string;
  repository: string;
  tool: string;
  category: string;
  ruleId: string;
  kind: string | undefined;
  severity: Severity;
  rawSeverity: string | undefined;
  message: string;
  path: string | undefined;
  line: number | undefined;
  helpUri: string | undefined;
  state: FindingState;
  branches: string[];
  firstSeen: string;
  lastSeen: string;
  fixedAt: string | undefined;
  reopened: number;
  /** Whole days since first seen (to the fix, for fixed findings). */
  ageDays: number;
  decision: { status: string; reason: string; until: string | undefined; by: string; at: string } | undefined;
  suppression: { kind: string; justification: string; expires?: string } | undefined;
  sla: SlaStatus | undefined;
}

export interface RepositoryRow {
  name: string;
  open: SeverityCounts;
  openTotal: number;
  breached: number;
  oldestOpenDays: number | undefined;
  overdueRotations: number;
}

export interface Summary {
  schemaVersion: number;
  generatedAt: string;
  repository: string | undefined;
  runs: number;
  lastRunAt: string | undefined;
  repositories: number;
  /** Findings that count: open, not risk-accepted, not false positive, not suppressed. */
  open: SeverityCounts;
  openTotal: number;
  notCounted: { riskAccepted: number; falsePositive: number; suppressed: number };
  breached: SeverityCounts;
  breachedTotal: number;
  ageBuckets: Record<AgeBucket, number>;
  sla: {
    hours: Policy['sla'];
    windowDays: number;
    fixed: number;
    fixedWithinSla: number;
    /** fixedWithinSla / fixed, or null when nothing was fixed in the window. */
    share: number | null;
    /** Mean days from first seen to fixed, for findings fixed in the window (false positives excluded). */
    mttrDays: number | null;
    mttrDaysBySeverity: Record<Severity, number | null>;
  };
  byRepository: RepositoryRow[];
  trend: { period: Period; periods: PeriodRow[] };
  rotation: RotationView[];
  gate: GateResult;
  /** Every finding not fixed, and those fixed since the start of the trend; most urgent first. */
  findings: FindingView[];
}

export function ageBucket(days: number): AgeBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

function view(f: FindingRecord, state: FindingState, sla: SlaStatus | undefined, now: number): FindingView {
  const decision = decisionAt(f, now);
  const fixedAt = state === 'fixed' ? fixedAtTime(f, now) : undefined;
  return {
    dbId: f.dbId,
    id: f.key,
    repository: f.repository,
    tool: f.tool,
    category: f.category,
    ruleId: f.ruleId,
    kind: f.kind,
    severity: f.severity,
    rawSeverity: f.rawSeverity,
    message: f.message,
    path: f.path,
    line: f.startLine,
    helpUri: f.helpUri,
    state,
    branches: [...f.branches].sort(),
    firstSeen: iso(f.firstSeenAt),
    lastSeen: iso(f.lastSeenAt),
    fixedAt: fixedAt === undefined ? undefined : iso(fixedAt),
    reopened: f.reopenedCount,
    ageDays: Math.max(0, wholeDays(f.firstSeenAt, fixedAt ?? now)),
    decision:
      decision === undefined || decision.status === 'open' || decision.status === 'fixed'
        ? undefined
        : {
            status: decision.status,
            reason: decision.reason,
            until: decision.until,
            by: decision.actor,
            at: iso(decision.at),
          },
    suppression:
      state === 'suppressed'
        ? (f.suppression ?? { kind: 'rule-disabled', justification: `"${f.ruleId}" is "off" in the policy` })
        : undefined,
    sla: state === 'open' ? sla : undefined,
  };
}

const STATE_ORDER: Record<FindingState, number> = {
  open: 0,
  'risk-accepted': 1,
  suppressed: 2,
  'false-positive': 3,
  fixed: 4,
};

interface Candidate {
  f: FindingRecord;
  state: FindingState;
  clock: SlaClock | undefined;
  /** How long past due at `now`, or -1 when not past due (or no SLA). */
  overdue: number;
}

/**
 * Breached first (most overdue first), then severity, then the nearest due date, then the oldest.
 * On numbers only, so the order is known before any view (with its dates as text) is built. The
 * database id comes last, so no two findings compare equal: the order is total.
 */
function compareUrgency(a: Candidate, b: Candidate): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    b.overdue - a.overdue ||
    compareSeverity(b.f.severity, a.f.severity) ||
    (a.clock?.due ?? Number.POSITIVE_INFINITY) - (b.clock?.due ?? Number.POSITIVE_INFINITY) ||
    a.f.firstSeenAt - b.f.firstSeenAt ||
    a.f.dbId - b.f.dbId
  );
}

/**
 * The `limit` most urgent, in order: what sorting them all and taking the first `limit` gives
 * (the order is total), without sorting 20,000 findings for the 20 a Markdown summary lists.
 */
function mostUrgent(candidates: readonly Candidate[], limit: number | undefined): Candidate[] {
  if (limit === undefined || limit <= 0 || candidates.length <= limit * 4) {
    return [...candidates].sort(compareUrgency).slice(0, limit ?? candidates.length);
  }
  const top: Candidate[] = [];
  for (const c of candidates) {
    if (top.length === limit && compareUrgency(c, top[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareUrgency(top[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, c);
    if (top.length > limit) top.pop();
  }
  return top;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Every metric of the report, computed at `now` from the loaded state and the policy. */
export function buildSummary(
  state: LoadedState,
  policy: Policy,
  options: {
    now: number;
    period: Period;
    repository?: string | undefined;
    /** Build views for the most urgent findings only (a Markdown summary shows 20). */
    viewLimit?: number | undefined;
  },
): Summary {
  const { now, period } = options;
  const windowStart = now - policy.targets.windowDays * DAY;
  const trendStart = periodBounds(period, now)[0]!.start;
  const open = zeroCounts();
  const breached = zeroCounts();
  const notCounted = { riskAccepted: 0, falsePositive: 0, suppressed: 0 };
  const ageBuckets: Record<AgeBucket, number> = { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0 };
  const byRepo = new Map<string, ScopeFigures & { oldest: number | undefined }>();
  const repoFigures = (name: string) => {
    let figures = byRepo.get(name);
    if (figures === undefined) {
      figures = {
        repository: name,
        open: zeroCounts(),
        breached: zeroCounts(),
        fixedInWindow: 0,
        fixedWithinSla: 0,
        oldest: undefined,
      };
      byRepo.set(name, figures);
    }
    return figures;
  };
  for (const name of state.repositories) repoFigures(name);
  let fixed = 0;
  let withinSla = 0;
  const mttr: number[] = [];
  const mttrBySeverity = new Map<Severity, number[]>(SEVERITIES.map((s) => [s, []]));
  const candidates: Candidate[] = [];
  for (const f of state.findings) {
    if (f.firstSeenAt > now) continue;
    const current = stateAt(f, now);
    const repo = repoFigures(f.repository);
    let clock: SlaClock | undefined;
    if (current === 'open') {
      clock = slaClock(f, policy, now);
      open[f.severity]++;
      repo.open[f.severity]++;
      ageBuckets[ageBucket(wholeDays(f.firstSeenAt, now))]++;
      repo.oldest = Math.min(repo.oldest ?? Number.POSITIVE_INFINITY, f.firstSeenAt);
      if (clock !== undefined && now > clock.due) {
        breached[f.severity]++;
        repo.breached[f.severity]++;
      }
    } else if (current === 'risk-accepted') notCounted.riskAccepted++;
    else if (current === 'false-positive') notCounted.falsePositive++;
    else if (current === 'suppressed') notCounted.suppressed++;
    else {
      const fixedAt = fixedAtTime(f, now);
      if (
        fixedAt !== undefined &&
        fixedAt >= windowStart &&
        decisionAt(f, fixedAt)?.status !== 'false-positive'
      ) {
        mttr.push((fixedAt - f.firstSeenAt) / DAY);
        mttrBySeverity.get(f.severity)!.push((fixedAt - f.firstSeenAt) / DAY);
        const ok = fixedWithinSla(f, policy, now);
        if (ok !== undefined) {
          fixed++;
          repo.fixedInWindow++;
          if (ok) {
            withinSla++;
            repo.fixedWithinSla++;
          }
        }
      }
      if (fixedAt === undefined || fixedAt < trendStart) continue;
    }
    const overdue = clock !== undefined && now > clock.due ? now - clock.due : -1;
    candidates.push({ f, state: current, clock, overdue });
  }
  const views = mostUrgent(candidates, options.viewLimit).map((c) =>
    view(c.f, c.state, c.clock === undefined ? undefined : slaFromClock(c.clock, now), now),
  );
  const rotation = rotationStatus(policy, now, options.repository);
  const scopes: ScopeFigures[] =
    policy.targets.appliesTo === 'all' || options.repository !== undefined
      ? [{ repository: options.repository, open, breached, fixedInWindow: fixed, fixedWithinSla: withinSla }]
      : [...byRepo.values()].sort((a, b) => (a.repository! < b.repository! ? -1 : 1));
  const gate = evaluateGate(policy, scopes, rotation);
  const byRepository: RepositoryRow[] = [...byRepo.values()]
    .map((r) => ({
      name: r.repository!,
      open: r.open,
      openTotal: total(r.open),
      breached: total(r.breached),
      oldestOpenDays: r.oldest === undefined ? undefined : wholeDays(r.oldest, now),
      overdueRotations: rotation.filter((x) => x.repository === r.repository && x.state === 'overdue').length,
    }))
    .sort(
      (a, b) =>
        b.breached - a.breached ||
        b.open.critical - a.open.critical ||
        b.open.high - a.open.high ||
        b.openTotal - a.openTotal ||
        a.name.localeCompare(b.name),
    );
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    generatedAt: iso(now),
    repository: options.repository,
    runs: state.runs,
    lastRunAt: state.lastRunAt === undefined ? undefined : iso(state.lastRunAt),
    repositories: byRepo.size,
    open,
    openTotal: total(open),
    notCounted,
    breached,
    breachedTotal: total(breached),
    ageBuckets,
    sla: {
      hours: policy.sla,
      windowDays: policy.targets.windowDays,
      fixed,
      fixedWithinSla: withinSla,
      share: fixed === 0 ? null : withinSla / fixed,
      mttrDays: mean(mttr),
      mttrDaysBySeverity: Object.fromEntries(
        SEVERITIES.map((s) => [s, mean(mttrBySeverity.get(s)!)]),
      ) as Record<Severity, number | null>,
    },
    byRepository,
    trend: { period, periods: trend(state.findings, period, now) },
    rotation,
    gate,
    findings: views,
  };
}
