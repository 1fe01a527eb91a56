import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsSecretLine, FAKE } from './fixtures/fake-secrets.js';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';

const SECRET = awsSecretLine();

describe('seckit CLI', () => {
  it('prints help and the version, exit 0', async () => {
    const dir = makeRepo();
    const help = await seckit(dir, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('seckit scan [--staged | --diff <base>] [paths…]');
    expect(help.stdout).toContain('Exit codes: 0 passed, 1 blocked');
    // every entry keeps at least two spaces before its description, in one column
    const rows = help.stdout.split('\n').filter((l) => /^ {2}(seckit |-|\s{4}--)/.test(l));
    const column = /^ {2}\S.*?\S {2,}(?=\S)/.exec(rows[0]!)![0].length; // where the first description starts
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.slice(column - 2, column + 1), row).toMatch(/^ {2}\S$/);
    expect((await seckit(dir, '--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['scan', '--fromat', 'json'], "Unknown option '--fromat'"],
    [['scan', '--format', 'xml'], '--format: expected one of text, json, sarif, markdown, github, got "xml"'],
    [['scan', '--diff', 'main', 'a.txt'], 'choose one of --staged [paths…], --diff <base> or paths'],
    [['scan', '--staged', '--diff', 'main'], 'choose one of --staged [paths…], --diff <base> or paths'],
    [['scan', '--diff', 'no-such-ref'], '--diff no-such-ref: no such commit in this repository'],
    [['baseline', 'a.txt'], 'takes no paths'],
    [['baseline', '--staged'], '--staged does not apply to `seckit baseline`'],
  ])('rejects %j with a clear message and exit 2', async (argv, message) => {
    const r = await seckit(makeRepo(), ...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('outside a repository says so, exit 2', async () => {
    const r = await seckit('/', 'scan');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git work tree');
  });

  it('lists every policy problem with file and place, exit 2', async () => {
    const dir = makeRepo({ '.seckit/policy.json': '{\n  "blockOn": "severe",\n  "ignore": "dist"\n}\n' });
    const r = await seckit(dir, 'scan');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '.seckit/policy.json: blockOn: expected one of "critical", "high", "medium", "low", "info", got "severe" (line 2, column 3)',
    );
    expect(r.stderr).toContain('.seckit/policy.json: ignore: expected array, got "dist" (line 3, column 3)');
  });

  it('rejects a corrupt baseline with file and place, exit 2', async () => {
    const dir = makeRepo({ '.seckit/baseline.json': '{ "version": 1, "entries": [ }' });
    const r = await seckit(dir, 'scan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.seckit\/baseline\.json: invalid JSON: .*\(line 1, column \d+\)/);
  });

  it('baselines existing findings so only new ones block, and is idempotent', async () => {
    const dir = makeRepo({ 'old.conf': `${SECRET}\n`, '.gitignore': '.env\n.env.*\n' });
    git(dir, 'add', '.');
    const first = await seckit(dir, 'baseline');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 accepted finding (1 added, 0 removed)');
    const bytes = readFileSync(path.join(dir, '.seckit/baseline.json'), 'utf8');
    expect(bytes).not.toContain(FAKE.awsSecretAccessKey);
    const again = await seckit(dir, 'baseline');
    expect(again.stdout).toContain('nothing changed');
    expect(readFileSync(path.join(dir, '.seckit/baseline.json'), 'utf8')).toBe(bytes);

    expect((await seckit(dir, 'scan')).code).toBe(0);
    writeFiles(dir, { 'new.conf': `${awsSecretLine(FAKE.otherAwsSecret)}\n` });
    git(dir, 'add', 'new.conf');
    const blocked = await seckit(dir, 'scan', '--staged');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('new.conf');
    expect(blocked.stdout).not.toContain('old.conf:');
  });

  it('reports unused baseline entries on a full scan', async () => {
    const dir = makeRepo({ 'old.conf': `${SECRET}\n` });
    git(dir, 'add', '.');
    await seckit(dir, 'baseline');
    writeFiles(dir, { 'old.conf': 'fixed\n' });
    const r = await seckit(dir, 'scan', '--format', 'json');
    expect(JSON.parse(r.stdout).warnings.join('\n')).toContain('1 entry matches nothing any more');
  });

  it('honours inline suppressions with a reason and lists them', async () => {
    const dir = makeRepo({ 'a.conf': `${SECRET} # seckit-allow: rotated sample shown in the docs\n` });
    const r = await seckit(dir, 'scan', 'a.conf', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.suppressed[0].suppression).toEqual({
      kind: 'inline',
      justification: 'seckit-allow: rotated sample shown in the docs',
    });
  });

  it('honours policy exceptions and ignores', async () => {
    const dir = makeRepo({
      '.seckit/policy.json': JSON.stringify({
        ignore: ['vendor/'],
        exceptions: [{ path: 'fixtures/**', reason: 'fake keys' }],
      }),
      'vendor/x.conf': `${SECRET}\n`,
      'fixtures/y.conf': `${SECRET}\n`,
    });
    const r = await seckit(dir, 'scan', '.', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.suppressed.map((s: { suppression: { kind: string } }) => s.suppression.kind)).toEqual([
      'exception',
    ]);
    expect(report.stats.skipped).toBeGreaterThanOrEqual(1);
  });

  it('writes --output in the chosen format and still prints the summary', async () => {
    const dir = makeRepo({ 'a.conf': `${SECRET}\n` });
    const r = await seckit(dir, 'scan', 'a.conf', '--format', 'sarif', '--output', 'out/report.sarif');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a.conf');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(JSON.stringify(sarif)).not.toContain(FAKE.awsSecretAccessKey);
  });
});

describe('migration markers', () => {
  it('lists findings hidden by secretlint-disable-line instead of dropping them', async () => {
    const dir = makeRepo({ 'a.conf': `${SECRET} # secretlint-disable-line\n` });
    const r = await seckit(dir, 'scan', 'a.conf', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0].suppression).toEqual({
      kind: 'inline',
      justification: 'secretlint-disable-line: migrated marker secretlint-disable-line',
    });
  });
});
