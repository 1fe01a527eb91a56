import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, formatCommand, type WantedPackage } from './install-command.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

/** The version of `name` in `<dir>/node_modules`, or undefined when it is not there. */
export async function installedVersion(dir: string, name: string): Promise<string | undefined> {
  try {
    const data: unknown = JSON.parse(
      await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8'),
    );
    return typeof data === 'object' &&
      data !== null &&
      typeof (data as { version?: unknown }).version === 'string'
      ? (data as { version: string }).version
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether node_modules lacks what package.json asks for: ours at the exact version; the tools at
 * any version (the user may keep their own). An empty answer is what lets a second `sec-init`
 * skip the (slow) package manager.
 */
export async function needsInstall(
  dir: string,
  wanted: readonly WantedPackage[],
  declared: (name: string) => string | undefined,
): Promise<boolean> {
  for (const want of wanted) {
    const version = await installedVersion(dir, want.name);
    if (version === undefined) return true;
    const spec = declared(want.name);
    // A registry spec is compared with what is installed; a tarball's version is its file's.
    if (want.ours && version !== want.version) return true;
    if (!want.ours && spec !== undefined && /^\d+\.\d+\.\d+$/.test(spec) && spec !== version) return true;
  }
  return false;
}

/**
 * Runs the package manager in `dir`. A failure carries the command and the tail of its output,
 * so the user can see why and rerun it by hand.
 */
export async function runInstall(dir: string, command: Command, env: NodeJS.ProcessEnv): Promise<void> {
  const result = await runCommand(command.command, command.args, {
    cwd: dir,
    env: { ...env, ...command.env },
  });
  if (result.error !== undefined) {
    throw new InstallError('E_PACKAGE_MANAGER_NOT_FOUND', messages.packageManagerNotFound(command.command));
  }
  if (result.status !== 0) {
    const output = `${result.stderr}\n${result.stdout}`.trim().split(/\r?\n/).slice(-15).join('\n');
    throw new InstallError(
      'E_INSTALL_FAILED',
      messages.installFailed(formatCommand(command), dir, result.status, output),
      path.join(dir, 'package.json'),
    );
  }
}
