import { INPUT_FORMATS } from '../ingest/normalized.js';
import { DEFAULT_MAX_INPUT_MB } from '../ingest/read-input.js';
import { DECISION_STATUSES } from '../metrics/load-findings.js';
import { PERIODS } from '../metrics/trend.js';

export const COMMAND_NAMES = ['ingest', 'summary', 'html', 'sarif', 'gate', 'triage'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const DEFAULT_DB = '.seckit/report.db';
export const DEFAULT_POLICY = '.seckit/policy.json';

/** One table drives both argument parsing and `--help`. */
export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  short?: string;
  value?: string;
  description: string;
  /** Commands it applies to; empty: none (global flags like --version). */
  commands: readonly CommandName[];
  /** Left out of --help (testing aids). */
  hidden?: boolean;
}

const ALL = COMMAND_NAMES;
const REPORTS: readonly CommandName[] = ['summary', 'html', 'sarif', 'gate'];

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'db',
    type: 'string',
    value: 'file',
    description: `the report database (default ${DEFAULT_DB})`,
    commands: ALL,
  },
  {
    name: 'policy',
    type: 'string',
    value: 'file',
    description: `the policy with SLA, targets and rotation (default ${DEFAULT_POLICY}; missing: defaults)`,
    commands: ALL,
  },
  {
    name: 'repository',
    type: 'string',
    value: 'name',
    description:
      'ingest: the repository the reports come from (overrides what they say); others: only this one',
    commands: ['ingest', ...REPORTS],
  },
  {
    name: 'input-format',
    type: 'string',
    value: `auto|${INPUT_FORMATS.join('|')}`,
    description: 'what the files are (default: detected from their content)',
    commands: ['ingest'],
  },
  {
    name: 'scope',
    type: 'string',
    value: 'full|staged|diff|paths',
    description: 'what the runs scanned, overriding the reports (default: as stated, else full)',
    commands: ['ingest'],
  },
  {
    name: 'branch',
    type: 'string',
    value: 'name',
    description: 'the branch scanned, overriding the reports',
    commands: ['ingest'],
  },
  {
    name: 'commit',
    type: 'string',
    value: 'sha',
    description: 'the commit scanned, overriding the reports',
    commands: ['ingest'],
  },
  {
    name: 'run-time',
    type: 'string',
    value: 'iso',
    description: 'when the scan ran, overriding the reports (default: as stated, else now)',
    commands: ['ingest'],
  },
  {
    name: 'base-dir',
    type: 'string',
    value: 'dir',
    description: 'absolute paths in reports are made relative to this folder (default: the current one)',
    commands: ['ingest'],
  },
  {
    name: 'max-input-mb',
    type: 'string',
    value: 'n',
    description: `refuse input files larger than this (default ${DEFAULT_MAX_INPUT_MB})`,
    commands: ['ingest'],
  },
  {
    name: 'close-on-empty',
    type: 'boolean',
    description: 'let a complete scan with no findings close findings (default: empty runs close nothing)',
    commands: ['ingest'],
  },
  {
    name: 'format',
    type: 'string',
    short: 'f',
    value: 'markdown|json',
    description: 'summary: markdown (default) or json; gate: text (default) or json',
    commands: ['summary', 'gate'],
  },
  {
    name: 'output',
    type: 'string',
    short: 'o',
    value: 'file',
    description: 'write to a file (required for html and sarif)',
    commands: ['summary', 'html', 'sarif'],
  },
  {
    name: 'period',
    type: 'string',
    value: PERIODS.join('|'),
    description: 'trend and new-vs-fixed per day, week (default) or month',
    commands: ['summary', 'html'],
  },
  {
    name: 'status',
    type: 'string',
    value: DECISION_STATUSES.join('|'),
    description: 'the decision (open withdraws an earlier one)',
    commands: ['triage'],
  },
  {
    name: 'reason',
    type: 'string',
    value: 'text',
    description: 'why; required, kept in the history',
    commands: ['triage'],
  },
  {
    name: 'until',
    type: 'string',
    value: 'YYYY-MM-DD',
    description: 'last day a risk acceptance holds; after it the finding counts again',
    commands: ['triage'],
  },
  {
    name: 'by',
    type: 'string',
    value: 'name',
    description: 'who decides (default: $USER)',
    commands: ['triage'],
  },
  {
    name: 'now',
    type: 'string',
    value: 'iso',
    description: 'the time to report at (for tests and reproducible reports)',
    commands: ALL,
    hidden: true,
  },
  { name: 'help', type: 'boolean', short: 'h', description: 'show this help', commands: ALL },
  { name: 'version', type: 'boolean', short: 'v', description: 'print the version', commands: [] },
];

export const COMMANDS: readonly { name: CommandName; usage: string; description: string }[] = [
  {
    name: 'ingest',
    usage: 'sec-report ingest <files|folders…>',
    description: 'record seckit Reports, SARIF, secretlint or gitleaks JSON',
  },
  {
    name: 'summary',
    usage: 'sec-report summary [-f markdown|json]',
    description: 'SLA status, targets, what to fix first',
  },
  { name: 'html', usage: 'sec-report html -o <file>', description: 'a single-file offline dashboard' },
  {
    name: 'sarif',
    usage: 'sec-report sarif -o <file>',
    description: 'open findings as SARIF for GitHub code scanning',
  },
  { name: 'gate', usage: 'sec-report gate', description: 'exit 1 when a policy target is missed' },
  {
    name: 'triage',
    usage: 'sec-report triage <id…> --status <s> --reason <r>',
    description: 'record a decision (risk-accepted [--until], false-positive, fixed, open)',
  },
];

export function helpText(version: string): string {
  const lines = [
    `sec-report ${version}: findings over time, SLA status and a dashboard, across runs and repositories`,
    '',
    'Usage:',
  ];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(50)}${c.description}`);
  lines.push('', 'Options:');
  for (const o of OPTIONS) {
    if (o.hidden === true) continue;
    const flag = `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` <${o.value}>`}`;
    const where =
      o.commands.length === 0 || o.commands.length === ALL.length ? '' : ` [${o.commands.join(', ')}]`;
    lines.push(`  ${flag.padEnd(50)}${o.description}${where}`);
  }
  lines.push(
    '',
    'Exit codes: 0 done (gate: every target met), 1 gate: a policy target missed, 2 usage, input, database or internal error.',
  );
  return `${lines.join('\n')}\n`;
}
