import type { Policy, Severity } from '@seckit/core';
import { fixedAtTime, slaStartAt } from './finding-state.js';
import type { FindingRecord } from './load-findings.js';
import { DAY, HOUR, iso, round1 } from './time.js';

export interface SlaStatus {
  hours: number;
  startedAt: string;
  dueAt: string;
  breached: boolean;
  /** Days past due (one decimal); 0 when not breached. */
  daysOverdue: number;
  /** Hours left (one decimal); 0 when breached. */
  hoursLeft: number;
}

/** Hours allowed for a severity; undefined when the policy sets none (info, by default). */
export function slaHours(policy: Policy, severity: Severity): number | undefined {
  return policy.sla[severity];
}

export interface SlaClock {
  hours: number;
  start: number;
  due: number;
}

/** The clock of an open finding at `now`: due = start + the policy's hours for its severity. */
export function slaClock(f: FindingRecord, policy: Policy, now: number): SlaClock | undefined {
  const hours = slaHours(policy, f.severity);
  if (hours === undefined) return undefined;
  const start = slaStartAt(f, now);
  return { hours, start, due: start + hours * HOUR };
}

/** The SLA of an open finding at `now`, for people and outputs. */
export function slaStatus(f: FindingRecord, policy: Policy, now: number): SlaStatus | undefined {
  const clock = slaClock(f, policy, now);
  return clock === undefined ? undefined : slaFromClock(clock, now);
}

export function slaFromClock({ hours, start, due }: SlaClock, now: number): SlaStatus {
  const breached = now > due;
  return {
    hours,
    startedAt: iso(start),
    dueAt: iso(due),
    breached,
    daysOverdue: breached ? round1((now - due) / DAY) : 0,
    hoursLeft: breached ? 0 : round1((due - now) / HOUR),
  };
}

/** Whether a fixed finding was fixed within its SLA (undefined: no SLA for its severity). */
export function fixedWithinSla(f: FindingRecord, policy: Policy, now: number): boolean | undefined {
  const hours = slaHours(policy, f.severity);
  const fixedAt = fixedAtTime(f, now);
  if (hours === undefined || fixedAt === undefined) return undefined;
  return fixedAt - slaStartAt(f, fixedAt) <= hours * HOUR;
}
