import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import { finding, PLANTED, sarifLog, sarifResult, sarifRun, seckitReport } from './helpers/reports.js';

/** A SARIF whose result properties nest `depth` levels (built as text: JSON.stringify would overflow). */
function deepSarif(depth: number): string {
  const log = JSON.stringify(
    sarifLog(
      sarifRun({
        tool: 't',
        results: [sarifResult({ ruleId: 'r', message: 'm', properties: { deep: 'HERE' } })],
      }),
    ),
  );
  return log.replace('"HERE"', `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`);
}

describe('bad input: one clear message naming the file, exit 2, no stack trace', () => {
  it.each<[string, (ws: ReturnType<typeof workspace>) => string, RegExp | string]>([
    [
      'truncated JSON',
      (ws) =>
        ws.write('cut.json', JSON.stringify(seckitReport({ findings: [finding()] }), null, 2).slice(0, 300)),
      /^sec-report: cut\.json: invalid JSON: .* \(line \d+, column \d+\); the file ends early: was it truncated \(disk full, interrupted upload\)\?$/m,
    ],
    [
      'an empty file',
      (ws) => ws.write('empty.json', '  \n'),
      'sec-report: empty.json: is empty; expected a JSON report',
    ],
    [
      'JSON that is no report',
      (ws) => ws.write('other.json', { hello: 'world' }),
      'sec-report: other.json: not a report sec-report knows: expected a seckit Report (seckit scan --format json), SARIF 2.1.0, secretlint JSON (--format json) or gitleaks JSON (--report-format json)',
    ],
    [
      'a SARIF that breaks the structure',
      (ws) =>
        ws.write('broken.sarif', {
          version: '2.1.0',
          runs: [{ tool: { driver: { name: 'x' } }, results: { ruleId: 'r' } }],
        }),
      /sec-report: broken\.sarif: not a valid SARIF 2\.1\.0 log:\n {2}runs\[0\]\.results: expected array, got an object \(line 10, column 7\)/,
    ],
    [
      'a SARIF result with a level SARIF does not have',
      (ws) =>
        ws.write(
          'level.sarif',
          sarifLog(
            sarifRun({
              tool: 't',
              results: [sarifResult({ ruleId: 'r', message: 'm', level: 'fatal' as 'error' })],
            }),
          ),
        ),
      'runs[0].results[0].level: expected one of "none", "note", "warning", "error", got a string (line',
    ],
    [
      'SARIF of another version',
      (ws) => ws.write('old.sarif', { version: '2.0.0', runs: [] }),
      'sec-report: old.sarif: SARIF version "2.0.0" is not supported; sec-report reads SARIF 2.1.0',
    ],
    [
      'a seckit Report that breaks its schema',
      (ws) =>
        ws.write('bad.json', {
          ...seckitReport({ findings: [finding()] }),
          findings: [{ ...finding(), id: 'nope', severity: 'severe' }],
        }),
      /bad\.json: not a valid seckit Report:\n {2}findings\[0\]\.id: must be 32 lowercase hex characters, got a string \(line \d+, column \d+\)\n {2}findings\[0\]\.severity: expected one of "critical", "high", "medium", "low", "info", got a string/,
    ],
    [
      'deeply nested data',
      (ws) => ws.write('deep.sarif', deepSarif(100_000)),
      /deep\.sarif: nested more than 64 levels deep \(at runs\[0\]\.results\[0\]\.properties\.deep\.a\.a\.…\); no report is shaped like this, refusing it/,
    ],
    [
      'a file that is not UTF-8',
      (ws) => ws.write('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d])),
      'sec-report: latin1.json: is not UTF-8 text; reports are JSON files',
    ],
    ['a missing file', () => 'nowhere.json', 'sec-report: nowhere.json: no such file'],
    [
      'a wrong --input-format',
      (ws) => ws.write('g.json', seckitReport()),
      'sec-report: g.json: not a valid gitleaks JSON report:\n  (top level): expected array, got an object',
    ],
  ])('%s', async (_what, make, message) => {
    const ws = workspace();
    const file = make(ws);
    const args = _what === 'a wrong --input-format' ? ['--input-format', 'gitleaks'] : [];
    const r = await ws.run('ingest', file, '--repository', 'web', ...args);
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('0 runs recorded (0 new, 0 fixed, 0 reopened); 1 file rejected, see above');
  });

  it('never echoes values from a bad file in the message', async () => {
    const ws = workspace();
    ws.write('leak.sarif', {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: PLANTED.githubToken } },
          results: [{ message: PLANTED.awsSecret, level: PLANTED.githubToken }],
        },
      ],
    });
    const r = await ws.run('ingest', 'leak.sarif', '--repository', 'web');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('runs[0].results[0].message: expected object, got a string');
    for (const value of Object.values(PLANTED)) expect(r.stderr).not.toContain(value);
  });

  it('refuses a 200 MB file from its size, before reading it', async () => {
    const ws = workspace();
    const big = path.join(ws.dir, 'big.sarif');
    writeFileSync(big, '');
    truncateSync(big, 200_000_000); // sparse: takes no disk space
    const started = performance.now();
    const r = await ws.run('ingest', 'big.sarif', '--repository', 'web');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'sec-report: big.sarif: 200.0 MB is over the input limit of 100.0 MB; split the report, or raise --max-input-mb',
    );
    ws.write('small.json', seckitReport({ findings: [finding()] }));
    const limited = await ws.run('ingest', 'small.json', '--max-input-mb', '0.0005');
    expect(limited.stderr).toMatch(/small\.json: 0\.0 MB is over the input limit of 0\.0 MB/);
    expect((await ws.run('ingest', 'small.json', '--max-input-mb', 'lots')).stderr).toContain(
      '--max-input-mb: expected a positive number, got "lots"',
    );
  });

  it('counts bytes while reading, for inputs without a size (a named pipe)', async () => {
    const ws = workspace();
    const fifo = path.join(ws.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // A writer that would send 3 MB; the reader stops at 1 MB.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(fifo)},'w');try{fs.writeSync(fd,'['+' '.repeat(3e6)+']')}catch{}`,
      ],
      { stdio: 'ignore' },
    );
    const r = await ws.run('ingest', 'pipe.json', '--repository', 'web', '--max-input-mb', '1');
    writer.kill();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipe\.json: more than 1\.\d MB is over the input limit of 1\.0 MB/);
  });

  it('ingest is all-or-nothing per file, and nothing already stored is lost', async () => {
    const ws = workspace();
    ws.write(
      'first.json',
      seckitReport({ findings: [finding({ path: 'a.ts' })], createdAt: '2026-02-01T00:00:00Z' }),
    );
    await ws.run('ingest', 'first.json');
    const before = readFileSync(ws.db);
    ws.write('cut.json', '{"schemaVersion": 1, "findings": [');
    ws.write('broken.sarif', { version: '2.1.0', runs: [{ tool: {} }] });
    // Only bad files: the database file is not even rewritten.
    const bad = await ws.run('ingest', 'cut.json', 'broken.sarif');
    expect(bad.code).toBe(2);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    // Good and bad together: the good one is stored, the bad ones reported.
    ws.write(
      'second.json',
      seckitReport({
        findings: [finding({ path: 'a.ts' }), finding({ path: 'b.ts' })],
        createdAt: '2026-02-02T00:00:00Z',
      }),
    );
    const mixed = await ws.run('ingest', 'cut.json', 'second.json', 'broken.sarif');
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain(
      'second.json: seckit 0.1.0, web@main, full: 2 findings (1 new, 0 fixed, 0 reopened)',
    );
    expect(mixed.stdout).toContain(
      '1 run recorded (1 new, 0 fixed, 0 reopened); 2 files rejected, see above',
    );
    expect(mixed.stderr).toContain('cut.json:');
    expect(mixed.stderr).toContain(
      'broken.sarif: not a valid SARIF 2.1.0 log:\n  runs[0].tool.driver: is required (expected object)',
    );
    expect((await query(ws.db, 'SELECT path FROM findings ORDER BY path')).map((r) => r.path)).toEqual([
      'a.ts',
      'b.ts',
    ]);
  });

  it('a folder argument ingests the .json and .sarif files under it', async () => {
    const ws = workspace();
    ws.write('reports/a/1.json', seckitReport({ findings: [finding({ path: 'a.ts' })] }));
    ws.write(
      'reports/b/2.sarif',
      sarifLog(sarifRun({ tool: 'semgrep', results: [sarifResult({ ruleId: 'r', message: 'm' })] })),
    );
    ws.write('reports/notes.txt', 'not a report');
    const r = await ws.run('ingest', 'reports', '--repository', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 runs recorded');
    ws.write('nothing/readme.md', '# none');
    expect((await ws.run('ingest', 'nothing')).stderr).toContain(
      'nothing: no .json or .sarif files in this folder',
    );
  });
});
