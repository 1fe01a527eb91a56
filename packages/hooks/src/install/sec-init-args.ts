import { parseArgs } from 'node:util';

/**
 * The one table of sec-init's options: it drives both the parser and `--help`, so the two cannot
 * drift apart.
 */
const OPTIONS = {
  from: {
    type: 'string',
    value: '<dir>',
    description:
      'install our packages from the seckit-*.tgz files in <dir> (packed with `pnpm pack`) instead of the registry',
  },
  force: {
    type: 'boolean',
    description: 'replace a core.hooksPath that another hook manager set (its hooks stop running)',
  },
  yes: {
    type: 'boolean',
    short: 'y',
    description: 'never ask (sec-init asks nothing yet; accepted so scripts and CI can pass it already)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const;

export interface SecInitArgs {
  /** The project folder as given (relative to the caller's cwd), or `undefined` for the cwd. */
  dir: string | undefined;
  from: string | undefined;
  force: boolean;
  yes: boolean;
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
  if (positionals.length > 1) {
    return {
      ok: false,
      message: `Expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`,
    };
  }
  if (values.from === '') return { ok: false, message: 'Option --from needs a folder.' };
  return {
    ok: true,
    args: {
      dir: positionals[0],
      from: values.from,
      force: values.force === true,
      yes: values.yes === true,
      help: values.help === true,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

export function secInitHelp(): string {
  const rows = Object.entries(OPTIONS).map(([name, option]) => {
    const short = 'short' in option ? `-${option.short}, ` : '';
    const value = 'value' in option ? ` ${option.value}` : '';
    return [`${short}--${name}${value}`, option.description] as const;
  });
  const width = Math.max(...rows.map(([flags]) => flags.length));
  return [
    'Usage: sec-init [dir] [options]',
    '',
    "Installs seckit's pre-commit check into the git repository at [dir] (default: the current folder):",
    'adds @seckit/hooks and husky as exact devDependencies, runs husky from the "prepare" script, and',
    'adds `seckit scan --staged` to .husky/pre-commit between marker lines. Running it again changes nothing.',
    '',
    'Options:',
    ...rows.map(([flags, description]) => `  ${flags.padEnd(width)}  ${description}`),
    '',
    'Exit codes:',
    '  0  installed, or already installed',
    '  1  not installed: core.hooksPath belongs to another hook manager (the lines to add there are printed)',
    '  2  usage error, or a problem to fix first (not a git repository, invalid package.json, install failed, …)',
    '',
  ].join('\n');
}
