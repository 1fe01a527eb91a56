/**
 * The database schema, as numbered migrations. A released migration is never edited: a change is a
 * new migration with the next number, applied by `migrate` in its own transaction.
 * Times are INTEGER milliseconds since the epoch (UTC); dates typed by people are TEXT YYYY-MM-DD.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const INITIAL_SCHEMA = `
CREATE TABLE repositories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- One row per tool run ingested. content_hash makes re-ingesting the same report a no-op.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  repository_id INTEGER NOT NULL REFERENCES repositories(id),
  branch TEXT,
  commit_sha TEXT,
  tool TEXT NOT NULL,
  tool_version TEXT,
  category TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('full', 'staged', 'diff', 'paths')),
  -- complete: may close findings it does not contain; partial, empty and failed runs never do.
  outcome TEXT NOT NULL CHECK (outcome IN ('complete', 'partial', 'empty', 'failed')),
  run_at INTEGER NOT NULL,
  ingested_at INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL,
  findings INTEGER NOT NULL,
  new_findings INTEGER NOT NULL DEFAULT 0,
  fixed_findings INTEGER NOT NULL DEFAULT 0,
  reopened_findings INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_time ON runs (run_at);

CREATE TABLE rules (
  tool TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  name TEXT,
  description TEXT,
  help_uri TEXT,
  PRIMARY KEY (tool, rule_id)
) WITHOUT ROWID;

-- One row per finding: identity (key), its latest details, and its current life-cycle state.
-- No secret value is ever stored: messages are masked on the way in, snippets are dropped.
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  repository_id INTEGER NOT NULL REFERENCES repositories(id),
  tool TEXT NOT NULL,
  category TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  kind TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  raw_severity TEXT,
  message TEXT NOT NULL,
  path TEXT,
  start_line INTEGER,
  start_column INTEGER,
  end_line INTEGER,
  end_column INTEGER,
  help_uri TEXT,
  fingerprints TEXT,
  suppression TEXT,
  -- Hash of the columns above, from the newest run: unchanged findings skip rewriting them.
  details_hash INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'fixed')),
  first_seen_at INTEGER NOT NULL,
  first_seen_run INTEGER NOT NULL REFERENCES runs(id),
  last_seen_at INTEGER NOT NULL,
  last_seen_run INTEGER NOT NULL REFERENCES runs(id),
  fixed_at INTEGER,
  reopened_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_by_stream ON findings (repository_id, tool, category);

-- Where a finding is present, per branch ('' when the run did not say). Only a complete run of
-- the same repository, tool, category and branch marks it absent there.
CREATE TABLE finding_branches (
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  branch TEXT NOT NULL,
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  last_seen_at INTEGER NOT NULL,
  last_seen_run INTEGER NOT NULL REFERENCES runs(id),
  absent_since INTEGER,
  PRIMARY KEY (finding_id, branch)
) WITHOUT ROWID;

-- Life-cycle transitions (fixed, reopened), from runs or from triage. Append-only.
CREATE TABLE lifecycle_events (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  kind TEXT NOT NULL CHECK (kind IN ('fixed', 'reopened')),
  at INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  actor TEXT,
  reason TEXT
);
CREATE INDEX lifecycle_events_by_finding ON lifecycle_events (finding_id, at);

-- Decisions people record with \`sec-report triage\`. Append-only: the latest one is in force.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  status TEXT NOT NULL CHECK (status IN ('risk-accepted', 'false-positive', 'fixed', 'open')),
  reason TEXT NOT NULL,
  until TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX decisions_by_finding ON decisions (finding_id, at);

CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER lifecycle_events_append_only_update BEFORE UPDATE ON lifecycle_events
BEGIN SELECT RAISE(ABORT, 'life-cycle events are append-only'); END;
CREATE TRIGGER lifecycle_events_append_only_delete BEFORE DELETE ON lifecycle_events
BEGIN SELECT RAISE(ABORT, 'life-cycle events are append-only'); END;
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial schema', sql: INITIAL_SCHEMA }];
