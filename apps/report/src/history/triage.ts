import { SeckitError } from '@seckit/core';
import { DECISION_STATUSES, type DecisionStatus } from '../metrics/load-findings.js';
import { endOfDay } from '../metrics/time.js';
import type { Database } from '../store/sql-types.js';
import { prepare, transaction } from './statements.js';

export interface TriageInput {
  refs: readonly string[];
  status: DecisionStatus;
  reason: string;
  until: string | undefined;
  actor: string;
  now: number;
}

export interface TriagedFinding {
  key: string;
  repository: string;
  ruleId: string;
  path: string | null;
  line: number | null;
  /** The life-cycle change the decision made, if any. */
  change: 'fixed' | 'reopened' | undefined;
}

const MIN_PREFIX = 6;

/** A finding by its key or a unique prefix of it (like git's short commit ids). */
export function resolveFinding(db: Database, ref: string): { id: number; key: string } {
  const wanted = ref.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(wanted) || wanted.length < MIN_PREFIX) {
    throw new SeckitError(
      'E_USAGE',
      `"${ref.slice(0, 40)}" is not a finding id: use the id shown by \`sec-report summary\` or the dashboard (at least ${MIN_PREFIX} hex characters)`,
    );
  }
  const rows =
    db.exec(
      `SELECT f.id, f.key, r.name, f.path FROM findings f JOIN repositories r ON r.id = f.repository_id
       WHERE f.key >= ? AND f.key < ? ORDER BY f.key LIMIT 6`,
      [wanted, `${wanted}g`],
    )[0]?.values ?? [];
  if (rows.length === 0)
    throw new SeckitError('E_USAGE', `no finding has the id ${wanted}; check it in \`sec-report summary\``);
  if (rows.length > 1) {
    const list = rows
      .slice(0, 5)
      .map((r) => `${r[1] as string} (${r[2] as string} ${(r[3] as string | null) ?? ''})`);
    throw new SeckitError(
      'E_USAGE',
      `${wanted} matches several findings; give more characters:\n  ${list.join('\n  ')}`,
    );
  }
  return { id: rows[0]![0] as number, key: rows[0]![1] as string };
}

/** Validate what a person typed, before anything is looked up or written. */
export function checkTriage(
  status: string | undefined,
  reason: string | undefined,
  until: string | undefined,
  now: number,
): DecisionStatus {
  if (status === undefined)
    throw new SeckitError('E_USAGE', `--status is required: one of ${DECISION_STATUSES.join(', ')}`);
  if (!(DECISION_STATUSES as readonly string[]).includes(status))
    throw new SeckitError(
      'E_USAGE',
      `--status: expected one of ${DECISION_STATUSES.join(', ')}, got "${status.slice(0, 40)}"`,
    );
  if (reason === undefined || reason.trim() === '')
    throw new SeckitError('E_USAGE', '--reason is required: say why, for whoever reads the history later');
  if (until !== undefined) {
    if (status !== 'risk-accepted')
      throw new SeckitError('E_USAGE', '--until only applies to --status risk-accepted');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(until) ||
      Number.isNaN(Date.parse(`${until}T00:00:00Z`)) ||
      new Date(`${until}T00:00:00Z`).toISOString().slice(0, 10) !== until
    )
      throw new SeckitError('E_USAGE', `--until: expected a date as YYYY-MM-DD, got "${until.slice(0, 40)}"`);
    if (endOfDay(until) <= now)
      throw new SeckitError(
        'E_USAGE',
        `--until ${until} is in the past; a risk acceptance must end in the future`,
      );
  }
  return status as DecisionStatus;
}

/**
 * Record a decision for each finding, all or none (one transaction). Decisions are append-only
 * rows: the latest is in force. `fixed` also closes the finding (a scan that sees it again
 * reopens it); `open` withdraws the decision and reopens a finding marked fixed.
 */
export function triage(db: Database, input: TriageInput): TriagedFinding[] {
  const targets = input.refs.map((ref) => resolveFinding(db, ref));
  const insert = prepare(
    db,
    'INSERT INTO decisions (finding_id, status, reason, until, actor, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const info = prepare(
    db,
    'SELECT r.name, f.rule_id, f.path, f.start_line, f.status FROM findings f JOIN repositories r ON r.id = f.repository_id WHERE f.id = ?',
  );
  const fix = prepare(
    db,
    "UPDATE findings SET status = 'fixed', fixed_at = ? WHERE id = ? AND status = 'open'",
  );
  const reopen = prepare(
    db,
    "UPDATE findings SET status = 'open', fixed_at = NULL, reopened_count = reopened_count + 1 WHERE id = ? AND status = 'fixed'",
  );
  const absent = prepare(
    db,
    'UPDATE finding_branches SET present = 0, absent_since = ? WHERE finding_id = ? AND present = 1',
  );
  const event = prepare(
    db,
    'INSERT INTO lifecycle_events (finding_id, kind, at, run_id, actor, reason) VALUES (?, ?, ?, NULL, ?, ?)',
  );
  try {
    return transaction(db, () =>
      targets.map(({ id, key }) => {
        const row = info.first([id])!;
        insert.run([id, input.status, input.reason.trim(), input.until ?? null, input.actor, input.now]);
        let change: TriagedFinding['change'];
        if (input.status === 'fixed' && row[4] === 'open') {
          fix.run([input.now, id]);
          absent.run([input.now, id]);
          event.run([id, 'fixed', input.now, input.actor, input.reason.trim()]);
          change = 'fixed';
        } else if (input.status === 'open' && row[4] === 'fixed') {
          reopen.run([id]);
          event.run([id, 'reopened', input.now, input.actor, input.reason.trim()]);
          change = 'reopened';
        }
        return {
          key,
          repository: row[0] as string,
          ruleId: row[1] as string,
          path: row[2] as string | null,
          line: row[3] as number | null,
          change,
        };
      }),
    );
  } finally {
    for (const s of [insert, info, fix, reopen, absent, event]) s.free();
  }
}
