import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSqlite } from '../src/store/sqlite.js';
import { workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import { finding, seckitReport } from './helpers/reports.js';

const HIGH = finding({ path: 'src/high.ts', content: 'h', severity: 'high' });
const LOW = finding({ path: 'src/low.ts', content: 'l', severity: 'low' });

async function setup() {
  const ws = workspace();
  ws.write('1.json', seckitReport({ findings: [HIGH, LOW], createdAt: '2026-01-05T12:00:00Z' }));
  await ws.run('ingest', '1.json');
  const ids = Object.fromEntries(
    (await query(ws.db, 'SELECT path, key FROM findings')).map((r) => [r.path, r.key as string]),
  );
  return { ws, high: ids['src/high.ts']!, low: ids['src/low.ts']! };
}

const summaryAt = async (ws: ReturnType<typeof workspace>, now: string) =>
  JSON.parse((await ws.run('summary', '-f', 'json', '--now', now)).stdout);

describe('triage', () => {
  it('records a risk acceptance by id prefix; it holds through --until, then the finding counts again', async () => {
    const { ws, high } = await setup();
    const r = await ws.run(
      'triage',
      high.slice(0, 8),
      '--status',
      'risk-accepted',
      '--reason',
      'compensating control: WAF rule 42',
      '--until',
      '2026-02-15',
      '--now',
      '2026-01-10T09:00:00Z',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${high.slice(0, 10)} web src/high.ts:3 [@secretlint/secretlint-rule-aws]: risk-accepted until 2026-02-15 by tester\n`,
    );
    const during = await summaryAt(ws, '2026-02-15T23:59:00Z');
    expect(during.open.high).toBe(0);
    expect(during.notCounted.riskAccepted).toBe(1);
    const after = await summaryAt(ws, '2026-03-02T12:00:00Z');
    expect(after.open.high).toBe(1);
    const f = after.findings.find((x: { id: string }) => x.id === high);
    expect(f.state).toBe('open');
    // The SLA clock restarts when the acceptance runs out (02-16 00:00): 72 h later, 11.5 days ago.
    expect(f.sla).toMatchObject({
      startedAt: '2026-02-16T00:00:00.000Z',
      dueAt: '2026-02-19T00:00:00.000Z',
      breached: true,
      daysOverdue: 11.5,
    });
  });

  it('false positive until withdrawn with --status open; every decision is kept, in order', async () => {
    const { ws, low } = await setup();
    await ws.run(
      'triage',
      low,
      '--status',
      'false-positive',
      '--reason',
      'test fixture',
      '--by',
      'alice',
      '--now',
      '2026-01-06T00:00:00Z',
    );
    expect((await summaryAt(ws, '2026-01-07T00:00:00Z')).notCounted.falsePositive).toBe(1);
    await ws.run(
      'triage',
      low,
      '--status',
      'open',
      '--reason',
      'it is real after all',
      '--by',
      'bob',
      '--now',
      '2026-01-08T00:00:00Z',
    );
    const s = await summaryAt(ws, '2026-01-09T00:00:00Z');
    expect(s.notCounted.falsePositive).toBe(0);
    expect(s.open.low).toBe(1);
    expect(await query(ws.db, 'SELECT status, reason, actor FROM decisions ORDER BY id')).toEqual([
      { status: 'false-positive', reason: 'test fixture', actor: 'alice' },
      { status: 'open', reason: 'it is real after all', actor: 'bob' },
    ]);
  });

  it('decisions and life-cycle events are append-only in the database itself', async () => {
    const { ws, low } = await setup();
    await ws.run('triage', low, '--status', 'false-positive', '--reason', 'fixture');
    const SQL = await loadSqlite();
    const db = new SQL.Database(readFileSync(ws.db));
    expect(() => db.run("UPDATE decisions SET reason = 'rewritten'")).toThrow('decisions are append-only');
    expect(() => db.run('DELETE FROM decisions')).toThrow('decisions are append-only');
    db.close();
  });

  it('--status fixed closes a finding by hand; a later scan that finds it reopens it', async () => {
    const { ws, high } = await setup();
    const r = await ws.run(
      'triage',
      high,
      '--status',
      'fixed',
      '--reason',
      'key rotated and removed from history',
      '--now',
      '2026-01-20T00:00:00Z',
    );
    expect(r.stdout).toContain('(now fixed)');
    expect((await summaryAt(ws, '2026-01-21T00:00:00Z')).open.high).toBe(0);
    ws.write(
      '2.json',
      seckitReport({ scope: 'staged', findings: [HIGH], createdAt: '2026-01-25T00:00:00Z' }),
    );
    expect((await ws.run('ingest', '2.json')).stdout).toContain('1 reopened');
    expect((await summaryAt(ws, '2026-01-26T00:00:00Z')).open.high).toBe(1);
  });

  it.each([
    [
      ['--status', 'accepted', '--reason', 'x'],
      '--status: expected one of risk-accepted, false-positive, fixed, open, got "accepted"',
    ],
    [['--reason', 'x'], '--status is required: one of risk-accepted, false-positive, fixed, open'],
    [['--status', 'false-positive'], '--reason is required: say why'],
    [['--status', 'false-positive', '--reason', '  '], '--reason is required'],
    [
      ['--status', 'false-positive', '--reason', 'x', '--until', '2026-12-31'],
      '--until only applies to --status risk-accepted',
    ],
    [
      ['--status', 'risk-accepted', '--reason', 'x', '--until', '31/12/2026'],
      '--until: expected a date as YYYY-MM-DD, got "31/12/2026"',
    ],
    [
      ['--status', 'risk-accepted', '--reason', 'x', '--until', '2026-02-30'],
      '--until: expected a date as YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      ['--status', 'risk-accepted', '--reason', 'x', '--until', '2026-01-01'],
      '--until 2026-01-01 is in the past',
    ],
  ])('rejects %j with a clear message, changing nothing', async (args, message) => {
    const { ws, high } = await setup();
    const r = await ws.run('triage', high, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(await query(ws.db, 'SELECT count(*) AS n FROM decisions')).toEqual([{ n: 0 }]);
  });

  it('unknown, ambiguous or malformed ids are refused, and a batch is all or nothing', async () => {
    const { ws, high } = await setup();
    const unknown = await ws.run('triage', high, 'ffffffffff', '--status', 'false-positive', '--reason', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no finding has the id ffffffffff');
    expect(await query(ws.db, 'SELECT count(*) AS n FROM decisions')).toEqual([{ n: 0 }]);
    expect((await ws.run('triage', 'abc', '--status', 'fixed', '--reason', 'x')).stderr).toContain(
      '"abc" is not a finding id',
    );
    expect((await ws.run('triage', '--status', 'fixed', '--reason', 'x')).stderr).toContain(
      '`sec-report triage` needs finding ids',
    );
  });

  it('needs an existing database', async () => {
    const ws = workspace();
    const r = await ws.run('triage', 'abcdef12', '--status', 'fixed', '--reason', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '.seckit/report.db: no database here yet; run `sec-report ingest <reports…>` first',
    );
  });
});
