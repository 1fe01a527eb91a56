import { BASELINE_PATH, POLICY_PATH } from '../config-paths.js';
import type { Finding } from '../schemas/finding.js';
import type { Report } from '../schemas/report.js';
import type { Severity } from '../severity.js';
import {
  describeSeverityCounts,
  describeSuppressionKinds,
  formatDuration,
  groupByFile,
  plural,
} from './summary.js';

export interface TextOptions {
  color: boolean;
}

/**
 * NO_COLOR (https://no-color.org) wins over everything; FORCE_COLOR turns colour on for CI logs that
 * render ANSI but are not TTYs; otherwise colour only on a terminal.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  // FORCE_COLOR=0 means "off", as in Node and supports-color.
  if (env.FORCE_COLOR === '0') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return true;
  return stream.isTTY === true;
}

// SGR codes by hand: five styles do not justify a dependency.
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  gray: [90, 39],
} as const;
type Style = keyof typeof STYLES;

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  critical: ['bold', 'magenta'],
  high: ['red'],
  medium: ['yellow'],
  low: ['blue'],
  info: ['gray'],
};

type Paint = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    styles.reduce((out, s) => `\u001b[${STYLES[s][0]}m${out}\u001b[${STYLES[s][1]}m`, text);
}

/**
 * Report text comes from scanned files (paths, dependency names…): escape control characters so a
 * hostile value cannot move the cursor, recolour the terminal or hide lines. Newlines are kept and
 * handled by the caller.
 */
function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Continuation lines of a multi-line value line up under its first line. */
function indentLines(text: string, indent: string): string {
  return printable(text).split('\n').join(`\n${indent}`);
}

const place = (f: Finding) => `${f.location.startLine}:${f.location.startColumn}`;

interface Columns {
  place: number;
  severity: number;
}

/** One set of column widths for the whole output, so messages line up from file to file. */
function columnsOf(findings: readonly Finding[]): Columns {
  // A loop, not Math.max(...spread): a full scan can have more findings than a call has arguments.
  const columns = { place: 0, severity: 0 };
  for (const f of findings) {
    columns.place = Math.max(columns.place, place(f).length);
    columns.severity = Math.max(columns.severity, f.severity.length);
  }
  return columns;
}

function formatFile(path: string, findings: readonly Finding[], columns: Columns, paint: Paint): string[] {
  const indent = ' '.repeat(2 + columns.place + 2 + columns.severity + 2);
  const lines = [paint(printable(path), 'bold', 'underline')];
  for (const f of findings) {
    const where = paint(place(f).padEnd(columns.place), 'dim');
    const severity = paint(f.severity.padEnd(columns.severity), ...SEVERITY_STYLE[f.severity]);
    const rule = paint(printable(f.ruleId), 'dim');
    lines.push(`  ${where}  ${severity}  ${indentLines(f.message, indent)}  ${rule}`);
    if (f.fix !== undefined)
      lines.push(`${indent}${paint(`fix: ${indentLines(f.fix, `${indent}     `)}`, 'dim')}`);
  }
  return lines;
}

function summaryLine(report: Report): string {
  const { findings, suppressed, stats } = report;
  const parts = [
    findings.length === 0
      ? 'No findings'
      : `${plural(findings.length, 'finding')}: ${describeSeverityCounts(findings)}`,
  ];
  if (suppressed.length > 0)
    parts.push(`${suppressed.length} suppressed (${describeSuppressionKinds(suppressed)})`);
  const skipped = stats.skipped > 0 ? `, ${stats.skipped} skipped` : '';
  parts.push(`${plural(stats.files, 'file')} scanned${skipped} in ${formatDuration(stats.durationMs)}`);
  return parts.join('; ');
}

function decisionLine(report: Report, paint: Paint): string {
  const { decision, findings } = report;
  if (decision.blocked) {
    // A hook stops a commit; a CI scan or an audit fails its step.
    const what = report.scope === 'staged' ? 'Commit blocked' : 'Blocked';
    return paint(`${what}: ${printable(decision.reasons.join('; '))}`, 'bold', 'red');
  }
  const below =
    findings.length === 0
      ? ''
      : ` (${plural(findings.length, 'finding')} below the "${decision.blockOn}" threshold)`;
  return `${paint('Passed', 'bold', 'green')}${below}`;
}

/** What to do next; the first step depends on what was found (a secret must also be rotated). */
function waysForward(report: Report): string[] {
  const secret = report.findings.some((f) => f.category === 'secret');
  return [
    'Ways forward:',
    ...(secret
      ? [
          '  1. Fix it: remove the value and rotate it at its provider (once committed, a secret is exposed),',
          '     or follow the fix hint above.',
        ]
      : ['  1. Fix it: follow the fix hint above.']),
    '  2. Suppress one line: add a `seckit-allow: <reason>` comment on that line,',
    '     or `seckit-allow-next-line: <reason>` on the line before; or add an exception with a reason',
    `     and an expiry to \`${POLICY_PATH}\`.`,
    `  3. Accept existing findings into \`${BASELINE_PATH}\` with \`seckit baseline\`.`,
  ];
}

/** Terminal output: findings grouped by file, run errors and warnings, a summary and the decision. */
export function formatText(report: Report, options: TextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];

  const columns = columnsOf(report.findings);
  for (const [path, findings] of groupByFile(report.findings)) {
    out.push(...formatFile(path, findings, columns, paint), '');
  }

  if (report.errors.length > 0) {
    out.push(paint(`Errors (${plural(report.errors.length, 'item')} could not be checked):`, 'bold', 'red'));
    for (const e of report.errors) {
      const where = [e.path, e.check === undefined ? undefined : `[${e.check}]`].filter(
        (w) => w !== undefined,
      );
      const prefix = where.length > 0 ? `${printable(where.join(' '))}: ` : '';
      out.push(`  ${paint('error', 'red')}  ${prefix}${indentLines(e.message, '         ')}`);
    }
    out.push('');
  }
  if (report.warnings.length > 0) {
    out.push(paint('Warnings:', 'bold', 'yellow'));
    for (const w of report.warnings)
      out.push(`  ${paint('warning', 'yellow')}  ${indentLines(w, '           ')}`);
    out.push('');
  }

  out.push(summaryLine(report), decisionLine(report, paint));
  if (report.decision.blocked && report.findings.length > 0) out.push('', ...waysForward(report));
  return `${out.join('\n')}\n`;
}
