import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import {
  formatSarif,
  pathToUri,
  SARIF_FINGERPRINT_KEY,
  type SarifLog,
  toSarif,
} from '../src/format/sarif.js';
import { emptyReport, sampleReport } from './helpers/sample-report.js';

// ajv-draft-04 is CommonJS; under NodeNext its default import is the module, the class is `.default`.
const Ajv = AjvModule.default;

// The repository is always cloned with `shared/` beside it: `<repo>/../shared`.
const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.resolve(here, '../../../../shared/schemas/sarif-schema-2.1.0.json');
// Formats (uri, date-time) are not checked without ajv-formats; RELATIVE_URI below covers our uris.
const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(
  JSON.parse(readFileSync(schemaPath, 'utf8')),
);

function expectSchemaValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

/** RFC 3986 relative reference made of path characters only, not starting like a scheme or a root. */
const RELATIVE_URI = /^(?!\/)(?![^/]*:)(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})+$/;

/** What GitHub code scanning needs beyond the schema (research group 2, table 2(a) and 2(b)). */
function expectGithubProfile(log: SarifLog): void {
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0]!;
  expect(run.tool.driver.name).toBe('seckit');
  for (const rule of run.tool.driver.rules) {
    expect(rule.id).not.toBe('');
    expect(rule.name.length).toBeLessThanOrEqual(255);
    expect(rule.shortDescription.text.trim()).not.toBe('');
    expect(rule.fullDescription.text.trim()).not.toBe('');
    expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
    expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
    expect(rule.help.text.trim()).not.toBe('');
    expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
    expect(Number(rule.properties['security-severity'])).toBeLessThanOrEqual(10);
    expect(rule.properties.tags).toContain('security');
    expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
  }
  for (const result of run.results) {
    expect(result.message.text.trim()).not.toBe('');
    expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(result.locations.length).toBeGreaterThanOrEqual(1);
    const { artifactLocation, region } = result.locations[0]!.physicalLocation;
    expect(artifactLocation.uri).toMatch(RELATIVE_URI);
    expect(artifactLocation.uri).not.toMatch(/^file:/);
    expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(region).toEqual({
      startLine: expect.any(Number),
      startColumn: expect.any(Number),
      endLine: expect.any(Number),
      endColumn: expect.any(Number),
    });
    expect(Object.keys(result.partialFingerprints).length).toBeGreaterThan(0);
  }
  // No absolute path of the machine that ran the scan, anywhere in the file.
  expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBeUndefined();
  expect(JSON.stringify(log)).not.toMatch(/file:\/\//);
}

describe('toSarif', () => {
  const report = sampleReport();
  const log = toSarif(report);
  const run = log.runs[0]!;

  it('validates against the SARIF 2.1.0 schema', () => {
    expectSchemaValid(log);
    expectSchemaValid(JSON.parse(formatSarif(report)));
  });

  it('uses a validator that does reject broken SARIF', () => {
    const broken = structuredClone(log) as unknown as {
      version: string;
      runs: { results: { level: string }[] }[];
    };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('meets what GitHub code scanning requires', () => {
    expectGithubProfile(log);
  });

  it('has one rule per distinct rule id, sorted, including rules seen only in suppressed findings', () => {
    const ids = [...new Set([...report.findings, ...report.suppressed].map((f) => f.ruleId))].sort();
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ids);
    expect(ids).toContain('seckit/only-suppressed-rule');
  });

  it('maps severities to levels and security-severity scores', () => {
    const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
    // The highest severity among a rule's findings (critical here) wins.
    expect(rule('@secretlint/secretlint-rule-aws').properties['security-severity']).toBe('9.5');
    expect(rule('@secretlint/secretlint-rule-aws').defaultConfiguration.level).toBe('error');
    expect(rule('seckit/dependency-pin').properties['security-severity']).toBe('7.5');
    expect(rule('seckit/expired-exception').properties['security-severity']).toBe('5.0');
    expect(rule('seckit/expired-exception').defaultConfiguration.level).toBe('warning');
    expect(rule('seckit/lockfile-registry').properties['security-severity']).toBe('2.0');
    expect(rule('seckit/security-policy').properties['security-severity']).toBe('0.0');
    expect(rule('seckit/security-policy').defaultConfiguration.level).toBe('note');
    expect(rule('seckit/dependency-pin').properties.tags).toEqual(['security', 'dependency']);
    expect(rule('seckit/dependency-pin').properties.precision).toBe('high');
    const levels = run.results.slice(0, report.findings.length).map((r) => [r.properties.severity, r.level]);
    expect(new Map(levels as [string, string][])).toEqual(
      new Map([
        ['critical', 'error'],
        ['high', 'error'],
        ['medium', 'warning'],
        ['low', 'note'],
        ['info', 'note'],
      ]),
    );
  });

  it('links docs and the fix hint from the findings', () => {
    const aws = run.tool.driver.rules.find((r) => r.id === '@secretlint/secretlint-rule-aws')!;
    expect(aws.helpUri).toBe(report.findings.find((f) => f.docsUrl !== undefined)?.docsUrl);
    expect(aws.helpUri).toMatch(/^https:\/\/github\.com\/secretlint\//);
    expect(aws.help.text).toContain('Remove the value, rotate it');
    expect(aws.help.markdown).toContain('[Documentation](https://github.com/');
  });

  it('keeps every message exactly as given and carries the fingerprint', () => {
    const all = [...report.findings, ...report.suppressed];
    expect(run.results.map((r) => r.message.text)).toEqual(all.map((f) => f.message));
    expect(run.results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(
      all.map((f) => f.id),
    );
    expect(run.results.map((r) => r.fingerprints[SARIF_FINGERPRINT_KEY])).toEqual(all.map((f) => f.id));
  });

  it('reports suppressed findings with suppressions, and open ones without', () => {
    const open = run.results.slice(0, report.findings.length);
    const suppressed = run.results.slice(report.findings.length);
    expect(open.every((r) => r.suppressions === undefined)).toBe(true);
    expect(suppressed).toHaveLength(report.suppressed.length);
    const byKind = Object.fromEntries(
      report.suppressed.map((f, i) => [f.suppression.kind, suppressed[i]!.suppressions?.[0]]),
    );
    expect(byKind.inline).toMatchObject({
      kind: 'inSource',
      status: 'accepted',
      justification: 'seckit-allow: fake token | used by <the> tests',
    });
    for (const kind of ['baseline', 'exception', 'ignore', 'rule-disabled']) {
      expect(byKind[kind]).toMatchObject({
        kind: 'external',
        status: 'accepted',
        properties: { seckitKind: kind },
      });
    }
    expect(byKind.exception?.properties).toEqual({ seckitKind: 'exception', expires: '2099-12-31' });
  });

  it('keeps a finding’s own properties but never lets them replace SARIF’s `tags`', () => {
    const pin = run.results.find((r) => r.ruleId === 'seckit/dependency-pin')!;
    expect(pin.properties).toEqual({
      specifier: '^1.2.3',
      severity: 'high',
      category: 'dependency',
      tool: 'seckit',
    });
  });

  it('names the category per scope and records the run outcome', () => {
    expect(run.automationDetails.id).toBe('seckit/staged/');
    expect(toSarif(sampleReport({ scope: 'full' })).runs[0]!.automationDetails.id).toBe('seckit/full/');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.semanticVersion).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://github.com/seckit/seckit');
    const invocation = run.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: report.errors[0]!.message },
        descriptor: { id: 'secrets' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'assets/blob.bin', uriBaseId: '%SRCROOT%' } } },
        ],
      },
    ]);
    expect(invocation.toolConfigurationNotifications?.map((n) => n.message.text)).toEqual(report.warnings);
  });

  it('leaves an absolute error path out of the structured location', () => {
    const out = toSarif(sampleReport({ errors: [{ path: '/home/me/repo/a.bin', message: 'unreadable' }] }));
    expect(out.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'unreadable' } },
    ]);
    expectSchemaValid(out);
  });

  it('handles an empty report: one run, no rules, no results, successful', () => {
    const empty = toSarif(emptyReport());
    expectSchemaValid(empty);
    expectGithubProfile(empty);
    expect(empty.runs[0]!.tool.driver.rules).toEqual([]);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('formats as 2-space JSON with a final newline', () => {
    const text = formatSarif(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(log);
  });
});

describe('pathToUri', () => {
  it.each([
    ['src/app.ts', 'src/app.ts'],
    ['apps/web/app/(group)/[id]/page with space.ts', 'apps/web/app/(group)/%5Bid%5D/page%20with%20space.ts'],
    ['c:colon/x.ts', 'c%3Acolon/x.ts'],
    ['100%/a#b?c.ts', '100%25/a%23b%3Fc.ts'],
    ['docs/café.md', 'docs/caf%C3%A9.md'],
    ['lone/\ud800.ts', 'lone/%EF%BF%BD.ts'],
  ])('%s → %s', (input, expected) => {
    expect(pathToUri(input)).toBe(expected);
    expect(pathToUri(input)).toMatch(RELATIVE_URI);
  });
});
