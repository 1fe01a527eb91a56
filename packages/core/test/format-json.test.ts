import { describe, expect, it } from 'vitest';
import { isSeckitError } from '../src/errors.js';
import { formatJson } from '../src/format/json.js';
import { Report } from '../src/schemas/report.js';
import { emptyReport, sampleReport } from './helpers/sample-report.js';

/**
 * The same data with every object's keys in reverse order, except `properties`: a record has no
 * schema order, so its keys keep the order the check wrote them in.
 */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, k === 'properties' ? v : reverseKeys(v)]),
  );
}

describe('formatJson', () => {
  it('round-trips through Report.parse', () => {
    const report = sampleReport();
    const text = formatJson(report);
    expect(Report.parse(JSON.parse(text))).toEqual(report);
  });

  it('is 2-space pretty JSON with a final newline', () => {
    const text = formatJson(sampleReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
  });

  it('orders keys as the schema does, whatever order the object was built in', () => {
    const report = sampleReport();
    const shuffled = reverseKeys(report) as Report;
    expect(Object.keys(shuffled)[0]).toBe('decision');
    expect(formatJson(shuffled)).toBe(formatJson(report));
    const parsed = JSON.parse(formatJson(shuffled)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(Object.keys(Report.shape));
    const firstFinding = (parsed.findings as Record<string, unknown>[])[0]!;
    expect(Object.keys(firstFinding).slice(0, 6)).toEqual([
      'id',
      'ruleId',
      'category',
      'severity',
      'message',
      'location',
    ]);
    expect(Object.keys(firstFinding.location as object)).toEqual([
      'path',
      'startLine',
      'startColumn',
      'endLine',
      'endColumn',
    ]);
  });

  it('keeps messages exactly as given (escaping is JSON’s own)', () => {
    const report = sampleReport();
    const parsed = JSON.parse(formatJson(report)) as Report;
    expect(parsed.findings.map((f) => f.message)).toEqual(report.findings.map((f) => f.message));
  });

  it('formats an empty report', () => {
    const report = emptyReport();
    const parsed = Report.parse(JSON.parse(formatJson(report)));
    expect(parsed).toEqual(report);
    expect(parsed.findings).toEqual([]);
  });

  it('refuses a report that does not match the schema, naming the place', () => {
    const bad = { ...sampleReport(), scope: 'everything' } as unknown as Report;
    let error: unknown;
    try {
      formatJson(bad);
    } catch (e) {
      error = e;
    }
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error & { code: string }).code).toBe('E_REPORT');
    expect((error as Error).message).toContain('scope:');
  });
});
