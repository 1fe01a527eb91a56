import { describe, expect, it } from 'vitest';
import { formatGithub } from '../src/format/github.js';
import type { Finding } from '../src/schemas/finding.js';
import { emptyReport, sampleFindings, sampleReport } from './helpers/sample-report.js';

describe('formatGithub', () => {
  const report = sampleReport();
  const lines = formatGithub(report).trimEnd().split('\n');

  it('writes one command per finding, then errors and warnings, each on its own line', () => {
    expect(lines).toHaveLength(report.findings.length + report.errors.length + report.warnings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
  });

  it('maps critical/high to error, medium to warning, low/info to notice', () => {
    const commands = lines.slice(0, report.findings.length).map((l) => l.slice(2, l.indexOf(' ')));
    expect(commands).toEqual(
      report.findings.map(
        (f) =>
          ({ critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' })[
            f.severity
          ],
      ),
    );
  });

  it('gives file, line, columns and a title for a one-line finding', () => {
    expect(lines).toContain(
      '::error file=src/config/aws.ts,line=12,col=7,endLine=12,endColumn=27,title=critical%3A @secretlint/secretlint-rule-aws::' +
        'AWS Access Key ID found: AKIA****%0ARemove the value, rotate it at its provider, and load it from the environment.',
    );
  });

  it('leaves columns out of a multi-line range', () => {
    expect(lines).toContain(
      '::error file=src/config/aws.ts,line=3,endLine=4,title=critical%3A @secretlint/secretlint-rule-aws::AWS Secret Access Key found: wJal****',
    );
  });

  it('escapes data so a hostile message stays in one command', () => {
    const line = lines.find((l) => l.includes('Unpinned dependency'))!;
    const data = line.slice(line.indexOf('::', 2) + 2);
    expect(data).toBe(
      'Unpinned dependency "evil|col" <script>alert(1)</script> `code`, see: 100%25 sure%0D%0Asecond line%0A::error::forged' +
        '%0APin an exact version: "1.2.3", not "^1.2.3".',
    );
    expect(lines.some((l) => l.startsWith('::error::forged'))).toBe(false);
  });

  it('escapes properties: %, CR, LF, colon and comma', () => {
    const [first] = sampleFindings();
    const odd: Finding = {
      ...first!,
      ruleId: 'r:1,2%\n',
      fix: undefined,
      location: { path: 'a,b:c%.ts', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    };
    const out = formatGithub(emptyReport({ findings: [odd] }));
    expect(out).toBe(
      `::error file=a%2Cb%3Ac%25.ts,line=1,col=1,endLine=1,endColumn=2,title=critical%3A r%3A1%2C2%25%0A::${first!.message}\n`,
    );
  });

  it('attaches a run error to its file only when the path is repository-relative', () => {
    expect(lines).toContain(
      '::error file=assets/blob.bin,title=seckit%3A secrets could not check::Could not decode as UTF-8, 100%25 binary: skipped',
    );
    const out = formatGithub(emptyReport({ errors: [{ path: '/home/me/x', message: 'unreadable' }] }));
    expect(out).toBe('::error title=seckit%3A could not check::unreadable\n');
  });

  it('emits warnings as warning commands', () => {
    expect(lines.at(-1)).toBe(`::warning title=seckit::${report.warnings[0]}`);
  });

  it('writes nothing for an empty report', () => {
    expect(formatGithub(emptyReport())).toBe('');
  });
});
