import { detailsHash, findingKey } from '../ingest/identity.js';
import type { NormalizedFinding, NormalizedRun } from '../ingest/normalized.js';
import type { Database } from '../store/sql-types.js';
import { runContentHash } from './content-hash.js';
import { type Prepared, prepare } from './statements.js';

export type RunOutcome = 'complete' | 'partial' | 'empty' | 'failed';

export type ApplyResult =
  | { status: 'duplicate'; runId: number }
  | {
      status: 'applied';
      runId: number;
      outcome: RunOutcome;
      findings: number;
      newFindings: number;
      fixed: number;
      reopened: number;
    };

/**
 * Whether a run may close findings it does not contain. Only a complete scan can: a staged, diff
 * or paths run saw part of the code; a failed run may have missed files; an empty run is more
 * often a broken scanner than a clean repository (pass closeOnEmpty to trust it).
 */
export function outcomeOf(run: NormalizedRun, closeOnEmpty: boolean): RunOutcome {
  if (run.failed) return 'failed';
  if (run.scope !== 'full') return 'partial';
  if (run.findings.length === 0 && !closeOnEmpty) return 'empty';
  return 'complete';
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Same keys in the same order with the same values (what JSON.stringify would tell apart). */
function sameRecord(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k !== other[i] || a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * Whether two views of a finding have the same details: every column `details()` hashes. False
 * when unsure (the hash then decides), never true for details that would hash differently.
 */
function sameDetails(a: NormalizedFinding, b: NormalizedFinding): boolean {
  if (
    a.ruleId !== b.ruleId ||
    a.kind !== b.kind ||
    a.severity !== b.severity ||
    a.rawSeverity !== b.rawSeverity ||
    a.message !== b.message ||
    a.path !== b.path ||
    a.startLine !== b.startLine ||
    a.startColumn !== b.startColumn ||
    a.endLine !== b.endLine ||
    a.endColumn !== b.endColumn ||
    a.helpUri !== b.helpUri
  )
    return false;
  const fa = a.toolFingerprints;
  const fb = b.toolFingerprints;
  if (fa !== fb) {
    if (fa === undefined || fb === undefined) return false;
    if (Object.keys(fa).join() !== Object.keys(fb).join()) return false;
    if (!sameRecord(fa.partial, fb.partial) || !sameRecord(fa.full, fb.full)) return false;
  }
  const sa = a.suppression;
  const sb = b.suppression;
  if (sa === sb) return true;
  return sa !== undefined && sb !== undefined && json(sa) === json(sb);
}

/** A finding's life-cycle columns, kept in memory while a command applies runs. */
interface FindingState {
  id: number;
  status: 'open' | 'fixed';
  firstSeenAt: number;
  firstSeenRun: number;
  lastSeenAt: number;
  lastSeenRun: number;
  fixedAt: number | null;
  detailsHash: number;
  reopenedCount: number;
  /** The details `detailsHash` was computed from, when this command has seen them. */
  last: NormalizedFinding | undefined;
  /** Where it is present, per branch ('' when runs named none). */
  branches: Map<string, PresenceState>;
  dirty: boolean;
}

interface PresenceState {
  present: boolean;
  lastSeenAt: number;
  lastSeenRun: number;
  absentSince: number | null;
  dirty: boolean;
}

/** Every finding of one repository, tool and category: what a complete run is compared with. */
interface StreamState {
  byKey: Map<string, FindingState>;
  /**
   * The same findings by the identity material of the runs (a finding's key is a SHA-256 of the
   * stream and that material): the same finding comes back run after run, and is found here
   * without hashing it again.
   */
  byFingerprint: Map<string, FindingState>;
}

export interface Applier {
  /** Apply one run. Life-cycle columns are kept in memory: call `flush()` before reading or saving. */
  apply(run: NormalizedRun, options: { now: number; closeOnEmpty: boolean }): ApplyResult;
  /** Write the in-memory life-cycle state to the database. */
  flush(): void;
  /** Forget the in-memory state (after a rollback). */
  reset(): void;
  free(): void;
}

/**
 * The life-cycle engine. Run the whole batch in one transaction: apply() every run, then flush().
 *
 * Each stream (repository, tool, category) touched is loaded once; identities, first/last seen,
 * presence per branch, fixes and reopenings are then tracked in memory and written once per
 * finding by flush(), instead of once per finding per run. New findings, events, runs and rules
 * are written as they happen. Time comparisons (not ingest order) decide what is newer, so reports
 * ingested out of order give the same history as in order.
 */
export function createApplier(db: Database): Applier {
  const s = {
    lastId: prepare(db, 'SELECT last_insert_rowid()'),
    runByHash: prepare(db, 'SELECT id FROM runs WHERE content_hash = ?'),
    repoInsert: prepare(db, 'INSERT INTO repositories (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
    repoId: prepare(db, 'SELECT id FROM repositories WHERE name = ?'),
    runInsert: prepare(
      db,
      `INSERT INTO runs (content_hash, repository_id, branch, commit_sha, tool, tool_version, category, scope,
         outcome, run_at, ingested_at, source_file, source_format, findings)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    runCounts: prepare(
      db,
      'UPDATE runs SET new_findings = ?, fixed_findings = ?, reopened_findings = ? WHERE id = ?',
    ),
    ruleUpsert: prepare(
      db,
      `INSERT INTO rules (tool, rule_id, name, description, help_uri) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tool, rule_id) DO UPDATE SET name = coalesce(excluded.name, name),
         description = coalesce(excluded.description, description), help_uri = coalesce(excluded.help_uri, help_uri)`,
    ),
    streamFindings: prepare(
      db,
      `SELECT key, id, status, first_seen_at, first_seen_run, last_seen_at, last_seen_run, fixed_at, details_hash,
         reopened_count FROM findings WHERE repository_id = ? AND tool = ? AND category = ?`,
    ),
    streamBranches: prepare(
      db,
      `SELECT fb.finding_id, fb.branch, fb.present, fb.last_seen_at, fb.last_seen_run, fb.absent_since
       FROM finding_branches fb JOIN findings f ON f.id = fb.finding_id
       WHERE f.repository_id = ? AND f.tool = ? AND f.category = ?`,
    ),
    findingInsert: prepare(
      db,
      `INSERT INTO findings (key, repository_id, tool, category, rule_id, kind, severity, raw_severity, message, path,
         start_line, start_column, end_line, end_column, help_uri, fingerprints, suppression, details_hash, status,
         first_seen_at, first_seen_run, last_seen_at, last_seen_run)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    ),
    // The newest run's view of a finding wins; written only when the details changed.
    findingDetails: prepare(
      db,
      `UPDATE findings SET rule_id = ?, kind = ?, severity = ?, raw_severity = ?, message = ?, path = ?,
         start_line = ?, start_column = ?, end_line = ?, end_column = ?, help_uri = ?, fingerprints = ?,
         suppression = ?, details_hash = ? WHERE id = ?`,
    ),
    findingLifecycle: prepare(
      db,
      `UPDATE findings SET status = ?, first_seen_at = ?, first_seen_run = ?, last_seen_at = ?, last_seen_run = ?,
         fixed_at = ?, reopened_count = ? WHERE id = ?`,
    ),
    presenceWrite: prepare(
      db,
      `INSERT INTO finding_branches (finding_id, branch, present, last_seen_at, last_seen_run, absent_since)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (finding_id, branch) DO UPDATE SET present = excluded.present,
         last_seen_at = excluded.last_seen_at, last_seen_run = excluded.last_seen_run,
         absent_since = excluded.absent_since`,
    ),
    event: prepare(db, 'INSERT INTO lifecycle_events (finding_id, kind, at, run_id) VALUES (?, ?, ?, ?)'),
  } satisfies Record<string, Prepared>;

  const id = (): number => s.lastId.first([])![0] as number;
  const repositories = new Map<string, number>();
  /** What this command last wrote per tool and rule, as JSON. */
  const rulesWritten = new Map<string, string>();
  let streams = new Map<string, StreamState>();

  function repositoryId(name: string): number {
    let repoId = repositories.get(name);
    if (repoId === undefined) {
      s.repoInsert.run([name]);
      repoId = s.repoId.first([name])![0] as number;
      repositories.set(name, repoId);
    }
    return repoId;
  }

  function stream(repoId: number, tool: string, category: string): StreamState {
    const name = `${repoId}\0${tool}\0${category}`;
    let state = streams.get(name);
    if (state !== undefined) return state;
    state = { byKey: new Map(), byFingerprint: new Map() };
    const byId = new Map<number, FindingState>();
    for (const row of s.streamFindings.all([repoId, tool, category])) {
      const f: FindingState = {
        id: row[1] as number,
        status: row[2] as 'open' | 'fixed',
        firstSeenAt: row[3] as number,
        firstSeenRun: row[4] as number,
        lastSeenAt: row[5] as number,
        lastSeenRun: row[6] as number,
        fixedAt: row[7] as number | null,
        detailsHash: row[8] as number,
        reopenedCount: row[9] as number,
        last: undefined,
        branches: new Map(),
        dirty: false,
      };
      state.byKey.set(row[0] as string, f);
      byId.set(f.id, f);
    }
    for (const row of s.streamBranches.all([repoId, tool, category])) {
      byId.get(row[0] as number)?.branches.set(row[1] as string, {
        present: row[2] === 1,
        lastSeenAt: row[3] as number,
        lastSeenRun: row[4] as number,
        absentSince: row[5] as number | null,
        dirty: false,
      });
    }
    streams.set(name, state);
    return state;
  }

  function details(f: NormalizedFinding) {
    const values = [
      f.ruleId,
      f.kind ?? null,
      f.severity,
      f.rawSeverity ?? null,
      f.message,
      f.path ?? null,
      f.startLine ?? null,
      f.startColumn ?? null,
      f.endLine ?? null,
      f.endColumn ?? null,
      f.helpUri ?? null,
      json(f.toolFingerprints),
      json(f.suppression),
    ] as const;
    return { values, hash: detailsHash(values.join('\0')) };
  }

  /** Seen on `branch` at `t`: present again unless a complete run later than `t` found it gone. */
  function seenOn(f: FindingState, branch: string, t: number, runId: number): void {
    const p = f.branches.get(branch);
    if (p === undefined) {
      f.branches.set(branch, {
        present: true,
        lastSeenAt: t,
        lastSeenRun: runId,
        absentSince: null,
        dirty: true,
      });
      return;
    }
    if (p.absentSince === null || t > p.absentSince) {
      p.present = true;
      p.absentSince = null;
    }
    if (t >= p.lastSeenAt) {
      p.lastSeenAt = t;
      p.lastSeenRun = runId;
    }
    p.dirty = true;
  }

  return {
    apply(run, { now, closeOnEmpty }) {
      const hash = runContentHash(run);
      const existing = s.runByHash.first([hash]);
      if (existing !== undefined) return { status: 'duplicate', runId: existing[0] as number };
      const repoId = repositoryId(run.repository);
      const outcome = outcomeOf(run, closeOnEmpty);
      s.runInsert.run([
        hash,
        repoId,
        run.branch ?? null,
        run.commit ?? null,
        run.tool,
        run.toolVersion ?? null,
        run.category,
        run.scope,
        outcome,
        run.time,
        now,
        run.file,
        run.format,
        run.findings.length,
      ]);
      const runId = id();
      const rules = new Map(run.rules);
      for (const f of run.findings) if (!rules.has(f.ruleId)) rules.set(f.ruleId, { helpUri: f.helpUri });
      for (const [ruleId, rule] of rules) {
        const values = [run.tool, ruleId, rule.name ?? null, rule.description ?? null, rule.helpUri ?? null];
        // Every run names its rules again; the same values again would change nothing.
        const name = `${run.tool}\0${ruleId}`;
        const written = JSON.stringify(values);
        if (rulesWritten.get(name) === written) continue;
        s.ruleUpsert.run(values);
        rulesWritten.set(name, written);
      }
      const state = stream(repoId, run.tool, run.category);
      const t = run.time;
      const branch = run.branch ?? '';
      let newFindings = 0;
      let reopened = 0;
      for (const nf of run.findings) {
        let f = state.byFingerprint.get(nf.fingerprint);
        if (f === undefined) {
          const key = findingKey(run.repository, run.tool, run.category, nf.fingerprint);
          f = state.byKey.get(key);
          if (f === undefined) {
            const d = details(nf);
            s.findingInsert.run([
              key,
              repoId,
              run.tool,
              run.category,
              ...d.values,
              d.hash,
              t,
              runId,
              t,
              runId,
            ]);
            f = {
              id: id(),
              status: 'open',
              firstSeenAt: t,
              firstSeenRun: runId,
              lastSeenAt: t,
              lastSeenRun: runId,
              fixedAt: null,
              detailsHash: d.hash,
              reopenedCount: 0,
              last: nf,
              branches: new Map(),
              dirty: false,
            };
            state.byKey.set(key, f);
            state.byFingerprint.set(nf.fingerprint, f);
            newFindings++;
            seenOn(f, branch, t, runId);
            continue;
          }
          state.byFingerprint.set(nf.fingerprint, f);
        }
        if (t >= f.lastSeenAt) {
          // Unchanged since the run before (the usual case) needs neither the hash nor a write.
          if (f.last === undefined || !sameDetails(f.last, nf)) {
            const d = details(nf);
            if (d.hash !== f.detailsHash) {
              s.findingDetails.run([...d.values, d.hash, f.id]);
              f.detailsHash = d.hash;
            }
            f.last = nf;
          }
          f.lastSeenAt = t;
          f.lastSeenRun = runId;
          f.dirty = true;
        }
        if (t < f.firstSeenAt) {
          f.firstSeenAt = t;
          f.firstSeenRun = runId;
          f.dirty = true;
        }
        // Seen after it was fixed: it is back. Decisions (risk accepted, false positive) live in
        // their own table and stay in force: reopening never overrides them.
        if (f.status === 'fixed' && f.fixedAt !== null && t > f.fixedAt) {
          f.status = 'open';
          f.fixedAt = null;
          f.reopenedCount++;
          f.dirty = true;
          s.event.run([f.id, 'reopened', t, runId]);
          reopened++;
        }
        seenOn(f, branch, t, runId);
      }
      let fixed = 0;
      if (outcome === 'complete') {
        // Present on this branch but last seen before this run: this complete scan says it is gone.
        for (const f of state.byKey.values()) {
          const p = f.branches.get(branch);
          if (p === undefined || !p.present || p.lastSeenAt >= t) continue;
          p.present = false;
          p.absentSince = t;
          p.dirty = true;
          if (f.status !== 'open') continue;
          let elsewhere = false;
          for (const other of f.branches.values()) elsewhere ||= other.present;
          if (elsewhere) continue;
          f.status = 'fixed';
          f.fixedAt = t;
          f.dirty = true;
          s.event.run([f.id, 'fixed', t, runId]);
          fixed++;
        }
      }
      s.runCounts.run([newFindings, fixed, reopened, runId]);
      return {
        status: 'applied',
        runId,
        outcome,
        findings: run.findings.length,
        newFindings,
        fixed,
        reopened,
      };
    },
    flush() {
      for (const state of streams.values()) {
        for (const f of state.byKey.values()) {
          if (f.dirty) {
            s.findingLifecycle.run([
              f.status,
              f.firstSeenAt,
              f.firstSeenRun,
              f.lastSeenAt,
              f.lastSeenRun,
              f.fixedAt,
              f.reopenedCount,
              f.id,
            ]);
            f.dirty = false;
          }
          for (const [branch, p] of f.branches) {
            if (!p.dirty) continue;
            s.presenceWrite.run([
              f.id,
              branch,
              p.present ? 1 : 0,
              p.lastSeenAt,
              p.lastSeenRun,
              p.absentSince,
            ]);
            p.dirty = false;
          }
        }
      }
    },
    reset() {
      streams = new Map();
      repositories.clear();
      rulesWritten.clear();
    },
    free() {
      for (const stmt of Object.values(s)) stmt.free();
    },
  };
}
