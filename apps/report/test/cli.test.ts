import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isolatedEnv } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import { finding, seckitReport } from './helpers/reports.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/sec-report.js');

describe('sec-report CLI', () => {
  it('prints help (every command, every visible option, the exit codes) and the version', async () => {
    const ws = workspace();
    const help = await ws.run('--help');
    expect(help.code).toBe(0);
    for (const command of ['ingest', 'summary', 'html', 'sarif', 'gate', 'triage'])
      expect(help.stdout).toContain(`sec-report ${command}`);
    for (const option of [
      '--db <file>',
      '--policy <file>',
      '--input-format',
      '--scope',
      '--max-input-mb',
      '--until <YYYY-MM-DD>',
    ])
      expect(help.stdout).toContain(option);
    expect(help.stdout).not.toContain('--now');
    expect(help.stdout).toContain(
      'Exit codes: 0 done (gate: every target met), 1 gate: a policy target missed, 2 usage, input, database or internal error.',
    );
    expect((await ws.run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const none = await ws.run();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage:');
  });

  it.each([
    [
      ['frobnicate'],
      'unknown command "frobnicate"; commands are: ingest, summary, html, sarif, gate, triage',
    ],
    [['summary', '--fromat', 'json'], "Unknown option '--fromat'"],
    [['summary', '--format', 'xml'], '--format: expected markdown or json, got "xml"'],
    [['gate', '--format', 'markdown'], '--format: expected text or json for gate, got "markdown"'],
    [['gate', 'extra'], '`sec-report gate` takes no arguments, got "extra"'],
    [['html'], '`sec-report html` needs --output <file>'],
    [['gate', '--scope', 'full'], '--scope does not apply to `sec-report gate`'],
    [['summary', '--period', 'year'], '--period: expected one of day, week, month, got "year"'],
    [['ingest'], '`sec-report ingest` needs report files or folders'],
    [
      ['ingest', 'x.json', '--scope', 'everything'],
      '--scope: expected one of full, staged, diff, paths, got "everything"',
    ],
    [
      ['ingest', 'x.json', '--input-format', 'trivy'],
      '--input-format: expected one of auto, seckit, sarif, secretlint, gitleaks, got "trivy"',
    ],
    [['ingest', 'x.json', '--run-time', 'yesterday'], '--run-time: expected an ISO date-time'],
    [
      ['summary', '--now', 'soon'],
      '--now: expected an ISO date-time such as 2026-03-01T12:00:00Z, got "soon"',
    ],
    [
      ['summary'],
      '.seckit/report.db: no database here yet; run `sec-report ingest <reports…>` first, or pass --db <file>',
    ],
  ])('rejects %j with a clear message and exit 2', async (argv, message) => {
    const r = await workspace().run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the Markdown summary escapes hostile text: no HTML, no extra table column, no mention', async () => {
    const ws = workspace();
    const hostile =
      'evil|col <img src=x onerror=alert(1)> `code` @octocat [link](https://evil.example) **bold**\nsecond line';
    ws.write('r.json', seckitReport({ findings: [finding({ message: hostile, path: 'src/a|b.ts' })] }));
    await ws.run('ingest', 'r.json', '--repository', 'we|b');
    const md = (await ws.run('summary')).stdout;
    const row = md.split('\n').find((l) => l.includes('evil'))!;
    expect(row).toContain(
      'evil&#124;col &lt;img src=x onerror=alert(1)&gt; &#96;code&#96; @&#8203;octocat \\[link\\](https://evil.example) \\*\\*bold\\*\\*<br>second line',
    );
    // Seven cells, as the header says (six columns), however many pipes the data holds.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(md).not.toContain('<img');
  });

  it('writes a summary to a file with --output (atomically, folders created)', async () => {
    const ws = workspace();
    ws.write('r.json', seckitReport({ findings: [finding()] }));
    await ws.run('ingest', 'r.json');
    const r = await ws.run('summary', '-f', 'json', '-o', 'out/summary.json');
    expect(r.stdout).toBe('out/summary.json: summary written (1 open findings)\n');
    expect(JSON.parse(readFileSync(path.join(ws.dir, 'out/summary.json'), 'utf8')).openTotal).toBe(1);
  });

  it('runs as a real process through the bin, with exit codes 0, 1 and 2', async () => {
    const ws = workspace();
    ws.write('r.json', seckitReport({ findings: [finding()], createdAt: '2026-01-01T00:00:00Z' }));
    const exec = promisify(execFile);
    const sec = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
          cwd: ws.dir,
          env: isolatedEnv(),
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const ingest = await sec('ingest', 'r.json');
    expect(ingest).toMatchObject({ code: 0, stderr: '' });
    // A critical finding first seen on 01-01 is long past its 24-hour SLA: the default targets fail.
    const gate = await sec('gate');
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(
      '✗ web: 1 critical finding past the critical SLA (at most 0 allowed) [targets.maxBreached.critical]',
    );
    const bad = await sec('ingest', 'missing.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('sec-report: missing.json: no such file\n');
    // The bin runs the bundle (dist/bundle, with core and zod inside): it must say what the
    // source says, to the byte.
    const now = ['--now', '2026-03-02T12:00:00Z'];
    for (const args of [['summary', '-f', 'json'], ['summary'], ['--version']]) {
      const fromBin = await sec(...args, ...(args[0] === '--version' ? [] : now));
      expect(fromBin).toEqual(await ws.run(...args, ...(args[0] === '--version' ? [] : now)));
    }
  });
});
