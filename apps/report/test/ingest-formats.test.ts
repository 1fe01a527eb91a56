import { describe, expect, it } from 'vitest';
import { bytesOf, workspace } from './helpers/cli.js';
import { query } from './helpers/db.js';
import {
  finding,
  gitleaksFinding,
  PLANTED,
  rule,
  sarifLog,
  sarifResult,
  sarifRun,
  seckitReport,
  secretlintResult,
} from './helpers/reports.js';

describe('ingest: seckit Reports', () => {
  it('records the run and its findings, suppressed ones as suppressed', async () => {
    const ws = workspace();
    const report = seckitReport({
      repository: 'web',
      branch: 'main',
      commit: 'abc123',
      findings: [
        finding(),
        finding({
          path: 'package.json',
          ruleId: 'seckit/dependency-pin',
          category: 'dependency',
          severity: 'high',
          message: 'Unpinned dependency "lodash": "^4.17.0"',
        }),
      ],
      suppressed: [
        {
          ...finding({ path: 'test/fixture.ts' }),
          suppression: { kind: 'inline', justification: 'seckit-allow: test fixture' },
        },
      ],
    });
    ws.write('seckit.json', report);
    const r = await ws.run('ingest', 'seckit.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'seckit.json: seckit 0.1.0, web@main, full: 3 findings (3 new, 0 fixed, 0 reopened)',
    );
    const [run] = await query(ws.db, 'SELECT * FROM runs');
    expect(run).toMatchObject({
      branch: 'main',
      commit_sha: 'abc123',
      tool: 'seckit',
      tool_version: '0.1.0',
      scope: 'full',
      outcome: 'complete',
      source_format: 'seckit',
      findings: 3,
      run_at: Date.parse('2026-03-01T10:00:00.000Z'),
    });
    const rows = await query(
      ws.db,
      'SELECT rule_id, kind, severity, raw_severity, path, start_line, suppression, status FROM findings ORDER BY path',
    );
    expect(rows).toEqual([
      {
        rule_id: 'seckit/dependency-pin',
        kind: 'dependency',
        severity: 'high',
        raw_severity: 'high',
        path: 'package.json',
        start_line: 3,
        suppression: null,
        status: 'open',
      },
      {
        rule_id: '@secretlint/secretlint-rule-aws',
        kind: 'secret',
        severity: 'critical',
        raw_severity: 'critical',
        path: 'src/config.ts',
        start_line: 3,
        suppression: null,
        status: 'open',
      },
      {
        rule_id: '@secretlint/secretlint-rule-aws',
        kind: 'secret',
        severity: 'critical',
        raw_severity: 'critical',
        path: 'test/fixture.ts',
        start_line: 3,
        suppression: JSON.stringify({ kind: 'inline', justification: 'seckit-allow: test fixture' }),
        status: 'open',
      },
    ]);
    const summary = JSON.parse((await ws.run('summary', '--format', 'json')).stdout);
    expect(summary.openTotal).toBe(2);
    expect(summary.notCounted.suppressed).toBe(1);
  });

  it('a report with errors is recorded as failed', async () => {
    const ws = workspace();
    ws.write(
      'r.json',
      seckitReport({ findings: [finding()], errors: [{ path: 'a.bin', message: 'could not decode' }] }),
    );
    const r = await ws.run('ingest', 'r.json');
    expect(r.stdout).toContain('the tool reported errors, so it closes nothing');
    expect((await query(ws.db, 'SELECT outcome FROM runs'))[0]?.outcome).toBe('failed');
  });
});

describe('ingest: SARIF from any tool', () => {
  it('normalises severity from security-severity bands, else level, keeping the raw value', async () => {
    const ws = workspace();
    const scores: [string, string][] = [
      ['9.8', 'critical'],
      ['9.0', 'critical'],
      ['8.9', 'high'],
      ['7.0', 'high'],
      ['6.9', 'medium'],
      ['4.0', 'medium'],
      ['3.9', 'low'],
      ['0.1', 'low'],
    ];
    const levels: [string, string][] = [
      ['error', 'high'],
      ['warning', 'medium'],
      ['note', 'low'],
      ['none', 'info'],
    ];
    const rules = [
      ...scores.map(([s]) => rule(`score-${s}`, s)),
      rule('zero', '0.0', 'error'),
      ...levels.map(([l]) => rule(`level-${l}`)),
    ];
    const results = [
      ...scores.map(([s]) =>
        sarifResult({ ruleId: `score-${s}`, message: `score ${s}`, uri: `src/${s}.js` }),
      ),
      // 0.0 is no security severity: the level decides (here the rule's default level).
      sarifResult({ ruleId: 'zero', message: 'zero', uri: 'src/zero.js' }),
      ...levels.map(([l]) =>
        sarifResult({ ruleId: `level-${l}`, message: `level ${l}`, uri: `src/${l}.js`, level: l as 'error' }),
      ),
      // No level anywhere: SARIF's default is warning.
      sarifResult({ ruleId: 'undeclared', message: 'no level', uri: 'src/default.js' }),
      // A result-level score wins over the rule's.
      sarifResult({
        ruleId: 'score-3.9',
        message: 'result score',
        uri: 'src/result.js',
        properties: { 'security-severity': '9.1' },
      }),
    ];
    ws.write(
      'semgrep.sarif',
      sarifLog(
        sarifRun({
          tool: 'Semgrep',
          version: '1.90.0',
          rules,
          results,
          repositoryUri: 'https://github.com/acme/web.git',
          branch: 'refs/heads/main',
          revision: 'deadbeef',
          endTime: '2026-03-01T09:00:00Z',
        }),
      ),
    );
    const r = await ws.run('ingest', 'semgrep.sarif');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('semgrep.sarif: semgrep 1.90.0, web@main, full: 15 findings');
    const rows = await query(ws.db, 'SELECT path, severity, raw_severity FROM findings');
    const byPath = Object.fromEntries(rows.map((row) => [row.path, [row.severity, row.raw_severity]]));
    for (const [s, expected] of scores)
      expect(byPath[`src/${s}.js`]).toEqual([expected, `security-severity ${s}`]);
    expect(byPath['src/zero.js']).toEqual(['high', 'level error']);
    for (const [l, expected] of levels) expect(byPath[`src/${l}.js`]).toEqual([expected, `level ${l}`]);
    expect(byPath['src/default.js']).toEqual(['medium', 'level warning']);
    expect(byPath['src/result.js']).toEqual(['critical', 'security-severity 9.1']);
    const [run] = await query(
      ws.db,
      'SELECT r.name, x.branch, x.commit_sha, x.run_at FROM runs x JOIN repositories r ON r.id = x.repository_id',
    );
    expect(run).toEqual({
      name: 'web',
      branch: 'main',
      commit_sha: 'deadbeef',
      run_at: Date.parse('2026-03-01T09:00:00Z'),
    });
  });

  it('reads the scope from automationDetails.id; a run per SARIF run; pass results are not findings', async () => {
    const ws = workspace();
    ws.write(
      'multi.sarif',
      sarifLog(
        sarifRun({
          tool: 'CodeQL',
          automationId: 'language:js/pr/42',
          results: [sarifResult({ ruleId: 'js/xss', message: 'XSS', level: 'error' })],
        }),
        sarifRun({
          tool: 'CodeQL',
          automationId: 'language:python/2026-03-01',
          results: [
            sarifResult({ ruleId: 'py/sqli', message: 'SQLi', level: 'error' }),
            sarifResult({ ruleId: 'py/ok', message: 'fine', kind: 'pass' }),
          ],
        }),
      ),
    );
    const r = await ws.run('ingest', 'multi.sarif', '--repository', 'api');
    expect(r.code).toBe(0);
    const runs = await query(ws.db, 'SELECT tool, category, scope, outcome, findings FROM runs ORDER BY id');
    expect(runs).toEqual([
      { tool: 'codeql', category: 'language:js', scope: 'diff', outcome: 'partial', findings: 1 },
      { tool: 'codeql', category: 'language:python', scope: 'full', outcome: 'complete', findings: 1 },
    ]);
  });

  it('needs a repository name when the SARIF gives none, and says how to give it', async () => {
    const ws = workspace();
    ws.write('x.sarif', sarifLog(sarifRun({ tool: 'trivy', results: [] })));
    const r = await ws.run('ingest', 'x.sarif');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'x.sarif: a SARIF report does not say which repository it scanned; pass --repository <name>',
    );
  });

  it('turns accepted SARIF suppressions into suppressed findings, not under-review ones', async () => {
    const ws = workspace();
    ws.write(
      's.sarif',
      sarifLog(
        sarifRun({
          tool: 'semgrep',
          results: [
            sarifResult({
              ruleId: 'r1',
              message: 'one',
              uri: 'a.js',
              suppressions: [{ kind: 'inSource', justification: 'nosemgrep: vetted' }],
            }),
            sarifResult({
              ruleId: 'r1',
              message: 'two',
              uri: 'b.js',
              suppressions: [{ kind: 'external', status: 'underReview' }],
            }),
          ],
        }),
      ),
    );
    await ws.run('ingest', 's.sarif', '--repository', 'web');
    const summary = JSON.parse((await ws.run('summary', '-f', 'json')).stdout);
    expect(summary.openTotal).toBe(1);
    expect(summary.notCounted.suppressed).toBe(1);
    expect(summary.findings.find((f: { path: string }) => f.path === 'a.js').suppression).toEqual({
      kind: 'inSource',
      justification: 'nosemgrep: vetted',
    });
  });
});

describe('ingest: secretlint and gitleaks JSON', () => {
  it('reads secretlint --format json, with 0-based columns and its docs link', async () => {
    const ws = workspace();
    ws.write('secretlint.json', [
      secretlintResult(
        `${ws.dir}/src/token.ts`,
        ['// config', `export const token = "${PLANTED.githubToken}";`],
        PLANTED.githubToken,
      ),
    ]);
    const r = await ws.run('ingest', 'secretlint.json', '--repository', 'web', '--branch', 'main');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('secretlint.json: secretlint, web@main, full: 1 finding (1 new');
    const [row] = await query(
      ws.db,
      'SELECT tool, rule_id, kind, severity, raw_severity, message, path, start_line, start_column, help_uri FROM findings',
    );
    expect(row).toEqual({
      tool: 'secretlint',
      rule_id: '@secretlint/secretlint-rule-github',
      kind: 'secret',
      severity: 'high',
      raw_severity: 'error',
      message: 'found GitHub Token(ghp_): ghp_****',
      // Absolute paths under --base-dir (default: here) become repository-relative.
      path: 'src/token.ts',
      start_line: 2,
      start_column: 23,
      help_uri:
        'https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-github/README.md#GITHUB_TOKEN',
    });
  });

  it('reads gitleaks --report-format json: high severity, message without the match', async () => {
    const ws = workspace();
    ws.write('gitleaks.json', [
      gitleaksFinding({ secret: PLANTED.awsKeyId, commit: '0123456789abcdef0123' }),
    ]);
    const r = await ws.run('ingest', 'gitleaks.json', '--repository', 'web');
    expect(r.code).toBe(0);
    const [row] = await query(
      ws.db,
      'SELECT tool, rule_id, severity, raw_severity, message, path, start_line FROM findings',
    );
    expect(row).toEqual({
      tool: 'gitleaks',
      rule_id: 'aws-access-token',
      severity: 'high',
      raw_severity: null,
      message: 'Identified a pattern that may indicate AWS credentials (in commit 0123456789ab)',
      path: 'deploy/config.env',
      start_line: 4,
    });
  });

  it('an empty list needs --input-format; with it, the run is recorded and closes nothing', async () => {
    const ws = workspace();
    ws.write('clean.json', []);
    const bad = await ws.run('ingest', 'clean.json', '--repository', 'web');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'clean.json: an empty list could be a gitleaks or a secretlint report that found nothing; pass --input-format gitleaks or --input-format secretlint',
    );
    const ok = await ws.run('ingest', 'clean.json', '--repository', 'web', '--input-format', 'gitleaks');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('an empty run closes nothing');
  });
});

describe('masking: secret values never reach the database', () => {
  it('masks Secret, Match, Line, snippets, contextRegion, sourceContent and messages of every format', async () => {
    const ws = workspace();
    const line = `db_url = "postgres://app:${PLANTED.password}@db.internal/orders"`;
    ws.write('gitleaks.json', [
      gitleaksFinding({ secret: PLANTED.awsKeyId }),
      gitleaksFinding({ rule: 'generic-api-key', secret: PLANTED.slackToken, file: 'deploy/slack.env' }),
    ]);
    ws.write('secretlint.json', [
      secretlintResult('src/token.ts', [`const token = "${PLANTED.githubToken}";`], PLANTED.githubToken),
    ]);
    ws.write(
      'tool.sarif',
      sarifLog(
        sarifRun({
          tool: 'SomeScanner',
          rules: [{ id: 'hardcoded', shortDescription: { text: `e.g. ${PLANTED.awsSecret}` } }],
          results: [
            // The message quotes the value; the snippet and context region hold it.
            sarifResult({
              ruleId: 'hardcoded',
              message: `Hardcoded secret ${PLANTED.awsSecret} in config`,
              snippet: `aws_secret_access_key = "${PLANTED.awsSecret}"`,
            }),
            // No snippet: the value is only in the message; the likely-secret masker catches it.
            sarifResult({
              ruleId: 'hardcoded',
              message: `Token ${PLANTED.githubToken} and ${line}`,
              uri: 'src/other.js',
            }),
            sarifResult({
              ruleId: 'hardcoded',
              message: `slack: ${PLANTED.slackToken}`,
              uri: 'src/slack.js',
              partialFingerprints: {
                primaryLocationLineHash: 'abc:1',
                commitMessage: `added ${PLANTED.password}`,
              },
            }),
          ],
        }),
      ),
    );
    ws.write(
      'seckit.json',
      seckitReport({
        findings: [finding({ message: `leaked ${PLANTED.githubToken} (should have been redacted)` })],
      }),
    );
    const r = await ws.run(
      'ingest',
      'gitleaks.json',
      'secretlint.json',
      'tool.sarif',
      'seckit.json',
      '--repository',
      'web',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = bytesOf(ws.db);
    for (const value of Object.values(PLANTED)) {
      expect(bytes).not.toContain(value);
      // Not even a long piece of it.
      expect(bytes).not.toContain(value.slice(4, 16));
    }
    const messages = (await query(ws.db, 'SELECT message FROM findings ORDER BY id')).map(
      (row) => row.message,
    );
    expect(messages).toContain('Hardcoded secret wJal**** in config');
    expect(messages).toContain('found GitHub Token(ghp_): ghp_****');
    expect(messages.join('\n')).toContain('postgres://app:****@db.internal');
    // Outputs are built from the database, so they cannot hold the values either.
    for (const argv of [['summary'], ['summary', '-f', 'json'], ['html', '-o', 'out.html']])
      await ws.run(...argv);
    const outputs = [
      (await ws.run('summary')).stdout,
      (await ws.run('summary', '-f', 'json')).stdout,
      bytesOf(`${ws.dir}/out.html`),
    ];
    for (const out of outputs) for (const value of Object.values(PLANTED)) expect(out).not.toContain(value);
  });
});
