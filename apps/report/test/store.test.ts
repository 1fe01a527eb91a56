import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { createApplier } from '../src/history/apply-run.js';
import { transaction } from '../src/history/statements.js';
import type { NormalizedRun } from '../src/ingest/normalized.js';
import { MIGRATIONS, type Migration } from '../src/store/migrations.js';
import { APPLICATION_ID, openStore } from '../src/store/open-store.js';
import { loadSqlite } from '../src/store/sqlite.js';
import { workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import { finding, seckitReport } from './helpers/reports.js';

const V1: Migration = {
  version: 1,
  name: 'notes',
  sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);',
};
const V2: Migration = {
  version: 2,
  name: 'note tags',
  sql: "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none'; CREATE INDEX notes_by_tag ON notes (tag);",
};
const V2_BROKEN: Migration = {
  version: 2,
  name: 'broken',
  sql: 'ALTER TABLE notes ADD COLUMN tag TEXT; CREATE TABLE notes (x);',
};

async function v1Database(): Promise<string> {
  const file = path.join(tempDir('sec-report-db-'), 'test.db');
  const store = await openStore({ file, mode: 'write', command: 'test', create: true, migrations: [V1] });
  store.db.run("INSERT INTO notes (text) VALUES ('kept')");
  await store.save();
  await store.close();
  return file;
}

describe('schema migrations', () => {
  it('a database created at v1 is brought to v2 in a transaction, keeping its data', async () => {
    const file = await v1Database();
    expect(await query(file, 'SELECT version, name FROM schema_migrations')).toEqual([
      { version: 1, name: 'notes' },
    ]);
    const store = await openStore({ file, mode: 'write', command: 'test', migrations: [V1, V2] });
    expect(store.migration).toMatchObject({ from: 1, to: 2, applied: [V2] });
    await store.save();
    await store.close();
    expect(await query(file, 'SELECT id, text, tag FROM notes')).toEqual([
      { id: 1, text: 'kept', tag: 'none' },
    ]);
    expect(await query(file, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect(await query(file, 'PRAGMA user_version')).toEqual([{ user_version: 2 }]);
    // Opening again applies nothing.
    const again = await openStore({ file, mode: 'read', command: 'test', migrations: [V1, V2] });
    expect(again.migration.applied).toEqual([]);
    await again.close();
  });

  it('a failing migration is rolled back and names itself; the file is untouched', async () => {
    const file = await v1Database();
    const before = readFileSync(file);
    await expect(
      openStore({ file, mode: 'write', command: 'test', migrations: [V1, V2_BROKEN] }),
    ).rejects.toThrow(
      /test\.db: migration 2 \(broken\) failed: .*table notes already exists; the database was left at version 1/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    // The lock was released: a later writer can open it.
    const store = await openStore({ file, mode: 'write', command: 'test', migrations: [V1] });
    await store.close();
  });

  it('readers migrate a private copy and never write the file', async () => {
    const file = await v1Database();
    const before = readFileSync(file);
    const store = await openStore({ file, mode: 'read', command: 'test', migrations: [V1, V2] });
    expect(store.db.exec('SELECT tag FROM notes')[0]?.values).toEqual([['none']]);
    await store.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer sec-report instead of guessing', async () => {
    const file = await v1Database();
    await expect(openStore({ file, mode: 'read', command: 'test', migrations: [] })).rejects.toThrow(
      'the database is at schema version 1, written by a newer sec-report (this one knows up to 0); upgrade @seckit/report',
    );
  });

  it('refuses a migration list with a gap (a packaging mistake)', async () => {
    const file = await v1Database();
    await expect(
      openStore({ file, mode: 'read', command: 'test', migrations: [V1, { ...V2, version: 3 }] }),
    ).rejects.toThrow('migration "note tags" has version 3, expected 2');
  });

  it('the real schema: every table, append-only triggers, our application id', async () => {
    const ws = workspace();
    ws.write('r.json', seckitReport({ findings: [finding()] }));
    await ws.run('ingest', 'r.json');
    const tables = (
      await query(ws.db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ).map((r) => r.name);
    expect(tables).toEqual([
      'decisions',
      'finding_branches',
      'findings',
      'lifecycle_events',
      'repositories',
      'rules',
      'runs',
      'schema_migrations',
    ]);
    expect(await query(ws.db, 'PRAGMA application_id')).toEqual([{ application_id: APPLICATION_ID }]);
    expect(await query(ws.db, 'SELECT max(version) AS v FROM schema_migrations')).toEqual([
      { v: MIGRATIONS.length },
    ]);
  });
});

describe('the database file', () => {
  it('a file that is not SQLite, or an SQLite database of something else, is refused', async () => {
    const ws = workspace();
    ws.write('notes.txt', 'hello');
    const r = await ws.run('summary', '--db', 'notes.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sec-report: notes.txt: is not an SQLite database; choose another --db file\n');
    const SQL = await loadSqlite();
    const other = new SQL.Database();
    other.run('CREATE TABLE accounts (id INTEGER)');
    writeFileSync(path.join(ws.dir, 'other.db'), other.export());
    ws.write('r.json', seckitReport({ findings: [finding()] }));
    const r2 = await ws.run('ingest', 'r.json', '--db', 'other.db');
    expect(r2.stderr).toContain(
      'sec-report: other.db: is an SQLite database, but not one sec-report wrote; choose another --db file',
    );
    expect((await ws.run('summary', '--db', '.')).stderr).toContain(
      'sec-report: .: is a folder; --db expects a file',
    );
  });

  it('a writer waits for nobody: a live lock holder is named, a stale lock is taken over', async () => {
    const ws = workspace();
    ws.write('r.json', seckitReport({ findings: [finding()] }));
    await ws.run('ingest', 'r.json');
    const lock = `${ws.db}.lock`;
    writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: '2026-03-02T11:59:00.000Z',
        command: 'sec-report ingest',
      }),
    );
    const held = await ws.run('triage', 'ffffff', '--status', 'fixed', '--reason', 'x');
    expect(held.code).toBe(2);
    expect(held.stderr).toBe(
      `sec-report: .seckit/report.db is in use by \`sec-report ingest\` (pid ${process.pid} on ${hostname()}, since 2026-03-02T11:59:00.000Z); wait for it to finish, or delete .seckit/report.db.lock if that process is gone\n`,
    );
    // Readers do not need the lock.
    expect((await ws.run('summary')).code).toBe(0);
    // A process that has exited left its lock behind.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      lock,
      JSON.stringify({
        pid: Number(gone.stdout),
        host: hostname(),
        since: '2026-03-02T11:00:00.000Z',
        command: 'sec-report ingest',
      }),
    );
    ws.write('r2.json', seckitReport({ findings: [finding()], createdAt: '2026-03-01T11:00:00.000Z' }));
    const r = await ws.run('ingest', 'r2.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(() => readFileSync(lock)).toThrow();
  });

  it('a run that fails half-way leaves nothing of itself (transaction)', async () => {
    const file = path.join(tempDir('sec-report-db-'), 'r.db');
    const store = await openStore({ file, mode: 'write', command: 'test', create: true });
    const applier = createApplier(store.db);
    const run: NormalizedRun = {
      file: 'x.json',
      format: 'seckit',
      index: 0,
      tool: 'seckit',
      toolVersion: '1',
      category: '',
      repository: 'web',
      branch: 'main',
      commit: undefined,
      scope: 'full',
      failed: false,
      time: Date.parse('2026-03-01T00:00:00Z'),
      timeStated: true,
      rules: new Map(),
      warnings: [],
      findings: [
        {
          fingerprint: 'fp:1',
          ruleId: 'r',
          kind: 'secret',
          severity: 'high',
          rawSeverity: 'high',
          message: 'ok',
          path: 'a',
          startLine: 1,
          startColumn: 1,
          endLine: 1,
          endColumn: 2,
          helpUri: undefined,
          toolFingerprints: undefined,
          suppression: undefined,
        },
        // Breaks a CHECK constraint after the first finding was written.
        {
          fingerprint: 'fp:2',
          ruleId: 'r',
          kind: 'secret',
          severity: 'severe' as 'high',
          rawSeverity: 'x',
          message: 'bad',
          path: 'b',
          startLine: 1,
          startColumn: 1,
          endLine: 1,
          endColumn: 2,
          helpUri: undefined,
          toolFingerprints: undefined,
          suppression: undefined,
        },
      ],
    };
    expect(() =>
      transaction(store.db, () => applier.apply(run, { now: Date.now(), closeOnEmpty: false })),
    ).toThrow(/CHECK constraint failed/);
    for (const table of ['runs', 'findings', 'finding_branches', 'repositories', 'rules']) {
      expect(store.db.exec(`SELECT count(*) FROM ${table}`)[0]?.values[0]?.[0]).toBe(0);
    }
    applier.free();
    await store.close();
  });
});
