import { describe, expect, it } from 'vitest';
import { checkResult, checkSarifLog } from '../src/ingest/check-sarif.js';
import { fromSarif } from '../src/ingest/from-sarif.js';
import { SarifLog, SarifResult } from '../src/ingest/sarif-input.js';
import { workspace } from './helpers/cli.js';
import { sarifLog, sarifResult, sarifRun } from './helpers/reports.js';

const base = () =>
  JSON.parse(
    JSON.stringify(
      sarifResult({
        ruleId: 'js/sqli',
        message: 'SQL built from user input',
        partialFingerprints: { primaryLocationLineHash: 'ab12:1' },
        snippet: 'db.query(input)',
      }),
    ),
  ) as Record<string, unknown>;
type Loc = { physicalLocation: Record<string, Record<string, unknown>> };
const withPhysical = (part: string, over: Record<string, unknown>) => {
  const r = base();
  const [loc] = r.locations as Loc[];
  return {
    ...r,
    locations: [
      { physicalLocation: { ...loc!.physicalLocation, [part]: { ...loc!.physicalLocation[part], ...over } } },
    ],
  };
};

// Each a result the SarifResult schema reads one way or the other; together they touch every rule.
const VARIANTS: [string, unknown][] = [
  ['the usual result', base()],
  ['a minimal result', { message: { text: 'm' } }],
  [
    'with rule, index, kind, level and properties',
    {
      ...base(),
      rule: { id: 'x', index: 0 },
      ruleIndex: 0,
      kind: 'fail',
      level: 'error',
      properties: { 'security-severity': '8.8', tags: ['security'] },
    },
  ],
  ['a message template with arguments', { ...base(), message: { id: 'default', arguments: ['a', 'b'] } }],
  ['unknown keys everywhere', { ...base(), extra: 1, message: { text: 'm', extra: true } }],
  ['full fingerprints', { ...base(), fingerprints: { 'seckitFingerprint/v1': 'a'.repeat(32) } }],
  ['an accepted suppression', { ...base(), suppressions: [{ kind: 'inSource', status: 'accepted' }] }],
  ['a suppression without kind', { ...base(), suppressions: [{ status: 'accepted' }] }],
  ['no message', { ...base(), message: undefined }],
  ['a message that is text', { ...base(), message: 'm' }],
  ['a message text that is a number', { ...base(), message: { text: 4 } }],
  ['arguments that are numbers', { ...base(), message: { text: 'm', arguments: [1] } }],
  ['a rule id that is a number', { ...base(), ruleId: 3 }],
  ['a rule index of -1', { ...base(), ruleIndex: -1 }],
  ['a rule index of -2', { ...base(), ruleIndex: -2 }],
  ['a fractional rule index', { ...base(), ruleIndex: 0.5 }],
  ['a rule that is text', { ...base(), rule: 'x' }],
  ['an unknown kind', { ...base(), kind: 'maybe' }],
  ['an unknown level', { ...base(), level: 'fatal' }],
  ['locations that are no list', { ...base(), locations: {} }],
  ['a location that is null', { ...base(), locations: [null] }],
  ['a location without a physical location', { ...base(), locations: [{}] }],
  ['a physical location that is text', { ...base(), locations: [{ physicalLocation: 'x' }] }],
  ['a uri that is a number', withPhysical('artifactLocation', { uri: 5 })],
  ['an artifact index of -1', withPhysical('artifactLocation', { index: -1 })],
  ['an artifact index of -3', withPhysical('artifactLocation', { index: -3 })],
  ['line 0', withPhysical('region', { startLine: 0 })],
  ['a line past the safe integers', withPhysical('region', { endLine: 2 ** 53 })],
  ['a column as text', withPhysical('region', { startColumn: '3' })],
  ['a snippet that is text', withPhysical('region', { snippet: 'x' })],
  ['a snippet text that is null', withPhysical('region', { snippet: { text: null } })],
  ['a bad context region', withPhysical('contextRegion', { endLine: -1 })],
  ['fingerprints with a number', { ...base(), partialFingerprints: { a: 1 } }],
  ['fingerprints that are a list', { ...base(), fingerprints: ['a'] }],
  ['properties that are a list', { ...base(), properties: [] }],
  [
    'a __proto__ fingerprint',
    JSON.parse('{"message":{"text":"m"},"partialFingerprints":{"__proto__":"x","a":"b"}}'),
  ],
  ['null', null],
];

describe('the quick check of SARIF results agrees with the schema', () => {
  it.each(VARIANTS)('%s', (_what, value) => {
    const quick = checkResult(value);
    const zod = SarifResult.safeParse(value);
    if (quick !== undefined) expect(zod.success).toBe(true);
    if (!zod.success) {
      expect(quick).toBeUndefined();
      return;
    }
    // Normalised from the parsed object itself (the quick path) or from zod's copy of it (unknown
    // keys stripped): the same runs, findings, identities and masks.
    const log = sarifLog(
      sarifRun({ tool: 'semgrep', repositoryUri: 'https://x.test/web.git', results: [value as never] }),
    );
    const options = { baseDir: '/work', now: Date.parse('2026-03-01T00:00:00Z') };
    expect(fromSarif('f.sarif', log, undefined, options)).toEqual(
      fromSarif('f.sarif', SarifLog.parse(log), undefined, options),
    );
  });

  it('vouches itself for every valid variant above but the __proto__ one', () => {
    const valid = VARIANTS.filter(([, v]) => SarifResult.safeParse(v).success);
    expect(valid.filter(([, v]) => checkResult(v) === undefined).map(([w]) => w)).toEqual([
      'a __proto__ fingerprint',
    ]);
  });

  it('a whole log: what zod gives, runs that failed (results null) included', () => {
    const log = sarifLog(
      sarifRun({ tool: 'semgrep', results: [base(), { ...base(), level: 'note' }] }),
      sarifRun({ tool: 'gitleaks', results: null }),
    );
    expect(checkSarifLog(log)).toEqual(SarifLog.parse(log));
  });

  it.each<[string, (log: { runs: Record<string, unknown>[] }) => void]>([
    [
      'a bad result deep in a run',
      (l) => ((l.runs[0]!.results as Record<string, unknown>[])[1]!.level = 'x'),
    ],
    ['a bad tool', (l) => (l.runs[0]!.tool = {})],
    ['results that are no list', (l) => (l.runs[0]!.results = 'none')],
    ['a run that is null', (l) => (l.runs[1] = null as never)],
  ])('leaves a log with %s to zod, which refuses it', (_what, spoil) => {
    const log = sarifLog(
      sarifRun({ tool: 'semgrep', results: [base(), base(), base()] }),
      sarifRun({ tool: 'x', results: [] }),
    ) as unknown as { runs: Record<string, unknown>[] };
    spoil(log);
    expect(checkSarifLog(log)).toBeUndefined();
    expect(SarifLog.safeParse(log).success).toBe(false);
  });

  it('an invalid result among many still gets the message with its place', async () => {
    const ws = workspace();
    const results = Array.from({ length: 200 }, (_, i) =>
      sarifResult({ ruleId: 'r', message: `m${i}`, uri: `src/f${i}.js` }),
    );
    (results[150]!.message as Record<string, unknown>).text = 7;
    ws.write('bad.sarif', sarifLog(sarifRun({ tool: 'semgrep', results })));
    const r = await ws.run('ingest', 'bad.sarif', '--repository', 'web');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^sec-report: bad\.sarif: not a valid SARIF 2\.1\.0 log:\n {2}runs\[0\]\.results\[150\]\.message\.text: expected string, got a number \(line \d+, column \d+\)$/m,
    );
  });
});
