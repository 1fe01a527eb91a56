import type { DecisionEvent, FindingRecord } from './load-findings.js';
import { endOfDay } from './time.js';

/** How a finding stands, for people: only `open` ones count against SLAs and targets. */
export const FINDING_STATES = ['open', 'risk-accepted', 'false-positive', 'suppressed', 'fixed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** The decision in force at `at`: the latest recorded at or before it (decisions are append-only). */
export function decisionAt(f: FindingRecord, at: number): DecisionEvent | undefined {
  let found: DecisionEvent | undefined;
  for (const d of f.decisions) {
    if (d.at > at) break;
    found = d;
  }
  return found;
}

/** A risk acceptance without `until` lasts until revoked; with one, through that day (UTC). */
export function acceptanceActive(d: DecisionEvent, at: number): boolean {
  return d.status === 'risk-accepted' && (d.until === undefined || at < endOfDay(d.until));
}

/** Present in the code at `at`, from first seen through the fixed / reopened events. */
export function openAt(f: FindingRecord, at: number): boolean {
  if (at < f.firstSeenAt) return false;
  let open = true;
  for (const e of f.lifecycle) {
    if (e.at > at) break;
    open = e.kind === 'reopened';
  }
  return open;
}

function suppressedAt(f: FindingRecord, at: number): boolean {
  if (f.ruleOff) return true;
  const s = f.suppression;
  return s !== undefined && (s.expires === undefined || at < endOfDay(s.expires));
}

export function stateAt(f: FindingRecord, at: number): FindingState {
  if (!openAt(f, at)) return 'fixed';
  const decision = decisionAt(f, at);
  if (decision?.status === 'false-positive') return 'false-positive';
  if (decision !== undefined && acceptanceActive(decision, at)) return 'risk-accepted';
  if (suppressedAt(f, at)) return 'suppressed';
  return 'open';
}

/**
 * When the SLA clock of a finding started, as of `at`: first seen, or, after a risk acceptance
 * that has run out, the day it ran out (the finding counts again from then; DefectDojo does the
 * same). Reopening does not restart it: the first detection is what the promise is about.
 */
export function slaStartAt(f: FindingRecord, at: number): number {
  const decision = decisionAt(f, at);
  if (decision?.status === 'risk-accepted' && decision.until !== undefined) {
    const expired = endOfDay(decision.until);
    if (expired <= at) return Math.max(f.firstSeenAt, expired);
  }
  return f.firstSeenAt;
}

/** The time of the fix in force at `at` (the last `fixed` event), if the finding is fixed then. */
export function fixedAtTime(f: FindingRecord, at: number): number | undefined {
  let fixed: number | undefined;
  for (const e of f.lifecycle) {
    if (e.at > at) break;
    fixed = e.kind === 'fixed' ? e.at : undefined;
  }
  return fixed;
}
