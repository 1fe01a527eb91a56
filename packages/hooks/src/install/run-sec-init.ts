import path from 'node:path';
import { install } from './install.js';
import { messages } from './messages.js';
import { parseSecInitArgs, secInitHelp } from './sec-init-args.js';
import { uninstall } from './uninstall.js';

export interface SecInitIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Asks a yes/no question (the bin provides it when stdin and stdout are a terminal). Without it,
   * or with `--yes`, sec-init does not ask.
   */
  ask?: (question: string) => Promise<boolean>;
}

/**
 * The `sec-init` command: parses `argv`, installs (or uninstalls), prints what changed, and
 * returns the exit code: 0 done (or nothing to do), 1 not done because you have to act first
 * (another hook manager, a lint-staged config in code, or you answered no; what to do is
 * printed), 2 usage or setup error (rolled back). It never throws and never prints a stack trace.
 */
export async function runSecInit(argv: string[], io: SecInitIo): Promise<number> {
  try {
    return await runSecInitUnsafe(argv, io);
  } catch (error) {
    io.stderr(`sec-init: ${messages.internalError(error)}\n`);
    return 2;
  }
}

async function runSecInitUnsafe(argv: string[], io: SecInitIo): Promise<number> {
  const parsed = parseSecInitArgs(argv);
  if (!parsed.ok) {
    io.stderr(`sec-init: ${messages.usageError(parsed.message)}\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    io.stdout(secInitHelp());
    return 0;
  }
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  const ask = io.ask;
  const confirm =
    args.yes || ask === undefined
      ? undefined
      : (summary: string) => ask(messages.confirm(summary, args.uninstall));
  const out = (text: string) => io.stdout(`sec-init: ${text}\n`);

  if (args.uninstall) {
    const result = await uninstall({
      dir,
      env: io.env,
      dryRun: args.dryRun,
      ...(confirm ? { confirm } : {}),
    });
    switch (result.status) {
      case 'failed':
        io.stderr(`sec-init: ${result.message}\n`);
        return 2;
      case 'declined':
        out(messages.declined());
        return 1;
      case 'not-installed':
        out(messages.notInstalled(result.gitRoot));
        return 0;
      case 'planned':
        io.stdout(
          `${messages.dryRunHeader(result.gitRoot, true)}\n\n${result.diff}\n${notesText(result.notes)}`,
        );
        return 0;
      case 'uninstalled':
        out(
          `${messages.summaryUninstalled(result.gitRoot)}\n${changeLines(result.changes)}${notesText(result.notes)}`,
        );
        return 0;
    }
  }

  const result = await install({
    dir,
    env: io.env,
    from: args.from === undefined ? undefined : path.resolve(io.cwd, args.from),
    force: args.force,
    dryRun: args.dryRun,
    lintStaged: args.lintStaged,
    ...(args.ci === undefined ? {} : { ci: args.ci }),
    ...(confirm ? { confirm } : {}),
    onProgress: out,
  });
  switch (result.status) {
    case 'failed':
      io.stderr(`sec-init: ${result.message}\n`);
      return 2;
    case 'refused':
      io.stderr(`sec-init: ${result.message}\n`);
      return 1;
    case 'declined':
      out(messages.declined());
      return 1;
    case 'planned':
      io.stdout(
        `${messages.dryRunHeader(result.gitRoot, false)}\n\n${result.diff}\n${changeLines(result.changes)}${notesText(result.notes)}`,
      );
      return 0;
    case 'unchanged':
      if (result.recovered !== undefined) io.stdout(`${messages.recovered(result.recovered)}\n`);
      out(messages.summaryUnchanged(result.gitRoot));
      if (result.notes.length > 0) io.stdout(notesText(result.notes));
      return 0;
    case 'installed': {
      const recovered = result.recovered === undefined ? '' : `${messages.recovered(result.recovered)}\n`;
      io.stdout(
        `${recovered}sec-init: ${messages.summaryInstalled(result.gitRoot, result.packageManager)}\n` +
          `${changeLines(result.changes)}${notesText(result.notes)}\n` +
          `${messages.summaryBaseline(result.baseline)}\n${messages.summaryNext(result.changes.map((c) => c.target))}\n`,
      );
      return 0;
    }
  }
}

function changeLines(changes: readonly { target: string; summary: string }[]): string {
  return changes.map((c) => `  ${c.target}: ${c.summary}\n`).join('');
}

function notesText(notes: readonly string[]): string {
  return notes.length === 0
    ? ''
    : `\n${notes.map((n) => `Note: ${n.replace(/\n/g, '\n      ')}`).join('\n')}\n`;
}
