import { describe, expect, it } from 'vitest';
import { formatReport } from '../src/format/index.js';
import { formatJson } from '../src/format/json.js';
import { OUTPUT_FORMATS } from '../src/format/output-formats.js';
import { formatText } from '../src/format/text.js';
import { emptyReport, sampleReport } from './helpers/sample-report.js';

describe('formatReport', () => {
  it('knows the five formats', () => {
    expect(OUTPUT_FORMATS).toEqual(['text', 'json', 'sarif', 'markdown', 'github']);
  });

  it('dispatches to each formatter; text is plain unless colour is asked for', () => {
    const report = sampleReport();
    expect(formatReport(report, 'json')).toBe(formatJson(report));
    expect(formatReport(report, 'text')).toBe(formatText(report, { color: false }));
    expect(formatReport(report, 'text', { color: true })).toBe(formatText(report, { color: true }));
    expect(JSON.parse(formatReport(report, 'sarif')).version).toBe('2.1.0');
    expect(formatReport(report, 'markdown')).toMatch(/^## ❌/);
    expect(formatReport(report, 'github')).toMatch(/^::error /);
  });

  it.each(OUTPUT_FORMATS)('formats an empty report as %s', (format) => {
    const out = formatReport(emptyReport(), format);
    // Every format but `github` (one line per annotation) says something about a clean run.
    if (format === 'github') expect(out).toBe('');
    else expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toContain('undefined');
  });
});
