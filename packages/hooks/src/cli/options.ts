import { OUTPUT_FORMATS } from '@seckit/core';

/** One table drives both argument parsing and `--help`. */
export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  short?: string;
  value?: string;
  description: string;
  commands: readonly string[];
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'staged',
    type: 'boolean',
    description: 'scan what is staged in the index (what the commit will contain)',
    commands: ['scan'],
  },
  {
    name: 'diff',
    type: 'string',
    value: 'base',
    description: 'scan what the commits of <base>..HEAD added, commit by commit (CI, pull requests)',
    commands: ['scan'],
  },
  {
    name: 'format',
    type: 'string',
    short: 'f',
    value: OUTPUT_FORMATS.join('|'),
    description: 'output format (default: text)',
    commands: ['scan', 'audit'],
  },
  {
    name: 'output',
    type: 'string',
    short: 'o',
    value: 'file',
    description: 'write the report to a file (the text summary still prints)',
    commands: ['scan', 'audit'],
  },
  {
    name: 'db',
    type: 'string',
    value: 'dir',
    description: 'the offline OSV database folder (default: audit.database, else ~/.cache/seckit/osv)',
    commands: ['audit', 'scan'],
  },
  {
    name: 'update-db',
    type: 'boolean',
    description: 'download the npm and PyPI advisory databases first, then audit',
    commands: ['audit'],
  },
  {
    name: 'db-url',
    type: 'string',
    value: 'url',
    description: 'where --update-db downloads from (default: audit.updateUrl)',
    commands: ['audit'],
  },
  {
    name: 'max-age-days',
    type: 'string',
    value: 'n',
    description: 'warn when the database is older than n days (default: audit.maxAgeDays, 7)',
    commands: ['audit'],
  },
  {
    name: 'dry-run',
    type: 'boolean',
    description: 'show the changes as a unified diff, write nothing',
    commands: ['fix'],
  },
  {
    name: 'keep-unused',
    type: 'boolean',
    description: 'keep baseline entries that no longer match anything',
    commands: ['baseline'],
  },
  {
    name: 'no-color',
    type: 'boolean',
    description: 'never colour output (NO_COLOR=1 does the same)',
    commands: ['scan', 'baseline', 'audit'],
  },
  {
    name: 'cwd',
    type: 'string',
    value: 'dir',
    description: 'run as if started in <dir>',
    commands: ['scan', 'baseline', 'audit', 'fix', 'doctor'],
  },
  {
    name: 'help',
    type: 'boolean',
    short: 'h',
    description: 'show this help',
    commands: ['scan', 'baseline', 'audit', 'fix', 'doctor'],
  },
  { name: 'version', type: 'boolean', short: 'v', description: 'print the version', commands: [] },
];

export const COMMANDS: readonly { name: string; usage: string; description: string }[] = [
  {
    name: 'scan',
    usage: 'seckit scan [--staged | --diff <base>] [paths…]',
    description: 'check the tracked files, the given paths, or the staged content',
  },
  {
    name: 'baseline',
    usage: 'seckit baseline',
    description: 'accept every current finding into .seckit/baseline.json',
  },
  {
    name: 'audit',
    usage: 'seckit audit [--update-db] [paths…]',
    description: 'known vulnerabilities of the locked versions, offline (OSV)',
  },
  {
    name: 'fix',
    usage: 'seckit fix pins [package.json…]',
    description: 'pin npm-family specifiers to the versions the lockfile resolves',
  },
  { name: 'doctor', usage: 'seckit doctor', description: 'is the hook live here? each problem with its fix' },
];

export function helpText(version: string): string {
  const lines = [`seckit ${version}: security policy checks for commits and CI`, '', 'Usage:'];
  // One column for both tables, as wide as the longest entry plus two spaces.
  const flags = OPTIONS.map(
    (o) =>
      `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.value === undefined ? '' : ` <${o.value}>`}`,
  );
  const width = Math.max(...COMMANDS.map((c) => c.usage.length), ...flags.map((f) => f.length)) + 2;
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(width)}${c.description}`);
  lines.push('', 'Options:');
  OPTIONS.forEach((o, i) => {
    const where = o.commands.length === 0 ? '' : ` [${o.commands.join(', ')}]`;
    lines.push(`  ${flags[i]!.padEnd(width)}${o.description}${where}`);
  });
  lines.push(
    '',
    'Exit codes: 0 passed, 1 blocked by findings, 2 usage, configuration or internal error.',
    'Policy: .seckit/policy.json   Baseline: .seckit/baseline.json',
  );
  return `${lines.join('\n')}\n`;
}
