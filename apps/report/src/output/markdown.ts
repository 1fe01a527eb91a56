import { markdownCode as coreMarkdownCode, escapeMarkdown, SEVERITIES } from '@seckit/core';
import type { FindingView, Summary } from '../metrics/build-summary.js';
import type { TargetCheck } from '../metrics/gate.js';
import { hours, locationOf, percent, plural, SEVERITY_ICON, shortId, slaText } from './format-helpers.js';

// Every code span of the summary may end up in a table row: escape `|` always, as before.
const markdownCode = (text: string) => coreMarkdownCode(text, { inTable: true });

/** Rows of the most-urgent table: a PR comment is capped at 65,536 characters. */
export const MARKDOWN_URGENT_ROWS = 20;
const MARKDOWN_REPOSITORY_ROWS = 10;
const MARKDOWN_GATE_LINES = 20;

function table(headers: readonly string[], rows: readonly string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => ' --- |').join('')}`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function checkLine(c: TargetCheck): string {
  const where = c.repository === undefined ? '' : `${markdownCode(c.repository)}: `;
  return `${where}${escapeMarkdown(c.measure)} — ${markdownCode(c.target)}`;
}

function findingRow(f: FindingView): string[] {
  return [
    `${SEVERITY_ICON[f.severity]} ${f.severity}`,
    `${escapeMarkdown(f.message)}<br><sub>${markdownCode(f.ruleId)} · ${markdownCode(shortId(f.id))}</sub>`,
    markdownCode(f.repository),
    markdownCode(locationOf(f)),
    f.sla?.breached === true ? `**${slaText(f)}**` : slaText(f),
    `${f.ageDays} d`,
  ];
}

/** For a PR comment or `$GITHUB_STEP_SUMMARY`: the gate, the counts, the SLA, what to fix first. */
export function formatMarkdown(summary: Summary, version: string): string {
  const missed = summary.gate.checks.filter((c) => !c.passed);
  const scope = summary.repository === undefined ? '' : ` for ${markdownCode(summary.repository)}`;
  const out: string[] = [
    missed.length === 0
      ? `## ✅ sec-report${scope}: every target met`
      : `## ❌ sec-report${scope}: ${plural(missed.length, 'target')} missed`,
    '',
  ];
  if (missed.length > 0) {
    out.push(...missed.slice(0, MARKDOWN_GATE_LINES).map((c) => `- ${checkLine(c)}`));
    if (missed.length > MARKDOWN_GATE_LINES)
      out.push(`- … and ${missed.length - MARKDOWN_GATE_LINES} more (\`sec-report gate\` lists them all)`);
    out.push('');
  }
  out.push(
    ...table(
      ['Severity', 'Open', 'Past SLA', 'SLA'],
      SEVERITIES.map((s) => {
        const h = summary.sla.hours[s];
        return [
          `${SEVERITY_ICON[s]} ${s}`,
          String(summary.open[s]),
          String(summary.breached[s]),
          h === undefined ? '—' : hours(h),
        ];
      }),
    ),
    '',
  );
  const nc = summary.notCounted;
  if (nc.riskAccepted + nc.falsePositive + nc.suppressed > 0) {
    out.push(
      `Not counted: ${nc.riskAccepted} risk accepted, ${nc.falsePositive} false positive, ${nc.suppressed} suppressed.`,
      '',
    );
  }
  const { sla } = summary;
  out.push(
    sla.share === null
      ? `**SLA, last ${sla.windowDays} days:** no finding with an SLA was fixed.`
      : `**SLA, last ${sla.windowDays} days:** ${sla.fixedWithinSla} of ${plural(sla.fixed, 'fixed finding')} within SLA (${percent(sla.share)}); mean time to remediate ${sla.mttrDays ?? '—'} days.`,
    '',
    `**Age of open findings:** 0–30 days: ${summary.ageBuckets['0-30']} · 31–60: ${summary.ageBuckets['31-60']} · 61–90: ${summary.ageBuckets['61-90']} · over 90: ${summary.ageBuckets['90+']}`,
    '',
  );
  const urgent = summary.findings.filter((f) => f.state === 'open');
  if (urgent.length > 0) {
    out.push(
      '### Fix first',
      '',
      ...table(
        ['Severity', 'Finding', 'Repository', 'Location', 'SLA', 'Age'],
        urgent.slice(0, MARKDOWN_URGENT_ROWS).map(findingRow),
      ),
    );
    const shown = Math.min(urgent.length, MARKDOWN_URGENT_ROWS);
    if (summary.openTotal > shown) {
      out.push(
        '',
        `_… and ${summary.openTotal - shown} more open findings: \`sec-report html\` writes the full dashboard._`,
      );
    }
    out.push('');
  }
  const rotation = summary.rotation.filter((r) => r.state !== 'ok');
  if (rotation.length > 0) {
    out.push(
      '### Secret rotation',
      '',
      ...table(
        ['Secret', 'Kind', 'Owner', 'Due', 'Status'],
        rotation.map((r) => [
          escapeMarkdown(r.name),
          escapeMarkdown(r.kind),
          escapeMarkdown(r.owner),
          r.dueDate,
          r.state === 'overdue'
            ? `**overdue ${plural(r.daysOverdue, 'day')}**`
            : `due in ${plural(r.daysLeft, 'day')}`,
        ]),
      ),
      '',
    );
  }
  if (summary.byRepository.length > 1) {
    out.push(
      '### Repositories',
      '',
      ...table(
        ['Repository', 'Critical', 'High', 'Medium', 'Low', 'Past SLA', 'Oldest open'],
        summary.byRepository
          .slice(0, MARKDOWN_REPOSITORY_ROWS)
          .map((r) => [
            markdownCode(r.name),
            String(r.open.critical),
            String(r.open.high),
            String(r.open.medium),
            String(r.open.low),
            String(r.breached),
            r.oldestOpenDays === undefined ? '—' : `${r.oldestOpenDays} d`,
          ]),
      ),
    );
    if (summary.byRepository.length > MARKDOWN_REPOSITORY_ROWS) {
      out.push('', `_… and ${summary.byRepository.length - MARKDOWN_REPOSITORY_ROWS} more repositories_`);
    }
    out.push('');
  }
  const periods = summary.trend.periods.slice(-6);
  out.push(
    `<details><summary>New and fixed per ${summary.trend.period}</summary>`,
    '',
    ...table(
      [
        `${summary.trend.period[0]!.toUpperCase()}${summary.trend.period.slice(1)} of`,
        'New',
        'Fixed',
        'Reopened',
        'Open at end',
      ],
      periods.map((p) => [
        p.start.slice(0, 10),
        String(p.new),
        String(p.fixed),
        String(p.reopened),
        String(SEVERITIES.reduce((n, s) => n + p.open[s], 0)),
      ]),
    ),
    '',
    '</details>',
    '',
    `<sub>sec-report ${escapeMarkdown(version)} · ${plural(summary.runs, 'run')} · ${plural(summary.repositories, 'repository', 'repositories')} · last run ${summary.lastRunAt ?? 'never'} · generated ${summary.generatedAt}</sub>`,
  );
  return `${out.join('\n')}\n`;
}
