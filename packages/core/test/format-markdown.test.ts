import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_MAX_ROWS } from '../src/format/markdown.js';
import { escapeMarkdown } from '../src/format/markdown-escape.js';
import type { Finding } from '../src/schemas/finding.js';
import { emptyReport, HOSTILE_MESSAGE, sampleFindings, sampleReport } from './helpers/sample-report.js';

/** Cells of a GFM table row: split on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The only HTML the formatter itself writes. */
const OWN_TAGS = /<\/?(?:br|details|summary|sub)>/g;

describe('formatMarkdown', () => {
  const md = formatMarkdown(sampleReport());
  const lines = md.split('\n');

  it('opens with the decision and its reasons', () => {
    expect(lines[0]).toBe('## ❌ seckit: blocked');
    expect(md).toContain('- 4 findings at or above "high" (2 critical, 2 high)');
  });

  it('counts open and suppressed findings per severity', () => {
    const header = lines.indexOf('| Severity | Findings | Suppressed |');
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 2, header + 7).map(cells);
    expect(rows).toEqual([
      ['🟣 critical', '2', '2'],
      ['🔴 high', '2', '1'],
      ['🟠 medium', '1', '1'],
      ['🟡 low', '1', '1'],
      ['⚪ info', '1', '0'],
    ]);
  });

  it('lists findings with severity, rule, path:line and message', () => {
    const header = lines.indexOf('| Severity | Rule | Location | Message |');
    const rows = lines.slice(header + 2).filter((l) => l.startsWith('| '));
    expect(cells(rows[0]!)).toEqual([
      '🟣 critical',
      '`@secretlint/secretlint-rule-aws`',
      '`src/config/aws.ts:3`',
      'AWS Secret Access Key found: wJal\\*\\*\\*\\*',
    ]);
  });

  it('keeps a hostile message inside its cell: no extra column, no HTML, no new line', () => {
    const row = lines.find((l) => l.includes('Unpinned dependency'))!;
    expect(cells(row)).toHaveLength(4);
    expect(row).toContain('second line');
    expect(row).toContain('&#124;col');
    expect(row).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row).toContain('&#96;code&#96;');
    expect(md).not.toContain('<script');
    expect(md.replace(OWN_TAGS, '')).not.toMatch(/[<>]/);
    // Every table row, hostile or not, has the same number of cells as its header.
    for (const l of lines.filter((x) => x.startsWith('| '))) {
      expect([3, 4, 5]).toContain(cells(l).length);
    }
  });

  it('does not @-mention anyone', () => {
    expect(md).toContain('for @&#8203;octocat');
    expect(md).not.toMatch(/(?<![`\w])@(?!&#8203;)\w/);
  });

  it('collapses suppressed findings with their kind and justification', () => {
    const open = lines.indexOf('<details>');
    const close = lines.indexOf('</details>');
    expect(open).toBeGreaterThan(0);
    expect(lines[open + 1]).toBe('<summary>5 suppressed findings</summary>');
    const rows = lines
      .slice(open, close)
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'))
      .map(cells);
    expect(rows.map((r) => r[3])).toEqual(['baseline', 'inline', 'exception', 'ignore', 'rule-disabled']);
    expect(rows[1]![4]).toBe('seckit-allow: fake token &#124; used by &lt;the&gt; tests');
    expect(rows[2]![4]).toBe('Vendored, upstream will rotate (expires 2099-12-31)');
  });

  it('lists run errors and warnings', () => {
    expect(md).toContain(
      '### Errors (could not be checked)\n\n- assets/blob.bin \\[secrets\\] Could not decode',
    );
    expect(md).toContain(
      '### Warnings\n\n- src/a.ts:3: "seckit-allow" needs a reason (seckit-allow: &lt;why&gt;); it suppresses',
    );
  });

  it(`caps the findings table at ${MARKDOWN_MAX_ROWS} rows`, () => {
    const one = sampleFindings()[0]!;
    const many: Finding[] = Array.from({ length: 250 }, (_, i) => ({
      ...one,
      location: { ...one.location, startLine: i + 1, endLine: i + 1 },
    }));
    const out = formatMarkdown(sampleReport({ findings: many, suppressed: [] }));
    const header = out.split('\n').indexOf('| Severity | Rule | Location | Message |');
    const rows = out
      .split('\n')
      .slice(header + 2)
      .filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(out).toContain('_… and 50 more_');
  });

  it('formats an empty report as a pass with zero counts', () => {
    const out = formatMarkdown(emptyReport());
    expect(out.split('\n')[0]).toBe('## ✅ seckit: passed');
    expect(out).toContain('| 🟣 critical | 0 | 0 |');
    expect(out).not.toContain('### Findings');
    expect(out).not.toContain('<details>');
    expect(out).toContain(
      '<sub>seckit 0.1.0 · scope staged · 3 files scanned in 1.25 s · blocks at high and above</sub>',
    );
    expect(out.endsWith('\n')).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it('escapes the hostile message without losing its text', () => {
    const escaped = escapeMarkdown(HOSTILE_MESSAGE);
    expect(escaped.replace(/<br>/g, '')).not.toMatch(/[|<>`\r\n]/);
    expect(escaped.split('<br>')).toHaveLength(3);
  });

  it('neutralises links, emphasis and entities', () => {
    expect(escapeMarkdown('[click](https://evil.test) **bold** &lt;')).toBe(
      '\\[click\\](https://evil.test) \\*\\*bold\\*\\* &amp;lt;',
    );
  });
});
