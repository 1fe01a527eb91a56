import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InstallCommand, WantedPackage } from './install-command.js';
import { formatCommand } from './install-command.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { isRecord, type PackageJsonFile } from './package-json.js';
import { runCommand } from './run-command.js';

/**
 * The wanted packages that are not both declared in package.json and present in node_modules at
 * the wanted version. An empty list is what makes a second `sec-init` run skip the (slow) install.
 * The declared spec itself is not compared: package managers rewrite tarball paths (npm stores
 * `file:../relative.tgz`), so the installed version is the reliable signal.
 */
export async function missingPackages(
  dir: string,
  pkg: PackageJsonFile | undefined,
  wanted: readonly WantedPackage[],
): Promise<WantedPackage[]> {
  const missing: WantedPackage[] = [];
  for (const want of wanted) {
    const declared = [pkg?.data.dependencies, pkg?.data.devDependencies].some(
      (deps) => isRecord(deps) && typeof deps[want.name] === 'string',
    );
    if (!declared || (await installedVersion(dir, want.name)) !== want.version) missing.push(want);
  }
  return missing;
}

async function installedVersion(dir: string, name: string): Promise<string | undefined> {
  try {
    const text = await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8');
    const data: unknown = JSON.parse(text);
    return isRecord(data) && typeof data.version === 'string' ? data.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the install command in `dir`. A failure carries the command and the tail of its output, so
 * the user can rerun it by hand and see why it failed.
 */
export async function runInstall(
  dir: string,
  command: InstallCommand,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const result = await runCommand(command.command, command.args, { cwd: dir, env });
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
