import { type Policy, SEVERITIES, type Severity } from '@seckit/core';
import type { ToolSuppression } from '../ingest/normalized.js';
import type { Database, SqlValue } from '../store/sql-types.js';

export const DECISION_STATUSES = ['risk-accepted', 'false-positive', 'fixed', 'open'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionEvent {
  status: DecisionStatus;
  reason: string;
  until: string | undefined;
  actor: string;
  at: number;
}

export interface LifecycleEvent {
  kind: 'fixed' | 'reopened';
  at: number;
  byRun: boolean;
}

/** A finding as stored, with its events; the input of every metric. */
export interface FindingRecord {
  dbId: number;
  key: string;
  repository: string;
  tool: string;
  category: string;
  ruleId: string;
  kind: string | undefined;
  /** After the policy's `severity` overrides. */
  severity: Severity;
  /** As normalised at ingest. */
  storedSeverity: Severity;
  rawSeverity: string | undefined;
  message: string;
  path: string | undefined;
  startLine: number | undefined;
  startColumn: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  helpUri: string | undefined;
  toolFingerprints: { partial?: Record<string, string>; full?: Record<string, string> } | undefined;
  suppression: ToolSuppression | undefined;
  /** The policy turns the rule "off": shown, never counted. */
  ruleOff: boolean;
  status: 'open' | 'fixed';
  firstSeenAt: number;
  lastSeenAt: number;
  fixedAt: number | undefined;
  reopenedCount: number;
  /** Branches where the finding is currently present ('' for runs that named none). */
  branches: string[];
  lifecycle: LifecycleEvent[];
  decisions: DecisionEvent[];
}

export interface RunInfo {
  repository: string;
  tool: string;
  toolVersion: string | undefined;
  category: string;
  at: number;
}

export interface LoadedState {
  findings: FindingRecord[];
  repositories: string[];
  runs: number;
  lastRunAt: number | undefined;
  /** Latest run per tool and category (SARIF output names the tool version from it). */
  latestRuns: RunInfo[];
  rules: Map<string, { name?: string; description?: string; helpUri?: string }>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Rows of a query, stepped through one prepared statement (the cheapest way out of sql.js). */
function* rowsOf(db: Database, sql: string, params: readonly number[]): Generator<SqlValue[]> {
  const stmt = db.prepare(sql);
  try {
    stmt.bind([...params]);
    while (stmt.step()) yield stmt.get();
  } finally {
    stmt.free();
  }
}

/**
 * Events come in table (insertion) order; each finding's few are put in time order here, cheaper
 * than sorting them all in SQL. The sort is stable, so equal times keep their insertion order.
 */
function byTime(events: { at: number }[]): void {
  if (events.length > 1) events.sort((a, b) => a.at - b.at);
}

export interface LoadOptions {
  /** Narrow to one repository. */
  repository?: string | undefined;
  /**
   * Also read message, path, location, links and tool fingerprints. Without them the metrics are
   * the same; `fillDetails` adds them later to the few findings a Markdown summary shows.
   */
  details: boolean;
  /** Leave out findings fixed before this time: no metric looks back further. */
  fixedSince?: number | undefined;
}

// Severity and status as numbers: strings are what costs most to move out of SQLite's wasm memory.
const LIGHT_COLUMNS = `f.id, f.repository_id,
  CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
  f.status = 'open', f.suppression, f.first_seen_at, f.last_seen_at, f.fixed_at, f.reopened_count`;
const IDENTITY_COLUMNS = 'f.key, f.tool, f.category, f.rule_id';
const DETAIL_COLUMNS = `f.kind, f.raw_severity, f.message, f.path, f.start_line, f.start_column, f.end_line,
  f.end_column, f.help_uri, f.fingerprints`;

/** Copy the detail columns (in DETAIL_COLUMNS order, from `offset`) into a record. */
function setDetails(record: FindingRecord, row: readonly unknown[], offset: number): void {
  record.kind = text(row[offset]);
  record.rawSeverity = text(row[offset + 1]);
  record.message = row[offset + 2] as string;
  record.path = text(row[offset + 3]);
  record.startLine = num(row[offset + 4]);
  record.startColumn = num(row[offset + 5]);
  record.endLine = num(row[offset + 6]);
  record.endColumn = num(row[offset + 7]);
  record.helpUri = text(row[offset + 8]);
  record.toolFingerprints =
    typeof row[offset + 9] === 'string' ? JSON.parse(row[offset + 9] as string) : undefined;
}

/**
 * Everything the metrics need, in a handful of queries (findings, branches, events, decisions)
 * rather than one per finding. Numbers and short strings only unless `details` is asked for:
 * moving text out of SQLite's wasm memory is most of the cost.
 */
export function loadFindings(db: Database, policy: Policy, options: LoadOptions): LoadedState {
  const { repository } = options;
  const repoNames = new Map<number, string>();
  for (const row of db.exec('SELECT id, name FROM repositories')[0]?.values ?? [])
    repoNames.set(row[0] as number, row[1] as string);
  const repoId =
    repository === undefined ? undefined : [...repoNames].find(([, name]) => name === repository)?.[0];
  const where: string[] = [];
  const params: number[] = [];
  if (repository !== undefined) {
    where.push('f.repository_id = ?');
    params.push(repoId ?? -1);
  }
  if (options.fixedSince !== undefined) {
    where.push("(f.status = 'open' OR f.fixed_at >= ?)");
    params.push(options.fixedSince);
  }
  const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const byId = new Map<number, FindingRecord>();
  const findings: FindingRecord[] = [];
  // Rule ids are needed up front only when the policy overrides severities by rule.
  const withRules = options.details || Object.keys(policy.severity).length > 0;
  const columns = [
    LIGHT_COLUMNS,
    ...(withRules ? [IDENTITY_COLUMNS] : []),
    ...(options.details ? [DETAIL_COLUMNS] : []),
  ];
  for (const row of rowsOf(db, `SELECT ${columns.join(', ')} FROM findings f ${filter}`, params)) {
    const stored = SEVERITIES[row[2] as number]!;
    const ruleId = withRules ? (row[12] as string) : '';
    const override = withRules ? policy.severity[ruleId] : undefined;
    const record: FindingRecord = {
      dbId: row[0] as number,
      key: withRules ? (row[9] as string) : '',
      repository: repoNames.get(row[1] as number) ?? '',
      tool: withRules ? (row[10] as string) : '',
      category: withRules ? (row[11] as string) : '',
      ruleId,
      kind: undefined,
      severity: override !== undefined && override !== 'off' ? override : stored,
      storedSeverity: stored,
      rawSeverity: undefined,
      message: '',
      path: undefined,
      startLine: undefined,
      startColumn: undefined,
      endLine: undefined,
      endColumn: undefined,
      helpUri: undefined,
      toolFingerprints: undefined,
      suppression: typeof row[4] === 'string' ? JSON.parse(row[4]) : undefined,
      ruleOff: override === 'off',
      status: row[3] === 1 ? 'open' : 'fixed',
      firstSeenAt: row[5] as number,
      lastSeenAt: row[6] as number,
      fixedAt: num(row[7]),
      reopenedCount: row[8] as number,
      branches: [],
      lifecycle: [],
      decisions: [],
    };
    if (options.details) setDetails(record, row, 13);
    findings.push(record);
    byId.set(record.dbId, record);
  }
  // Events are read whole and matched to the selected findings here: joining them to findings in
  // SQL would read each finding's (large) row again.
  if (options.details) {
    for (const row of rowsOf(db, 'SELECT finding_id, branch FROM finding_branches WHERE present = 1', [])) {
      byId.get(row[0] as number)?.branches.push(row[1] as string);
    }
  }
  for (const row of rowsOf(db, 'SELECT finding_id, kind, at, run_id FROM lifecycle_events', [])) {
    byId.get(row[0] as number)?.lifecycle.push({
      kind: row[1] as 'fixed' | 'reopened',
      at: row[2] as number,
      byRun: row[3] !== null,
    });
  }
  for (const row of rowsOf(db, 'SELECT finding_id, status, reason, until, actor, at FROM decisions', [])) {
    byId.get(row[0] as number)?.decisions.push({
      status: row[1] as DecisionStatus,
      reason: row[2] as string,
      until: text(row[3]),
      actor: row[4] as string,
      at: row[5] as number,
    });
  }
  for (const f of findings) {
    byTime(f.lifecycle);
    byTime(f.decisions);
  }
  const runFilter = repository === undefined ? '' : 'WHERE x.repository_id = ?';
  const runParams = repository === undefined ? [] : [repoId ?? -1];
  const runStats = db.exec(`SELECT count(*), max(run_at) FROM runs x ${runFilter}`, runParams)[0]?.values[0];
  const latestRuns: RunInfo[] = (
    db.exec(
      `SELECT x.repository_id, x.tool, x.tool_version, x.category, max(x.run_at) FROM runs x ${runFilter}
       GROUP BY x.repository_id, x.tool, x.category`,
      runParams,
    )[0]?.values ?? []
  ).map((row) => ({
    repository: repoNames.get(row[0] as number) ?? '',
    tool: row[1] as string,
    toolVersion: text(row[2]),
    category: row[3] as string,
    at: row[4] as number,
  }));
  const repositories = [...new Set(latestRuns.map((r) => r.repository))].sort();
  const rules = new Map<string, { name?: string; description?: string; helpUri?: string }>();
  if (options.details) {
    for (const row of db.exec('SELECT tool, rule_id, name, description, help_uri FROM rules')[0]?.values ??
      []) {
      const entry: { name?: string; description?: string; helpUri?: string } = {};
      if (typeof row[2] === 'string') entry.name = row[2];
      if (typeof row[3] === 'string') entry.description = row[3];
      if (typeof row[4] === 'string') entry.helpUri = row[4];
      rules.set(`${row[0] as string}\0${row[1] as string}`, entry);
    }
  }
  return {
    findings,
    repositories,
    runs: (runStats?.[0] as number | undefined) ?? 0,
    lastRunAt: num(runStats?.[1]),
    latestRuns,
    rules,
  };
}

/** Read identity and detail columns for the few findings a Markdown summary shows, into their views. */
export function fillDetails(db: Database, views: readonly FindingDetailsTarget[]): void {
  const byId = new Map(views.map((v) => [v.dbId, v]));
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const sql = `SELECT f.id, ${IDENTITY_COLUMNS}, ${DETAIL_COLUMNS}, (SELECT group_concat(branch, char(0)) FROM finding_branches b
      WHERE b.finding_id = f.id AND b.present = 1) FROM findings f WHERE f.id IN (${chunk.map(() => '?').join(', ')})`;
    for (const row of db.exec(sql, chunk)[0]?.values ?? []) {
      const view = byId.get(row[0] as number);
      if (view === undefined) continue;
      view.id = row[1] as string;
      view.tool = row[2] as string;
      view.category = row[3] as string;
      view.ruleId = row[4] as string;
      view.kind = text(row[5]);
      view.rawSeverity = text(row[6]);
      view.message = row[7] as string;
      view.path = text(row[8]);
      view.line = num(row[9]);
      view.helpUri = text(row[13]);
      view.branches = typeof row[15] === 'string' ? row[15].split('\0').sort() : [];
    }
  }
}

export interface FindingDetailsTarget {
  dbId: number;
  id: string;
  tool: string;
  category: string;
  ruleId: string;
  kind: string | undefined;
  rawSeverity: string | undefined;
  message: string;
  path: string | undefined;
  line: number | undefined;
  helpUri: string | undefined;
  branches: string[];
}
