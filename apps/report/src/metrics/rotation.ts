import type { Policy } from '@seckit/core';
import { DAY, dayOf, endOfDay, startOfDay, wholeDays } from './time.js';

export type RotationState = 'ok' | 'due-soon' | 'overdue';

export interface RotationView {
  name: string;
  kind: string;
  owner: string;
  repository: string | undefined;
  lastRotated: string;
  intervalDays: number;
  /** The last day the current secret may be used: lastRotated + intervalDays. */
  dueDate: string;
  state: RotationState;
  /** Days past the due date (overdue), else 0. */
  daysOverdue: number;
  /** Days until the due date (ok, due-soon), else 0. */
  daysLeft: number;
}

/**
 * The policy's rotation schedule at `now`: overdue after the due date (UTC), due soon within
 * `dueSoonDays` of it. Secrets without a repository belong to everyone and are always listed.
 */
export function rotationStatus(policy: Policy, now: number, repository?: string): RotationView[] {
  const { dueSoonDays, secrets } = policy.rotation;
  return secrets
    .filter((s) => repository === undefined || s.repository === undefined || s.repository === repository)
    .map((s) => {
      const due = startOfDay(s.lastRotated) + s.intervalDays * DAY;
      const dueDate = dayOf(due);
      const overdue = now >= endOfDay(dueDate);
      const daysLeft = overdue ? 0 : Math.max(0, wholeDays(now, endOfDay(dueDate)));
      const state: RotationState = overdue ? 'overdue' : daysLeft <= dueSoonDays ? 'due-soon' : 'ok';
      return {
        name: s.name,
        kind: s.kind,
        owner: s.owner,
        repository: s.repository,
        lastRotated: s.lastRotated,
        intervalDays: s.intervalDays,
        dueDate,
        state,
        daysOverdue: overdue ? wholeDays(endOfDay(dueDate), now) + 1 : 0,
        daysLeft,
      };
    })
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.name < b.name ? -1 : 1));
}
