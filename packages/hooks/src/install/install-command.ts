import type { PackageManagerName } from './detect-package-manager.js';
import type { Tarball } from './find-tarballs.js';
import { HOOKS_PACKAGE, HOOKS_VERSION, HUSKY_VERSION } from './versions.js';

/** One package sec-init wants installed, and the argument that asks the package manager for it. */
export interface WantedPackage {
  name: string;
  version: string;
  /** `@seckit/hooks@0.1.0`, or an absolute path to a `.tgz`. */
  spec: string;
}

/**
 * What to install: `@seckit/hooks` at this package's own version and husky, pinned (we sell
 * pinning, so we pin). With `--from`, our packages come from their tarballs by absolute path
 * instead of the registry; husky still comes from the registry.
 */
export function wantedPackages(tarballs: readonly Tarball[] | undefined): WantedPackage[] {
  const husky: WantedPackage = { name: 'husky', version: HUSKY_VERSION, spec: `husky@${HUSKY_VERSION}` };
  if (tarballs === undefined) {
    return [
      { name: HOOKS_PACKAGE, version: HOOKS_VERSION, spec: `${HOOKS_PACKAGE}@${HOOKS_VERSION}` },
      husky,
    ];
  }
  return [...tarballs.map(({ name, version, file }) => ({ name, version, spec: file })), husky];
}

export interface InstallCommand {
  command: string;
  args: string[];
}

/**
 * The package manager's own "add as exact devDependency" command. Arguments stay an array all the
 * way to `spawn`, so tarball paths are never interpolated into a shell string.
 */
export function installCommand(
  packageManager: PackageManagerName,
  specs: readonly string[],
  options: { workspaceRoot?: boolean } = {},
): InstallCommand {
  switch (packageManager) {
    case 'npm':
      // Audit and funding notices cost a registry round trip and say nothing about this change.
      return { command: 'npm', args: ['install', '-D', '-E', '--no-audit', '--no-fund', ...specs] };
    case 'pnpm':
      // pnpm refuses to add to a workspace root without -w (ERR_PNPM_ADDING_TO_ROOT).
      return {
        command: 'pnpm',
        args: ['add', '-D', '-E', ...(options.workspaceRoot ? ['-w'] : []), ...specs],
      };
    case 'yarn':
      return { command: 'yarn', args: ['add', '-D', '-E', ...specs] };
    case 'bun':
      return { command: 'bun', args: ['add', '-d', '-E', ...specs] };
  }
}

/** The command as a person would type it, for messages only (never executed). */
export function formatCommand({ command, args }: InstallCommand): string {
  return [command, ...args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
