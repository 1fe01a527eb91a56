import { parseArgs } from 'node:util';
import { isSeckitError, SeckitError } from '@seckit/core';
import { VERSION } from '../version.js';
import { type Context, createContext, type Values } from './context.js';
import { type CliIo, EXIT } from './io.js';
import { COMMAND_NAMES, type CommandName, helpText, OPTIONS } from './options.js';

// Loaded on demand: `gate` in CI should not pay for parsing SARIF schemas or the dashboard.
const COMMANDS: Record<CommandName, () => Promise<(ctx: Context) => Promise<number>>> = {
  ingest: async () => (await import('./commands/ingest.js')).ingestCommand,
  summary: async () => (await import('./commands/summary.js')).summaryCommand,
  html: async () => (await import('./commands/html.js')).htmlCommand,
  sarif: async () => (await import('./commands/sarif.js')).sarifCommand,
  gate: async () => (await import('./commands/gate.js')).gateCommand,
  triage: async () => (await import('./commands/triage.js')).triageCommand,
};

/** The `sec-report` CLI. Returns the exit code; never calls process.exit (testable in-process). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (isSeckitError(error)) {
      io.stderr.write(`sec-report: ${error.message}\n`);
      return EXIT.error;
    }
    // Unexpected: still no stack trace for users; SECKIT_DEBUG=1 shows it for us.
    io.stderr.write(`sec-report: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env.SECKIT_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    io.stderr.write('sec-report: please report this at https://github.com/seckit/seckit/issues\n');
    return EXIT.error;
  }
}

function parse(argv: readonly string[]): {
  command: string | undefined;
  positionals: string[];
  values: Values;
} {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const o of OPTIONS)
    options[o.name] = o.short === undefined ? { type: o.type } : { type: o.type, short: o.short };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, values: values as Values };
  } catch (error) {
    throw new SeckitError('E_USAGE', `${(error as Error).message}; see \`sec-report --help\``);
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { command, positionals, values } = parse(argv);
  if (values.version === true) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (values.help === true || command === undefined || command === 'help') {
    io.stdout.write(helpText(VERSION));
    return command === undefined && values.help !== true ? EXIT.error : EXIT.ok;
  }
  if (!(COMMAND_NAMES as readonly string[]).includes(command)) {
    throw new SeckitError(
      'E_USAGE',
      `unknown command "${command.slice(0, 40)}"; commands are: ${COMMAND_NAMES.join(', ')} (see \`sec-report --help\`)`,
    );
  }
  const name = command as CommandName;
  const misplaced = OPTIONS.find((o) => values[o.name] !== undefined && !o.commands.includes(name));
  if (misplaced !== undefined) {
    throw new SeckitError(
      'E_USAGE',
      `--${misplaced.name} does not apply to \`sec-report ${name}\`; see \`sec-report --help\``,
    );
  }
  if (positionals.length > 0 && name !== 'ingest' && name !== 'triage') {
    throw new SeckitError(
      'E_USAGE',
      `\`sec-report ${name}\` takes no arguments, got "${positionals[0]!.slice(0, 40)}"`,
    );
  }
  const handler = await COMMANDS[name]();
  return handler(createContext(io, values, positionals));
}
