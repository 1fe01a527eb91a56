import path from 'node:path';
import { install } from './install.js';
import { messages } from './messages.js';
import { parseSecInitArgs, secInitHelp } from './sec-init-args.js';

export interface SecInitIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The `sec-init` command: parses `argv`, installs, prints what changed, and returns the exit
 * code (0 installed or already installed, 1 refused because another hook manager owns
 * core.hooksPath, 2 usage or setup error). It never throws and never prints a stack trace.
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

  const result = await install({
    dir: path.resolve(io.cwd, args.dir ?? '.'),
    env: io.env,
    from: args.from === undefined ? undefined : path.resolve(io.cwd, args.from),
    force: args.force,
    onProgress: (message) => io.stdout(`sec-init: ${message}\n`),
  });

  switch (result.status) {
    case 'failed':
      io.stderr(`sec-init: ${result.message}\n`);
      return 2;
    case 'refused':
      io.stderr(`sec-init: ${result.message}\n`);
      return 1;
    case 'unchanged':
      io.stdout(`sec-init: ${messages.summaryUnchanged(result.dir)}\n`);
      return 0;
    case 'installed': {
      const lines = result.changes.map((change) => `  ${change.target}: ${change.summary}`);
      io.stdout(
        `sec-init: ${messages.summaryInstalled(result.dir)}\n${lines.join('\n')}\n\n${messages.summaryNext()}\n`,
      );
      return 0;
    }
  }
}
