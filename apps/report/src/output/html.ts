import { createHash } from 'node:crypto';
import { SEVERITIES, type Severity } from '@seckit/core';
import { AGE_BUCKETS, type FindingView, type Summary } from '../metrics/build-summary.js';
import { FINDING_STATES } from '../metrics/finding-state.js';
import { DASHBOARD_SCRIPT } from './dashboard-client.js';
import { DASHBOARD_STYLE } from './dashboard-style.js';
import { hours, locationOf, percent, plural } from './format-helpers.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { groupedBarChart, horizontalStackedBars, stackedAreaChart } from './svg-charts.js';

const COLORS: Record<Severity, string> = {
  critical: '#7b2cbf',
  high: '#c1121f',
  medium: '#e36414',
  low: '#c9a227',
  info: '#8d99ae',
};

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function note(f: FindingView): string {
  if (f.decision !== undefined) {
    const until = f.decision.until === undefined ? '' : ` until ${f.decision.until}`;
    return `${f.decision.status}${until} by ${f.decision.by}: ${f.decision.reason}`;
  }
  if (f.suppression !== undefined)
    return `suppressed (${f.suppression.kind}): ${f.suppression.justification}`;
  if (f.state === 'fixed' && f.fixedAt !== undefined) return `fixed ${f.fixedAt.slice(0, 10)}`;
  if (f.reopened > 0) return `reopened ${plural(f.reopened, 'time')}`;
  return '';
}

/** Findings as compact rows plus lookup tables: the page stays small with tens of thousands. */
function tableData(summary: Summary) {
  const index = <T>(list: T[], map: Map<T, number>, value: T) => {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  };
  const repos: string[] = [];
  const tools: string[] = [];
  const rules: string[] = [];
  const repoIdx = new Map<string, number>();
  const toolIdx = new Map<string, number>();
  const ruleIdx = new Map<string, number>();
  const rows = summary.findings.map((f) => [
    // 12 hex characters: unique in practice, and `sec-report triage` takes any unique prefix.
    f.id.slice(0, 12),
    SEVERITIES.indexOf(f.severity),
    FINDING_STATES.indexOf(f.state),
    index(repos, repoIdx, f.repository),
    index(tools, toolIdx, f.tool),
    index(rules, ruleIdx, f.ruleId),
    f.message,
    locationOf(f),
    // Hours left on the SLA, negative when overdue; null without an SLA. The page writes the text.
    f.sla === undefined ? null : f.sla.breached ? -f.sla.daysOverdue * 24 : f.sla.hoursLeft,
    f.ageDays,
    f.firstSeen.slice(0, 10),
    note(f),
  ]);
  return { severities: SEVERITIES, states: FINDING_STATES, repos, tools, rules, rows };
}

function th(label: string, sort?: string): string {
  return sort === undefined
    ? `<th>${escapeHtml(label)}</th>`
    : `<th data-sort="${sort}"><button type="button">${escapeHtml(label)}</button></th>`;
}

function sortableTable(
  headers: readonly string[],
  rows: readonly (readonly (string | { text: string; value: number; cls?: string })[])[],
): string {
  const head = headers.map((h) => `<th><button type="button">${escapeHtml(h)}</button></th>`).join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells
          .map((c) =>
            typeof c === 'string'
              ? `<td>${escapeHtml(c)}</td>`
              : `<td data-value="${c.value}"${c.cls === undefined ? '' : ` class="${c.cls}"`}>${escapeHtml(c.text)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function card(value: string, label: string, cls = ''): string {
  return `<div class="card ${cls}"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function charts(summary: Summary): string {
  const periods = summary.trend.periods;
  const labels = periods.map((p) => p.start.slice(5, 10));
  const trend = stackedAreaChart(
    `Open findings per severity at the end of each ${summary.trend.period}`,
    labels,
    SEVERITIES.map((s) => ({ name: s, color: COLORS[s], values: periods.map((p) => p.open[s]) })),
  );
  const activity = groupedBarChart(`New and fixed findings per ${summary.trend.period}`, labels, [
    { name: 'new', color: '#c1121f', values: periods.map((p) => p.new) },
    { name: 'fixed', color: '#2b9348', values: periods.map((p) => p.fixed) },
    { name: 'reopened', color: '#e36414', values: periods.map((p) => p.reopened) },
  ]);
  const ages = groupedBarChart(
    'Open findings by age in days',
    [...AGE_BUCKETS],
    [{ name: 'open findings', color: '#3a86ff', values: AGE_BUCKETS.map((b) => summary.ageBuckets[b]) }],
  );
  const repos = summary.byRepository.filter((r) => r.openTotal > 0).slice(0, 10);
  const byRepo = horizontalStackedBars(
    'Open findings per repository and severity (top 10)',
    repos.map((r) => ({ label: r.name, values: SEVERITIES.map((s) => r.open[s]) })),
    SEVERITIES.map((s) => ({ name: s, color: COLORS[s] })),
  );
  const figure = (caption: string, svg: string) =>
    `<figure><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
  return `<section class="charts">${figure(`Open findings per ${summary.trend.period}`, trend)}${figure(`New, fixed and reopened per ${summary.trend.period}`, activity)}${figure('Age of open findings (days)', ages)}${figure(repos.length === 0 ? 'Open findings per repository: none' : 'Open findings per repository (top 10)', byRepo)}</section>`;
}

/** Missed targets listed at the top; all of them are in the Targets table further down. */
const GATE_LINES = 10;

function gateSection(summary: Summary): string {
  const missed = summary.gate.checks.filter((c) => !c.passed);
  const shown = missed.slice(0, GATE_LINES);
  const more =
    missed.length > shown.length
      ? `<li>… and ${missed.length - shown.length} more: see <a href="#targets">Targets</a></li>`
      : '';
  const items = shown
    .map(
      (c) =>
        `<li>${c.repository === undefined ? '' : `<strong>${escapeHtml(c.repository)}</strong>: `}${escapeHtml(c.measure)} <code>${escapeHtml(c.target)}</code></li>`,
    )
    .join('');
  return missed.length === 0
    ? `<section class="gate pass" id="gate"><h2>✓ Every target met</h2><p class="sub">${plural(summary.gate.checks.length, 'target')} checked.</p></section>`
    : `<section class="gate fail" id="gate"><h2>✗ ${plural(missed.length, 'target')} missed</h2><ul>${items}${more}</ul></section>`;
}

/**
 * The dashboard: one self-contained HTML file that works offline. Charts are inline SVG built
 * here; the findings table is rendered by a small inline script from a JSON block. A Content
 * Security Policy allows only that script and that stylesheet (by hash) and no network at all,
 * so even a string that slipped past escaping could not run or call out.
 */
export function formatHtml(summary: Summary, version: string): string {
  const title =
    summary.repository === undefined
      ? `${plural(summary.repositories, 'repository', 'repositories')}`
      : summary.repository;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(DASHBOARD_SCRIPT)}'`,
    `style-src 'sha256-${sha256(DASHBOARD_STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const rotationRows = summary.rotation.map((r) => [
    r.name,
    r.kind,
    r.owner,
    r.repository ?? 'all',
    r.lastRotated,
    { text: `${r.intervalDays} d`, value: r.intervalDays },
    r.dueDate,
    r.state === 'overdue'
      ? { text: `overdue ${plural(r.daysOverdue, 'day')}`, value: -r.daysOverdue, cls: 'overdue' }
      : r.state === 'due-soon'
        ? { text: `due in ${plural(r.daysLeft, 'day')}`, value: r.daysLeft, cls: 'due-soon' }
        : { text: `ok, ${plural(r.daysLeft, 'day')} left`, value: r.daysLeft },
  ]);
  const repoRows = summary.byRepository.map((r) => [
    r.name,
    ...SEVERITIES.map((s) => ({ text: String(r.open[s]), value: r.open[s] })),
    { text: String(r.breached), value: r.breached, ...(r.breached > 0 ? { cls: 'overdue' } : {}) },
    { text: r.oldestOpenDays === undefined ? '—' : `${r.oldestOpenDays} d`, value: r.oldestOpenDays ?? -1 },
  ]);
  const checkRows = summary.gate.checks.map((c) => [
    { text: c.passed ? 'met' : 'missed', value: c.passed ? 1 : 0, cls: c.passed ? 'passed' : 'missed' },
    c.repository ?? (summary.gate.appliesTo === 'all' ? 'all repositories' : 'organisation'),
    c.target,
    c.measure,
  ]);
  const data = tableData(summary);
  const repoOptions = data.repos
    .map((name, i) => ({ name, i }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, i }) => `<option value="${i}">${escapeHtml(name)}</option>`)
    .join('');
  const { sla } = summary;
  const overdueRotations = summary.rotation.filter((r) => r.state === 'overdue').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<title>sec-report: ${escapeHtml(title)}</title>
<style>${DASHBOARD_STYLE}</style>
</head>
<body>
<header>
<h1>Security findings: ${escapeHtml(title)}</h1>
<p class="sub">Generated ${escapeHtml(summary.generatedAt)} from ${plural(summary.runs, 'run')}; last run ${escapeHtml(summary.lastRunAt ?? 'never')}.</p>
</header>
<main>
${gateSection(summary)}
<section class="cards" id="kpis">
${card(String(summary.openTotal), 'open findings')}
${SEVERITIES.filter((s) => s !== 'info')
  .map((s) =>
    card(
      String(summary.open[s]),
      `open ${s} (SLA ${sla.hours[s] === undefined ? 'none' : hours(sla.hours[s]!)})`,
    ),
  )
  .join('\n')}
${card(String(summary.breachedTotal), 'past their SLA', summary.breachedTotal > 0 ? 'overdue' : '')}
${card(sla.share === null ? '—' : percent(sla.share), `fixed within SLA (last ${sla.windowDays} d)`)}
${card(sla.mttrDays === null ? '—' : `${sla.mttrDays} d`, `mean time to remediate (last ${sla.windowDays} d)`)}
${card(String(overdueRotations), 'secrets overdue for rotation', overdueRotations > 0 ? 'overdue' : '')}
${card(String(summary.notCounted.riskAccepted + summary.notCounted.falsePositive + summary.notCounted.suppressed), 'accepted, false positive or suppressed')}
</section>
${charts(summary)}
<section id="findings">
<h2>Findings</h2>
<div class="filters">
<input type="search" id="filter-text" placeholder="Filter by text, path, rule, repository or id" aria-label="Filter findings">
<select id="filter-severity" aria-label="Severity"><option value="">all severities</option>${SEVERITIES.map((s, i) => `<option value="${i}">${s}</option>`).join('')}</select>
<select id="filter-state" aria-label="State"><option value="active" selected>not fixed</option><option value="all">all states</option>${FINDING_STATES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select>
<select id="filter-repository" aria-label="Repository"><option value="">all repositories</option>${repoOptions}</select>
<label><input type="checkbox" id="filter-breached"> past SLA only</label>
<span id="findings-count"></span>
</div>
<table id="findings-table">
<thead><tr>${th('Severity', 'severity')}${th('State', 'state')}${th('Finding', 'finding')}${th('Repository', 'repository')}${th('Location', 'location')}${th('SLA', 'sla')}${th('Age', 'age')}${th('First seen', 'first')}</tr></thead>
<tbody></tbody>
</table>
<noscript><p>The findings table needs JavaScript; the figures above do not.</p></noscript>
<div class="pager"><button type="button" id="page-prev">previous</button><span id="page-info"></span><button type="button" id="page-next">next</button></div>
</section>
<section id="repositories">
<h2>Repositories</h2>
${sortableTable(['Repository', ...SEVERITIES, 'Past SLA', 'Oldest open'], repoRows)}
</section>
<section id="rotation">
<h2>Secret rotation</h2>
${summary.rotation.length === 0 ? '<p class="sub">The policy lists no secrets to rotate (policy key "rotation").</p>' : sortableTable(['Secret', 'Kind', 'Owner', 'Repository', 'Last rotated', 'Interval', 'Due', 'Status'], rotationRows)}
</section>
<section id="targets">
<h2>Targets</h2>
${checkRows.length === 0 ? '<p class="sub">The policy sets no targets.</p>' : sortableTable(['Result', 'Scope', 'Target', 'Measure'], checkRows)}
</section>
</main>
<footer>sec-report ${escapeHtml(version)}. Open = present and not risk-accepted, false positive or suppressed. SLA clocks start at first detection (or when a risk acceptance runs out). Age buckets: 0–30, 31–60, 61–90 and over 90 days.</footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;
}
