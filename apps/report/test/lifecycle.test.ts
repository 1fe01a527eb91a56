import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import { finding, sarifLog, sarifResult, sarifRun, seckitReport } from './helpers/reports.js';

const A = finding({ path: 'a.ts', content: 'a' });
const B = finding({ path: 'b.ts', content: 'b' });
const C = finding({ path: 'c.ts', content: 'c' });

async function states(dbFile: string): Promise<Record<string, string>> {
  const rows = await query(dbFile, 'SELECT path, status FROM findings ORDER BY path');
  return Object.fromEntries(rows.map((r) => [r.path as string, r.status as string]));
}

describe('finding life cycle', () => {
  it('only a complete (full) scan of the same repository, tool and branch closes what it no longer finds', async () => {
    const ws = workspace();
    ws.write('1.json', seckitReport({ findings: [A, B, C], createdAt: '2026-02-01T10:00:00Z' }));
    await ws.run('ingest', '1.json');
    // Partial runs without B: staged, diff, paths, a failed run, an empty run.
    ws.write(
      'staged.json',
      seckitReport({ scope: 'staged', findings: [A], createdAt: '2026-02-02T10:00:00Z' }),
    );
    ws.write('diff.json', seckitReport({ scope: 'diff', findings: [A], createdAt: '2026-02-03T10:00:00Z' }));
    ws.write(
      'paths.json',
      seckitReport({ scope: 'paths', findings: [A], createdAt: '2026-02-04T10:00:00Z' }),
    );
    ws.write(
      'failed.json',
      seckitReport({
        findings: [A],
        errors: [{ message: 'secretlint crashed' }],
        createdAt: '2026-02-05T10:00:00Z',
      }),
    );
    ws.write('empty.json', seckitReport({ findings: [], createdAt: '2026-02-06T10:00:00Z' }));
    // Full runs of another branch and another repository.
    ws.write(
      'branch.json',
      seckitReport({ branch: 'feature', findings: [A], createdAt: '2026-02-07T10:00:00Z' }),
    );
    ws.write(
      'repo.json',
      seckitReport({ repository: 'api', findings: [A], createdAt: '2026-02-08T10:00:00Z' }),
    );
    const r = await ws.run(
      'ingest',
      'staged.json',
      'diff.json',
      'paths.json',
      'failed.json',
      'empty.json',
      'branch.json',
      'repo.json',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a staged run closes nothing');
    expect(r.stdout).toContain('a diff run closes nothing');
    expect(r.stdout).toContain('a paths run closes nothing');
    expect(r.stdout).toContain('the tool reported errors, so it closes nothing');
    expect(r.stdout).toContain('an empty run closes nothing (--close-on-empty to trust it)');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'open', 'b.ts': 'open', 'c.ts': 'open' });
    // A full scan of web@main without B and C closes them.
    ws.write('2.json', seckitReport({ findings: [A], createdAt: '2026-02-10T10:00:00Z' }));
    const closed = await ws.run('ingest', '2.json');
    expect(closed.stdout).toContain('1 finding (0 new, 2 fixed, 0 reopened)');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'open', 'b.ts': 'fixed', 'c.ts': 'fixed' });
    const events = await query(ws.db, "SELECT kind, at FROM lifecycle_events WHERE kind = 'fixed'");
    expect(events).toEqual([
      { kind: 'fixed', at: Date.parse('2026-02-10T10:00:00Z') },
      { kind: 'fixed', at: Date.parse('2026-02-10T10:00:00Z') },
    ]);
  });

  it('--close-on-empty lets a clean complete scan close everything', async () => {
    const ws = workspace();
    ws.write('1.json', seckitReport({ findings: [A], createdAt: '2026-02-01T10:00:00Z' }));
    ws.write('2.json', seckitReport({ findings: [], createdAt: '2026-02-02T10:00:00Z' }));
    await ws.run('ingest', '1.json');
    await ws.run('ingest', '2.json', '--close-on-empty');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'fixed' });
  });

  it('a finding present on another branch stays open until that branch is scanned without it', async () => {
    const ws = workspace();
    ws.write('main.json', seckitReport({ findings: [A, B], createdAt: '2026-02-01T10:00:00Z' }));
    ws.write(
      'feature.json',
      seckitReport({ branch: 'feature', scope: 'diff', findings: [B], createdAt: '2026-02-02T10:00:00Z' }),
    );
    ws.write('main2.json', seckitReport({ findings: [A], createdAt: '2026-02-03T10:00:00Z' }));
    await ws.run('ingest', 'main.json', 'feature.json', 'main2.json');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'open', 'b.ts': 'open' });
    ws.write(
      'feature2.json',
      seckitReport({ branch: 'feature', findings: [A], createdAt: '2026-02-04T10:00:00Z' }),
    );
    await ws.run('ingest', 'feature2.json');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'open', 'b.ts': 'fixed' });
  });

  it('a reappearing finding reopens, even from a partial run; first seen stays', async () => {
    const ws = workspace();
    ws.write('1.json', seckitReport({ findings: [A, B], createdAt: '2026-02-01T10:00:00Z' }));
    ws.write('2.json', seckitReport({ findings: [A], createdAt: '2026-02-02T10:00:00Z' }));
    ws.write('3.json', seckitReport({ scope: 'staged', findings: [B], createdAt: '2026-02-03T10:00:00Z' }));
    await ws.run('ingest', '1.json', '2.json');
    const r = await ws.run('ingest', '3.json');
    expect(r.stdout).toContain('(0 new, 0 fixed, 1 reopened)');
    const [row] = await query(
      ws.db,
      "SELECT status, reopened_count, first_seen_at, fixed_at FROM findings WHERE path = 'b.ts'",
    );
    expect(row).toEqual({
      status: 'open',
      reopened_count: 1,
      first_seen_at: Date.parse('2026-02-01T10:00:00Z'),
      fixed_at: null,
    });
    expect((await query(ws.db, 'SELECT kind FROM lifecycle_events ORDER BY at')).map((e) => e.kind)).toEqual([
      'fixed',
      'reopened',
    ]);
  });

  it('reopening never overrides a decision: an accepted or false-positive finding stays out of the counts', async () => {
    const ws = workspace();
    ws.write('1.json', seckitReport({ findings: [A, B], createdAt: '2026-02-01T10:00:00Z' }));
    ws.write('2.json', seckitReport({ findings: [], createdAt: '2026-02-02T10:00:00Z' }));
    ws.write('3.json', seckitReport({ findings: [A, B], createdAt: '2026-02-03T10:00:00Z' }));
    await ws.run('ingest', '1.json');
    const keys = (await query(ws.db, 'SELECT key, path FROM findings ORDER BY path')).map(
      (r) => r.key as string,
    );
    await ws.run(
      'triage',
      keys[0]!,
      '--status',
      'risk-accepted',
      '--reason',
      'vendor rotates it',
      '--until',
      '2026-12-31',
      '--now',
      '2026-02-01T12:00:00Z',
    );
    await ws.run(
      'triage',
      keys[1]!,
      '--status',
      'false-positive',
      '--reason',
      'test fixture',
      '--now',
      '2026-02-01T12:00:00Z',
    );
    await ws.run('ingest', '2.json', '--close-on-empty');
    expect(await states(ws.db)).toEqual({ 'a.ts': 'fixed', 'b.ts': 'fixed' });
    const r = await ws.run('ingest', '3.json');
    expect(r.stdout).toContain('2 reopened');
    const summary = JSON.parse((await ws.run('summary', '-f', 'json')).stdout);
    expect(summary.openTotal).toBe(0);
    expect(summary.notCounted).toEqual({ riskAccepted: 1, falsePositive: 1, suppressed: 0 });
    expect(summary.findings.map((f: { state: string }) => f.state).sort()).toEqual([
      'false-positive',
      'risk-accepted',
    ]);
  });

  it('re-ingesting the same report changes nothing, even re-indented or reordered', async () => {
    const ws = workspace();
    const report = seckitReport({ findings: [A, B], createdAt: '2026-02-01T10:00:00Z' });
    ws.write('1.json', report);
    await ws.run('ingest', '1.json');
    const before = await query(ws.db, 'SELECT * FROM findings ORDER BY id');
    ws.write('copy.json', JSON.stringify({ ...report, findings: [B, A] }));
    const r = await ws.run('ingest', '1.json', 'copy.json');
    expect(r.stdout).toContain('1.json: seckit 0.1.0, web@main: already ingested (run #1); nothing changed');
    expect(r.stdout).toContain(
      'copy.json: seckit 0.1.0, web@main: already ingested (run #1); nothing changed',
    );
    expect(r.stdout).toContain('0 runs recorded');
    expect(await query(ws.db, 'SELECT * FROM findings ORDER BY id')).toEqual(before);
    expect(await query(ws.db, 'SELECT count(*) AS n FROM runs')).toEqual([{ n: 1 }]);
  });

  it('reports ingested out of order give the history they would in order', async () => {
    const inOrder = workspace();
    const outOfOrder = workspace();
    const reports = [
      seckitReport({ findings: [A, B], createdAt: '2026-02-01T10:00:00Z' }),
      seckitReport({ findings: [A], createdAt: '2026-02-05T10:00:00Z' }),
      seckitReport({ findings: [A, B, C], createdAt: '2026-02-09T10:00:00Z' }),
    ];
    reports.forEach((r, i) => {
      inOrder.write(`${i}.json`, r);
      outOfOrder.write(`${i}.json`, r);
    });
    for (const i of [0, 1, 2]) await inOrder.run('ingest', `${i}.json`);
    // Newest first, one command per file: times, not ingest order, decide.
    for (const i of [2, 1, 0]) await outOfOrder.run('ingest', `${i}.json`);
    const view = (db: string) =>
      query(db, 'SELECT path, status, first_seen_at, last_seen_at, fixed_at FROM findings ORDER BY path');
    expect(await view(outOfOrder.db)).toEqual(await view(inOrder.db));
    expect(await states(inOrder.db)).toEqual({ 'a.ts': 'open', 'b.ts': 'open', 'c.ts': 'open' });
    // Within one command the files are sorted by time.
    const oneCommand = workspace();
    for (const [i, r] of reports.entries()) oneCommand.write(`${i}.json`, r);
    await oneCommand.run('ingest', '2.json', '0.json', '1.json');
    const events = (db: string) =>
      query(
        db,
        'SELECT f.path, e.kind, e.at FROM lifecycle_events e JOIN findings f ON f.id = e.finding_id ORDER BY e.at, f.path',
      );
    expect(await events(oneCommand.db)).toEqual(await events(inOrder.db));
    expect(await events(inOrder.db)).toEqual([
      { path: 'b.ts', kind: 'fixed', at: Date.parse('2026-02-05T10:00:00Z') },
      { path: 'b.ts', kind: 'reopened', at: Date.parse('2026-02-09T10:00:00Z') },
    ]);
  });

  it("the newest run's details win, whether runs come in one command or one by one", async () => {
    const at = (message: string, line: number, createdAt: string) =>
      seckitReport({
        findings: [{ ...A, message, location: { ...A.location, startLine: line, endLine: line } }],
        createdAt,
      });
    const reports = [
      at('old wording', 2, '2026-01-20T10:00:00Z'),
      at('first wording', 3, '2026-02-01T10:00:00Z'),
      at('second wording', 7, '2026-02-05T10:00:00Z'),
      at('second wording', 7, '2026-02-09T10:00:00Z'), // unchanged
      at('first wording', 3, '2026-02-12T10:00:00Z'), // back to an earlier view
    ];
    const details = (db: string) =>
      query(
        db,
        'SELECT message, start_line, end_line, details_hash, last_seen_at, first_seen_at FROM findings',
      );
    const oneCommand = workspace();
    const oneByOne = workspace();
    const newestOnly = workspace();
    reports.forEach((r, i) => {
      oneCommand.write(`${i}.json`, r);
      oneByOne.write(`${i}.json`, r);
    });
    // The oldest last: it must not override what newer runs said.
    await oneCommand.run('ingest', '1.json', '2.json', '3.json', '4.json', '0.json');
    for (const i of [1, 2, 3, 4, 0]) await oneByOne.run('ingest', `${i}.json`);
    newestOnly.write('4.json', reports[4]);
    await newestOnly.run('ingest', '4.json');
    const [latest] = await details(oneCommand.db);
    expect(latest).toMatchObject({
      message: 'first wording',
      start_line: 3,
      end_line: 3,
      last_seen_at: Date.parse('2026-02-12T10:00:00Z'),
      first_seen_at: Date.parse('2026-01-20T10:00:00Z'),
    });
    expect(await details(oneByOne.db)).toEqual([latest]);
    expect((await details(newestOnly.db))[0]?.details_hash).toBe(latest?.details_hash);
    // Stopping at the run before shows the second wording (so the last run did change it back).
    const upTo3 = workspace();
    for (const i of [1, 2, 3]) upTo3.write(`${i}.json`, reports[i]);
    await upTo3.run('ingest', '1.json', '2.json', '3.json');
    expect((await details(upTo3.db))[0]).toMatchObject({ message: 'second wording', start_line: 7 });
  });

  it('SARIF from another tool is a complete scan unless it says otherwise', async () => {
    const ws = workspace();
    const run = (id: string | undefined, results: Record<string, unknown>[], time: string) =>
      sarifLog(sarifRun({ tool: 'semgrep', automationId: id, endTime: time, results }));
    const x = sarifResult({ ruleId: 'r', message: 'x', uri: 'x.js', partialFingerprints: { k: '1' } });
    const y = sarifResult({ ruleId: 'r', message: 'y', uri: 'y.js', partialFingerprints: { k: '2' } });
    ws.write('1.sarif', run(undefined, [x, y], '2026-02-01T10:00:00Z'));
    ws.write('2.sarif', run('semgrep/pr/17', [x], '2026-02-02T10:00:00Z'));
    ws.write('3.sarif', run(undefined, [x], '2026-02-03T10:00:00Z'));
    await ws.run('ingest', '1.sarif', '2.sarif', '--repository', 'web', '--branch', 'main');
    expect(await states(ws.db)).toEqual({ 'x.js': 'open', 'y.js': 'open' });
    await ws.run('ingest', '3.sarif', '--repository', 'web', '--branch', 'main');
    expect(await states(ws.db)).toEqual({ 'x.js': 'open', 'y.js': 'fixed' });
    // --scope overrides what a file says: this full-looking run is a diff run, and closes nothing.
    ws.write('4.sarif', run(undefined, [y], '2026-02-04T10:00:00Z'));
    await ws.run('ingest', '4.sarif', '--repository', 'web', '--branch', 'main', '--scope', 'diff');
    expect(await states(ws.db)).toEqual({ 'x.js': 'open', 'y.js': 'open' });
  });

  it('a SARIF run whose tool failed (results null or executionSuccessful false) closes nothing', async () => {
    const ws = workspace();
    const x = sarifResult({ ruleId: 'r', message: 'x', uri: 'x.js' });
    const y = sarifResult({ ruleId: 'r', message: 'y', uri: 'y.js' });
    ws.write('1.sarif', sarifLog(sarifRun({ tool: 't', endTime: '2026-02-01T10:00:00Z', results: [x, y] })));
    ws.write(
      '2.sarif',
      sarifLog(
        sarifRun({ tool: 't', endTime: '2026-02-02T10:00:00Z', results: [x], executionSuccessful: false }),
      ),
    );
    ws.write('3.sarif', sarifLog(sarifRun({ tool: 't', endTime: '2026-02-03T10:00:00Z', results: null })));
    const r = await ws.run('ingest', '1.sarif', '2.sarif', '3.sarif', '--repository', 'web');
    expect(r.code).toBe(0);
    expect(await states(ws.db)).toEqual({ 'x.js': 'open', 'y.js': 'open' });
    expect((await query(ws.db, 'SELECT outcome FROM runs ORDER BY run_at')).map((x) => x.outcome)).toEqual([
      'complete',
      'failed',
      'failed',
    ]);
  });
});
