import { parseArgs } from 'node:util';
import { messages } from './messages.js';

/**
 * The one table of sec-init's options: it drives both the parser and `--help`, so the two cannot
 * drift apart.
 */
const OPTIONS = {
  'dry-run': {
    type: 'boolean',
    short: 'n',
    description: 'print a unified diff of every file and git config change, and write nothing',
  },
  yes: { type: 'boolean', short: 'y', description: 'do not ask before changing files (CI, scripts)' },
  uninstall: {
    type: 'boolean',
    description:
      'undo sec-init: restore the files it changed, byte for byte where you have not edited them since',
  },
  ci: {
    type: 'string',
    value: 'github',
    description:
      'also write .github/workflows/seckit.yml: scans the tree and each pull request, uploads SARIF',
  },
  'no-lint-staged': {
    type: 'boolean',
    description: 'run seckit straight from the hook (one node process, faster); leave lint-staged out',
  },
  from: {
    type: 'string',
    value: '<dir>',
    description: 'install our packages from the packed .tgz files in <dir> instead of the registry',
  },
  force: {
    type: 'boolean',
    description:
      'take over git hooks another tool set up (their hooks stop running; --uninstall restores them)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const;

export interface SecInitArgs {
  /** The folder as given (relative to the caller's cwd), or `undefined` for the cwd. */
  dir: string | undefined;
  from: string | undefined;
  ci: 'github' | undefined;
  force: boolean;
  yes: boolean;
  dryRun: boolean;
  uninstall: boolean;
  lintStaged: boolean;
  help: boolean;
}

export type ParsedSecInitArgs = { ok: true; args: SecInitArgs } | { ok: false; message: string };

export function parseSecInitArgs(argv: readonly string[]): ParsedSecInitArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util's messages are specific ("Unknown option '--frm'"); keep them, minus its hint about
    // `--` for positionals that start with a dash, which only distracts from a typo.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.replace(/\. To specify a positional argument[\s\S]*$/, '.') };
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) return { ok: false, message: messages.usageTooManyFolders(positionals) };
  if (values.from === '') return { ok: false, message: messages.usageFromNeedsFolder() };
  if (values.ci !== undefined && values.ci !== 'github')
    return { ok: false, message: messages.usageCi(values.ci) };
  if (
    values.uninstall === true &&
    (values.from !== undefined ||
      values.ci !== undefined ||
      values.force === true ||
      values['no-lint-staged'] === true)
  ) {
    return { ok: false, message: messages.usageUninstallAlone() };
  }
  return {
    ok: true,
    args: {
      dir: positionals[0],
      from: values.from,
      ci: values.ci === 'github' ? 'github' : undefined,
      force: values.force === true,
      yes: values.yes === true,
      dryRun: values['dry-run'] === true,
      uninstall: values.uninstall === true,
      lintStaged: values['no-lint-staged'] !== true,
      help: values.help === true,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

export function secInitHelp(): string {
  const rows = Object.entries(OPTIONS).map(([name, option]) => {
    const short = 'short' in option ? `-${option.short}, ` : '    ';
    const value = 'value' in option ? ` ${option.value}` : '';
    return [`${short}--${name}${value}`, option.description] as const;
  });
  const width = Math.max(...rows.map(([flags]) => flags.length));
  return [
    ...messages.helpIntro(),
    ...rows.map(([flags, description]) => `  ${flags.padEnd(width)}  ${description}`),
    ...messages.helpOutro(),
  ].join('\n');
}
