import { describe, expect, it } from 'vitest';
import { formatText, shouldUseColor } from '../src/format/text.js';
import { emptyReport, sampleFindings, sampleReport } from './helpers/sample-report.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes is the point.
const ANSI = /\u001b\[/;

describe('formatText', () => {
  const text = formatText(sampleReport(), { color: false });
  const lines = text.split('\n');

  it('prints each file once, with its findings under it in line order', () => {
    const headerAt = (path: string) => lines.indexOf(path);
    const aws = headerAt('src/config/aws.ts');
    expect(aws).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l === 'src/config/aws.ts')).toHaveLength(1);
    // Both AWS findings sit in the block after the header, line 3 before line 12.
    const block = lines.slice(aws + 1, lines.indexOf('', aws));
    expect(block.findIndex((l) => l.includes('3:1 ') && l.includes('AWS Secret Access Key'))).toBe(0);
    expect(
      block.some((l) =>
        /^ {2}12:7 +critical +AWS Access Key ID found: AKIA\*{4} +@secretlint\/secretlint-rule-aws$/.test(l),
      ),
    ).toBe(true);
    for (const f of sampleFindings()) expect(headerAt(f.location.path)).toBeGreaterThanOrEqual(0);
  });

  it('puts the fix hint on its own line, indented under the message', () => {
    const at = lines.findIndex((l) => l.includes('AWS Access Key ID found'));
    const messageColumn = lines[at]!.indexOf('AWS Access Key ID');
    const fix = lines[at + 1]!;
    expect(fix.trimStart()).toMatch(/^fix: Remove the value/);
    expect(fix.indexOf('fix:')).toBe(messageColumn);
  });

  it('keeps a multi-line message inside its finding, lined up, without raw carriage returns', () => {
    expect(text).not.toContain('\r');
    const at = lines.findIndex((l) => l.includes('Unpinned dependency'));
    expect(lines[at + 1]!.trim()).toBe('second line');
    expect(lines[at + 2]!.trim()).toMatch(/^::error::forged +seckit\/dependency-pin$/);
  });

  it('summarises counts, suppressions, files and duration, then the decision', () => {
    expect(text).toContain(
      '7 findings: 2 critical, 2 high, 1 medium, 1 low, 1 info; ' +
        '5 suppressed (1 baseline, 1 inline, 1 exception, 1 ignore, 1 rule-disabled); ' +
        '12 files scanned, 1 skipped in 340 ms',
    );
    expect(text).toContain(
      'Commit blocked: 4 findings at or above "high" (2 critical, 2 high); 1 item could not be checked',
    );
  });

  it('labels run errors and warnings', () => {
    expect(text).toContain('Errors (1 item could not be checked):');
    expect(text).toMatch(/^ {2}error {2}assets\/blob\.bin \[secrets\]: Could not decode as UTF-8/m);
    expect(text).toContain('Warnings:');
    expect(text).toMatch(/^ {2}warning {2}src\/a\.ts:3: "seckit-allow" needs a reason/m);
  });

  it('ends a blocked run with the three ways forward', () => {
    const tail = text.slice(text.indexOf('Ways forward:'));
    expect(tail).toContain('remove the value and rotate it');
    expect(tail).toContain('`seckit-allow: <reason>`');
    expect(tail).toContain('`seckit-allow-next-line: <reason>` on the line before');
    expect(tail).toContain('`.seckit/baseline.json` with `seckit baseline`');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has no ANSI codes without colour, and has them with colour', () => {
    expect(text).not.toMatch(ANSI);
    const colored = formatText(sampleReport(), { color: true });
    expect(colored).toMatch(ANSI);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  it('escapes control characters from report text so they cannot drive the terminal', () => {
    const [first, ...rest] = sampleFindings();
    const report = sampleReport({
      findings: [{ ...first!, message: 'evil \u001b[2J\u001b]0;title\u0007 done' }, ...rest],
    });
    const out = formatText(report, { color: false });
    expect(out).not.toMatch(ANSI);
    expect(out).not.toContain('\u0007');
    expect(out).toContain('evil \\u001b[2J\\u001b]0;title\\u0007 done');
  });

  it('passes an empty report with no ways forward', () => {
    const out = formatText(emptyReport(), { color: false });
    expect(out).toBe('No findings; 3 files scanned in 1.25 s\nPassed\n');
  });

  it('says findings below the threshold passed, without ways forward', () => {
    const low = sampleFindings().filter((f) => f.severity === 'low' || f.severity === 'info');
    const out = formatText(emptyReport({ findings: low }), { color: false });
    expect(out).toContain('Passed (2 findings below the "high" threshold)');
    expect(out).not.toContain('Ways forward');
  });

  it('shows no ways forward when only errors block', () => {
    const report = emptyReport({
      errors: [{ message: 'policy check crashed' }],
      decision: { blocked: true, blockOn: 'high', reasons: ['1 item could not be checked'] },
    });
    const out = formatText(report, { color: false });
    expect(out).toContain('Commit blocked: 1 item could not be checked');
    expect(out).toContain('  error  policy check crashed');
    expect(out).not.toContain('Ways forward');
  });
});

describe('shouldUseColor', () => {
  it.each([
    ['a TTY', { isTTY: true }, {}, true],
    ['a pipe', { isTTY: false }, {}, false],
    ['a stream without isTTY', {}, {}, false],
    ['NO_COLOR on a TTY', { isTTY: true }, { NO_COLOR: '1' }, false],
    ['NO_COLOR beats FORCE_COLOR', { isTTY: true }, { NO_COLOR: 'yes', FORCE_COLOR: '1' }, false],
    ['an empty NO_COLOR', { isTTY: true }, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', { isTTY: false }, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=true on a pipe', {}, { FORCE_COLOR: 'true' }, true],
    ['FORCE_COLOR=0 on a pipe', { isTTY: false }, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=0 on a TTY turns colour off', { isTTY: true }, { FORCE_COLOR: '0' }, false],
    ['an empty FORCE_COLOR on a pipe', { isTTY: false }, { FORCE_COLOR: '' }, false],
  ])('%s', (_name, stream, env, expected) => {
    expect(shouldUseColor(stream, env)).toBe(expected);
  });
});

describe('decision wording outside a commit', () => {
  it('a CI scan or an audit says "Blocked", and the first way forward fits what was found', () => {
    const report = sampleReport();
    const ci = formatText(
      {
        ...report,
        scope: 'full',
        findings: report.findings.filter((f) => f.category !== 'secret'),
      },
      { color: false },
    );
    expect(ci).toMatch(/^Blocked: /m);
    expect(ci).not.toContain('Commit blocked');
    expect(ci).toContain('  1. Fix it: follow the fix hint above.');
    expect(ci).not.toContain('rotate it');
    expect(ci).toContain('add an exception with a reason');
  });
});
