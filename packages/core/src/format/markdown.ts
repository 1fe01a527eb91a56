import type { Finding } from '../schemas/finding.js';
import type { Report, SuppressedFinding } from '../schemas/report.js';
import { SEVERITIES, type Severity } from '../severity.js';
import { escapeMarkdown, markdownCode } from './markdown-escape.js';
import { countBySeverity, formatDuration, plural } from './summary.js';

/** GitHub caps a comment at 65,536 characters and a step summary at 1 MiB; 200 rows stay well under. */
export const MARKDOWN_MAX_ROWS = 200;

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟣',
  high: '🔴',
  medium: '🟠',
  low: '🟡',
  info: '⚪',
};

function severityCell(severity: Severity): string {
  return `${SEVERITY_ICON[severity]} ${severity}`;
}

function place(f: Finding): string {
  return markdownCode(`${f.location.path}:${f.location.startLine}`, { inTable: true });
}

function table<T>(headers: readonly string[], rows: readonly T[], cells: (row: T) => string[]): string[] {
  const out = [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- |').join('')}`];
  for (const row of rows.slice(0, MARKDOWN_MAX_ROWS)) out.push(`| ${cells(row).join(' | ')} |`);
  const rest = rows.length - MARKDOWN_MAX_ROWS;
  if (rest > 0) out.push('', `_… and ${rest} more_`);
  return out;
}

function countsTable(report: Report): string[] {
  const open = countBySeverity(report.findings);
  const suppressed = countBySeverity(report.suppressed);
  return table(['Severity', 'Findings', 'Suppressed'], SEVERITIES, (s) => [
    severityCell(s),
    String(open[s]),
    String(suppressed[s]),
  ]);
}

function findingsSection(findings: readonly Finding[]): string[] {
  return [
    '### Findings',
    '',
    ...table(['Severity', 'Rule', 'Location', 'Message'], findings, (f) => [
      severityCell(f.severity),
      markdownCode(f.ruleId, { inTable: true }),
      place(f),
      escapeMarkdown(f.message),
    ]),
  ];
}

function suppressedSection(suppressed: readonly SuppressedFinding[]): string[] {
  // Collapsed: reviewers need them to audit suppressions, not to act on every run.
  return [
    '<details>',
    `<summary>${plural(suppressed.length, 'suppressed finding')}</summary>`,
    '',
    ...table(['Severity', 'Rule', 'Location', 'Kind', 'Justification'], suppressed, (f) => [
      severityCell(f.severity),
      markdownCode(f.ruleId, { inTable: true }),
      place(f),
      f.suppression.kind,
      escapeMarkdown(
        f.suppression.expires === undefined
          ? f.suppression.justification
          : `${f.suppression.justification} (expires ${f.suppression.expires})`,
      ),
    ]),
    '',
    '</details>',
  ];
}

function listSection(title: string, items: readonly string[]): string[] {
  return [`### ${title}`, '', ...items.map((item) => `- ${escapeMarkdown(item)}`)];
}

/** For a PR comment or `$GITHUB_STEP_SUMMARY`: decision, counts, findings, suppressions, problems. */
export function formatMarkdown(report: Report): string {
  const { decision } = report;
  const out: string[] = [decision.blocked ? '## ❌ seckit: blocked' : '## ✅ seckit: passed', ''];
  if (decision.reasons.length > 0) out.push(...decision.reasons.map((r) => `- ${escapeMarkdown(r)}`), '');
  out.push(...countsTable(report), '');
  if (report.findings.length > 0) out.push(...findingsSection(report.findings), '');
  if (report.suppressed.length > 0) out.push(...suppressedSection(report.suppressed), '');
  if (report.errors.length > 0) {
    const items = report.errors.map((e) =>
      [e.path, e.check === undefined ? undefined : `[${e.check}]`, e.message]
        .filter((x) => x !== undefined)
        .join(' '),
    );
    out.push(...listSection('Errors (could not be checked)', items), '');
  }
  if (report.warnings.length > 0) out.push(...listSection('Warnings', report.warnings), '');
  const { stats } = report;
  out.push(
    `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)} · scope ${report.scope} · ` +
      `${plural(stats.files, 'file')} scanned in ${formatDuration(stats.durationMs)} · ` +
      `blocks at ${decision.blockOn} and above</sub>`,
  );
  return `${out.join('\n')}\n`;
}
