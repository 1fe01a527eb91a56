import { toSarif } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import {
  finding,
  gitleaksFinding,
  PLANTED,
  sarifLog,
  sarifResult,
  sarifRun,
  seckitReport,
} from './helpers/reports.js';

async function keys(dbFile: string): Promise<string[]> {
  return (await query(dbFile, 'SELECT key FROM findings ORDER BY key')).map((r) => r.key as string);
}

describe('finding identity', () => {
  it('a seckit finding is one finding whether it came as JSON or as seckit SARIF', async () => {
    const ws = workspace();
    const report = seckitReport({ findings: [finding(), finding({ path: 'b.ts' })] });
    ws.write('a.json', report);
    ws.write('a.sarif', toSarif({ ...report, createdAt: '2026-03-01T11:00:00.000Z' }));
    await ws.run('ingest', 'a.json');
    const r = await ws.run('ingest', 'a.sarif', '--repository', 'web', '--branch', 'main');
    expect(r.stdout).toContain('0 new');
    expect(await keys(ws.db)).toHaveLength(2);
  });

  it('survives moved lines: SARIF without fingerprints is identified by rule, path and snippet', async () => {
    const ws = workspace();
    const at = (line: number, time: string) =>
      sarifLog(
        sarifRun({
          tool: 'scanner',
          endTime: time,
          results: [
            sarifResult({ ruleId: 'eval', message: 'eval of input', line, snippet: 'eval(req.body.code)' }),
            sarifResult({ ruleId: 'eval', message: 'eval of input', line: line + 5, snippet: 'eval(other)' }),
          ],
        }),
      );
    ws.write('1.sarif', at(10, '2026-03-01T10:00:00Z'));
    ws.write('2.sarif', at(42, '2026-03-01T11:00:00Z'));
    await ws.run('ingest', '1.sarif', '--repository', 'web');
    const before = await keys(ws.db);
    const r = await ws.run('ingest', '2.sarif', '--repository', 'web');
    expect(r.stdout).toContain('2 findings (0 new, 0 fixed');
    expect(await keys(ws.db)).toEqual(before);
    expect(
      (await query(ws.db, 'SELECT start_line FROM findings ORDER BY start_line')).map((x) => x.start_line),
    ).toEqual([42, 47]);
  });

  it('tells identical results in one file apart by their order, never by line number alone', async () => {
    const ws = workspace();
    const twice = (a: number, b: number, time: string) =>
      sarifLog(
        sarifRun({
          tool: 'linter',
          endTime: time,
          results: [
            sarifResult({ ruleId: 'todo', message: 'TODO left', line: a }),
            sarifResult({ ruleId: 'todo', message: 'TODO left', line: b }),
          ],
        }),
      );
    ws.write('1.sarif', twice(5, 9, '2026-03-01T10:00:00Z'));
    ws.write('2.sarif', twice(15, 19, '2026-03-01T11:00:00Z'));
    await ws.run('ingest', '1.sarif', '--repository', 'web');
    expect(await keys(ws.db)).toHaveLength(2);
    const r = await ws.run('ingest', '2.sarif', '--repository', 'web');
    expect(r.stdout).toContain('(0 new, 0 fixed, 0 reopened)');
  });

  it('uses fingerprints when a tool gives them: a changed line hash is a new finding, a moved line is not', async () => {
    const ws = workspace();
    const log = (hash: string, line: number, time: string) =>
      sarifLog(
        sarifRun({
          tool: 'CodeQL',
          endTime: time,
          results: [
            sarifResult({
              ruleId: 'js/sqli',
              message: 'SQL injection',
              line,
              partialFingerprints: { primaryLocationLineHash: hash },
            }),
          ],
        }),
      );
    ws.write('1.sarif', log('aaaa:1', 10, '2026-03-01T10:00:00Z'));
    ws.write('2.sarif', log('aaaa:1', 30, '2026-03-01T11:00:00Z'));
    ws.write('3.sarif', log('bbbb:1', 30, '2026-03-01T12:00:00Z'));
    await ws.run('ingest', '1.sarif', '2.sarif', '--repository', 'web');
    expect(await keys(ws.db)).toHaveLength(1);
    await ws.run('ingest', '3.sarif', '--repository', 'web');
    expect(await keys(ws.db)).toHaveLength(2);
    // The tool's fingerprints are kept (for SARIF output), the commit metadata gitleaks puts there is not.
    expect(
      (await query(ws.db, 'SELECT fingerprints FROM findings ORDER BY id LIMIT 1'))[0]?.fingerprints,
    ).toBe(JSON.stringify({ partial: { primaryLocationLineHash: 'aaaa:1' } }));
  });

  it('the same secret in two repositories, or found by two tools, is two findings', async () => {
    const ws = workspace();
    ws.write('g.json', [gitleaksFinding({ secret: PLANTED.awsKeyId })]);
    await ws.run('ingest', 'g.json', '--repository', 'web');
    await ws.run('ingest', 'g.json', '--repository', 'api');
    ws.write(
      's.sarif',
      sarifLog(
        sarifRun({
          tool: 'trufflehog',
          results: [
            sarifResult({
              ruleId: 'aws-access-token',
              message: 'AWS',
              uri: 'deploy/config.env',
              snippet: PLANTED.awsKeyId,
            }),
          ],
        }),
      ),
    );
    await ws.run('ingest', 's.sarif', '--repository', 'web');
    expect(await keys(ws.db)).toHaveLength(3);
  });

  it('gitleaks: one finding per secret and file, however many commits of a history scan hold it', async () => {
    const ws = workspace();
    ws.write('history.json', [
      gitleaksFinding({ secret: PLANTED.awsKeyId, commit: 'c1', line: 4 }),
      gitleaksFinding({ secret: PLANTED.awsKeyId, commit: 'c2', line: 9 }),
      gitleaksFinding({ secret: PLANTED.slackToken, commit: 'c2', line: 12 }),
    ]);
    const r = await ws.run('ingest', 'history.json', '--repository', 'web');
    expect(r.stdout).toContain('2 findings (2 new');
  });
});
