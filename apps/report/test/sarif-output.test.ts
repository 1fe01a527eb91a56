import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { workspace } from './helpers/cli.js';
import {
  finding,
  gitleaksFinding,
  PLANTED,
  rule,
  sarifLog,
  sarifResult,
  sarifRun,
  seckitReport,
} from './helpers/reports.js';

// ajv-draft-04 is CommonJS; under NodeNext its default import is the module, the class is `.default`.
const Ajv = AjvModule.default;
// The official SARIF 2.1.0 schema (draft-04), kept beside the repository: `<repo>/../shared`.
const here = path.dirname(fileURLToPath(import.meta.url));
const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(
  JSON.parse(readFileSync(path.resolve(here, '../../../../shared/schemas/sarif-schema-2.1.0.json'), 'utf8')),
);

const RELATIVE_URI = /^(?!\/)(?![^/]*:)(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})+$/;

interface Log {
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version?: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          properties: { 'security-severity': string; tags: string[] };
        }[];
      };
    };
    automationDetails: { id: string };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: Record<string, number>;
        };
      }[];
      partialFingerprints: Record<string, string>;
      fingerprints: Record<string, string>;
      suppressions?: { kind: string; status: string; justification: string }[];
      properties: Record<string, unknown>;
    }[];
  }[];
}

async function exported(): Promise<{ log: Log; stdout: string }> {
  const ws = workspace();
  ws.write(
    'seckit.json',
    seckitReport({
      findings: [
        finding({
          path: 'apps/web/app/(group)/[id]/page with space.ts',
          content: 'x',
          message: 'Hostile <script>alert(1)</script> | `x`',
        }),
        finding({ path: 'src/b.ts', content: 'b', severity: 'high' }),
        finding({
          path: 'src/c.ts',
          content: 'c',
          severity: 'medium',
          ruleId: 'seckit/dependency-pin',
          category: 'dependency',
          message: 'Unpinned',
        }),
      ],
    }),
  );
  ws.write(
    'codeql.sarif',
    sarifLog(
      sarifRun({
        tool: 'CodeQL',
        version: '2.20.1',
        automationId: 'language:javascript/run-1',
        rules: [rule('js/sqli', '8.8')],
        results: [
          sarifResult({
            ruleId: 'js/sqli',
            message: 'SQL injection',
            partialFingerprints: { primaryLocationLineHash: '39fa2ee980eb94b0:1' },
          }),
        ],
      }),
      sarifRun({
        tool: 'CodeQL',
        version: '2.20.1',
        automationId: 'language:python/run-1',
        rules: [rule('py/xss', '6.1')],
        results: [
          sarifResult({
            ruleId: 'py/xss',
            message: 'XSS',
            uri: 'app.py',
            fingerprints: { 'stable/v1': 'abc123' },
          }),
        ],
      }),
    ),
  );
  ws.write('gitleaks.json', [gitleaksFinding({ secret: PLANTED.awsKeyId })]);
  ws.write(
    'none.sarif',
    sarifLog(
      sarifRun({ tool: 'semgrep', results: [{ ruleId: 'no-file', message: { text: 'project-level' } }] }),
    ),
  );
  const r = await ws.run(
    'ingest',
    'seckit.json',
    'codeql.sarif',
    'gitleaks.json',
    'none.sarif',
    '--repository',
    'web',
    '--branch',
    'main',
  );
  expect(r.code).toBe(0);
  const summary = JSON.parse((await ws.run('summary', '-f', 'json')).stdout);
  const b = summary.findings.find((f: { path: string }) => f.path === 'src/b.ts');
  const c = summary.findings.find((f: { path: string }) => f.path === 'src/c.ts');
  await ws.run(
    'triage',
    b.id,
    '--status',
    'risk-accepted',
    '--reason',
    'behind VPN',
    '--until',
    '2026-06-30',
    '--by',
    'alice',
  );
  await ws.run(
    'triage',
    c.id,
    '--status',
    'false-positive',
    '--reason',
    'pinned via lockfile',
    '--by',
    'bob',
  );
  const out = await ws.run('sarif', '-o', 'out/web.sarif');
  expect(out.stderr).toBe('');
  return { log: JSON.parse(readFileSync(path.join(ws.dir, 'out/web.sarif'), 'utf8')), stdout: out.stdout };
}

describe('sec-report sarif', async () => {
  const { log, stdout } = await exported();

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject broken SARIF.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('has one run per tool and category, each with its own automation category', () => {
    expect(log.runs.map((r) => [r.tool.driver.name, r.automationDetails.id])).toEqual([
      ['codeql', 'sec-report/codeql/language:javascript/'],
      ['codeql', 'sec-report/codeql/language:python/'],
      ['gitleaks', 'sec-report/gitleaks/'],
      ['seckit', 'sec-report/seckit/'],
      ['semgrep', 'sec-report/semgrep/'],
    ]);
    expect(log.runs[0]!.tool.driver.version).toBe('2.20.1');
    expect(stdout).toBe(
      'out/web.sarif: 6 results in 5 runs; 1 finding without a file location left out (GitHub needs one)\n',
    );
  });

  it('keeps the tools’ fingerprints and adds ours', () => {
    const [js, py] = log.runs;
    expect(js!.results[0]!.partialFingerprints).toMatchObject({
      primaryLocationLineHash: '39fa2ee980eb94b0:1',
      'secReportFinding/v1': expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(py!.results[0]!.fingerprints).toMatchObject({ 'stable/v1': 'abc123' });
    const seckit = log.runs.find((r) => r.tool.driver.name === 'seckit')!;
    // seckit's own key, so an upload of this file continues the alerts of `seckit scan --format sarif`.
    for (const r of seckit.results)
      expect(r.partialFingerprints['seckitFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('meets what GitHub code scanning needs beyond the schema', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    for (const run of log.runs) {
      for (const rule of run.tool.driver.rules) {
        expect(rule.name.length).toBeLessThanOrEqual(255);
        expect(rule.shortDescription.text.trim()).not.toBe('');
        expect(rule.fullDescription.text.trim()).not.toBe('');
        expect(rule.help.text.trim()).not.toBe('');
        expect(rule.properties.tags).toContain('security');
        expect(Number(rule.properties['security-severity'])).toBeLessThanOrEqual(10);
      }
      for (const result of run.results) {
        expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
        expect(result.locations).toHaveLength(1);
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        expect(artifactLocation.uri).toMatch(RELATIVE_URI);
        expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
        expect(Object.keys(region).sort()).toEqual(['endColumn', 'endLine', 'startColumn', 'startLine']);
      }
    }
    const uris = log.runs.flatMap((r) =>
      r.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    expect(uris).toContain('apps/web/app/(group)/%5Bid%5D/page%20with%20space.ts');
  });

  it('keeps severity: critical stays 9.5 and error, a CodeQL 8.8 stays high', () => {
    const seckit = log.runs.find((r) => r.tool.driver.name === 'seckit')!;
    expect(
      seckit.tool.driver.rules.find((r) => r.id === '@secretlint/secretlint-rule-aws')!.properties[
        'security-severity'
      ],
    ).toBe('9.5');
    expect(log.runs[0]!.tool.driver.rules[0]!.properties['security-severity']).toBe('7.5');
    expect(log.runs[0]!.results[0]!.properties).toMatchObject({
      severity: 'high',
      toolSeverity: 'security-severity 8.8',
      state: 'open',
    });
  });

  it('carries decisions as SARIF suppressions', () => {
    const seckit = log.runs.find((r) => r.tool.driver.name === 'seckit')!;
    const by = (p: string) =>
      seckit.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === p)!;
    expect(by('src/b.ts').suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Risk accepted by alice until 2026-06-30: behind VPN',
        properties: { decidedAt: '2026-03-02T12:00:00.000Z', until: '2026-06-30' },
      },
    ]);
    expect(by('src/c.ts').suppressions?.[0]?.justification).toBe('False positive (bob): pinned via lockfile');
    expect(by('src/config.ts')).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain(PLANTED.awsKeyId);
  });

  it('needs --repository when the database holds several, and --output', async () => {
    const ws = workspace();
    ws.write('a.json', seckitReport({ repository: 'a', findings: [finding()] }));
    ws.write('b.json', seckitReport({ repository: 'b', findings: [finding()] }));
    await ws.run('ingest', 'a.json', 'b.json');
    const r = await ws.run('sarif', '-o', 'x.sarif');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the database holds 2 repositories and GitHub code scanning takes one per upload; pass --repository <name>',
    );
    expect((await ws.run('sarif', '-o', 'a.sarif', '--repository', 'a')).code).toBe(0);
    expect((await ws.run('sarif')).stderr).toContain('`sec-report sarif` needs --output <file>');
  });

  it('writes an empty run for a tool whose findings are all fixed, so the alerts close', async () => {
    const ws = workspace();
    ws.write('1.json', seckitReport({ findings: [finding()], createdAt: '2026-03-01T00:00:00Z' }));
    ws.write('2.json', seckitReport({ findings: [], createdAt: '2026-03-02T00:00:00Z' }));
    await ws.run('ingest', '1.json');
    await ws.run('ingest', '2.json', '--close-on-empty');
    await ws.run('sarif', '-o', 'x.sarif');
    const empty = JSON.parse(readFileSync(path.join(ws.dir, 'x.sarif'), 'utf8'));
    expect(validate(empty)).toBe(true);
    expect(empty.runs).toHaveLength(1);
    expect(empty.runs[0].results).toEqual([]);
  });
});
