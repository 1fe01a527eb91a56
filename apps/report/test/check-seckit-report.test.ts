import { Finding, Report, SuppressedFinding } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import { checkFinding, checkSeckitReport } from '../src/ingest/check-seckit-report.js';
import { workspace } from './helpers/cli.js';
import { finding, seckitReport } from './helpers/reports.js';

/** What normalisation reads of a finding: the plain checks must give exactly zod's values. */
function readFields(f: Finding) {
  const { id, ruleId, category, severity, message, location, docsUrl } = f;
  const { path, startLine, startColumn, endLine, endColumn } = location;
  return {
    id,
    ruleId,
    category,
    severity,
    message,
    path,
    startLine,
    startColumn,
    endLine,
    endColumn,
    docsUrl,
  };
}

const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(finding())) as Record<string, unknown>;
const at = (over: Record<string, unknown>) => {
  const f = base();
  return { ...f, location: { ...(f.location as object), ...over } };
};

// Each a finding core's Finding schema reads one way or the other; together they touch every rule.
const VARIANTS: [string, unknown][] = [
  ['the usual finding', base()],
  [
    'with fix, tool and a docs link',
    { ...base(), fix: 'rotate it', docsUrl: 'https://example.test/rules#aws' },
  ],
  ['a docs link zod trims', { ...base(), docsUrl: '  https://example.test/rules#aws  ' }],
  ['a docs link that is no URL', { ...base(), docsUrl: 'see the wiki' }],
  ['a docs link that is not a string', { ...base(), docsUrl: 42 }],
  ['properties', { ...base(), properties: { specifier: '^1.0.0', count: 2, dev: true } }],
  ['properties holding an object', { ...base(), properties: { nested: { a: 1 } } }],
  ['unknown keys', { ...base(), extra: 'ignored', location: { ...at({}).location, extra: 1 } }],
  ['an id in upper case', { ...base(), id: 'A'.repeat(32) }],
  ['an id too short', { ...base(), id: 'a'.repeat(31) }],
  ['an id that is a number', { ...base(), id: 7 }],
  ['no rule id', { ...base(), ruleId: '' }],
  ['an unknown category', { ...base(), category: 'style' }],
  ['an unknown severity', { ...base(), severity: 'urgent' }],
  ['an empty message', { ...base(), message: '' }],
  ['a message that is null', { ...base(), message: null }],
  ['an empty fix', { ...base(), fix: '' }],
  ['a fix that is null', { ...base(), fix: null }],
  ['an empty tool', { ...base(), tool: '' }],
  ['no location', { ...base(), location: undefined }],
  ['a location that is an array', { ...base(), location: [] }],
  ['an absolute path', at({ path: '/etc/passwd' })],
  ['a path with ..', at({ path: 'src/../../etc' })],
  ['a Windows path', at({ path: 'src\\a.ts' })],
  ['an empty path', at({ path: '' })],
  ['line 0', at({ startLine: 0, endLine: 0 })],
  ['a fractional column', at({ startColumn: 1.5 })],
  ['a line past the safe integers', at({ startLine: 2 ** 53, endLine: 2 ** 53 })],
  ['a line as text', at({ startLine: '3' })],
  ['an end before the start (lines)', at({ startLine: 5, endLine: 4 })],
  ['an end before the start (columns)', at({ startColumn: 9, endColumn: 8 })],
  ['an end on the start', at({ startColumn: 9, endColumn: 9 })],
  ['a multi-line range', at({ startLine: 3, startColumn: 9, endLine: 4, endColumn: 1 })],
  ['null', null],
  ['an array', []],
];

describe('the quick check of seckit Reports agrees with core’s schema', () => {
  it.each(VARIANTS)('%s', (_what, value) => {
    const quick = checkFinding(value);
    const zod = Finding.safeParse(value);
    // Never "valid" for a finding zod refuses; when valid, the same values.
    if (quick !== undefined) {
      expect(zod.success).toBe(true);
      expect(readFields(quick)).toEqual(readFields(zod.data!));
    }
    // Everything zod refuses is refused; what the quick check leaves to zod is only the unusual.
    if (!zod.success) expect(quick).toBeUndefined();
  });

  it('accepts every valid variant above itself, without the whole-report zod pass (else there is no gain)', () => {
    const valid = VARIANTS.filter(([, v]) => Finding.safeParse(v).success);
    expect(valid.filter(([, v]) => checkFinding(v) === undefined).map(([w]) => w)).toEqual([]);
  });

  it('a whole report: the same Report as zod gives, defaults included', () => {
    const report = seckitReport({
      findings: [finding({ path: 'a.ts' }), finding({ path: 'b.ts', docsUrl: 'https://example.test/x' })],
      suppressed: [
        {
          ...finding({ path: 'c.ts' }),
          suppression: { kind: 'inline', justification: 'test fixture', expires: '2026-12-31' },
        },
      ],
    }) as unknown as Record<string, unknown>;
    const { errors: _e, warnings: _w, ...withoutDefaults } = report;
    for (const value of [report, withoutDefaults]) {
      expect(checkSeckitReport(value)).toEqual(Report.parse(value));
    }
  });

  it.each<[string, (r: Record<string, unknown>) => void]>([
    ['a bad finding deep in the list', (r) => ((r.findings as Record<string, unknown>[])[2]!.severity = 'x')],
    [
      'a bad suppression',
      (r) => ((r.suppressed as Record<string, unknown>[])[0]!.suppression = { kind: 'x' }),
    ],
    [
      'a suppressed finding without its suppression',
      (r) => delete (r.suppressed as Record<string, unknown>[])[0]!.suppression,
    ],
    ['a bad top level', (r) => (r.createdAt = 'yesterday')],
    ['findings that are no list', (r) => (r.findings = {})],
  ])('leaves a report with %s to zod, which refuses it', (_what, spoil) => {
    const report = JSON.parse(
      JSON.stringify(
        seckitReport({
          findings: [finding({ path: 'a.ts' }), finding({ path: 'b.ts' }), finding({ path: 'c.ts' })],
          suppressed: [
            { ...finding({ path: 'd.ts' }), suppression: { kind: 'baseline', justification: 'adopted' } },
          ],
        }),
      ),
    ) as Record<string, unknown>;
    spoil(report);
    expect(checkSeckitReport(report)).toBeUndefined();
    expect(Report.safeParse(report).success).toBe(false);
  });

  it('suppressed findings follow the same rules', () => {
    const ok = { ...base(), suppression: { kind: 'exception', justification: 'vendor code' } };
    expect(SuppressedFinding.safeParse(ok).success).toBe(true);
    expect(checkSeckitReport({ ...seckitReport(), suppressed: [ok] })?.suppressed).toHaveLength(1);
  });

  it('an invalid finding among many still gets zod’s message with its place', async () => {
    const ws = workspace();
    const findings = Array.from({ length: 300 }, (_, i) => finding({ path: `src/f${i}.ts` }));
    const report = seckitReport({ findings }) as unknown as { findings: Record<string, unknown>[] };
    (report.findings[250]!.location as Record<string, unknown>).startLine = 0;
    ws.write('bad.json', report);
    const r = await ws.run('ingest', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^sec-report: bad\.json: not a valid seckit Report:\n {2}findings\[250\]\.location\.startLine: .*got a number \(line \d+, column \d+\)$/m,
    );
  });
});
