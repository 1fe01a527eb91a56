import path from 'node:path';
import type { DetectedPackageManager } from './detect-package-manager.js';
import type { Tarball } from './find-tarballs.js';
import { toPosix } from './resolve-layout.js';
import {
  CORE_PACKAGE,
  CORE_VERSION,
  HOOKS_PACKAGE,
  HOOKS_VERSION,
  HUSKY_VERSION,
  LINT_STAGED_VERSION,
} from './versions.js';

/** One package sec-init wants in package.json, and the exact spec it writes there. */
export interface WantedPackage {
  name: string;
  version: string;
  /** `9.1.7`, or `file:../seckit/seckit-hooks-0.1.0.tgz` with `--from`. */
  spec: string;
  /** Ours (`@seckit/*`): always at this exact spec. Tools (husky, lint-staged): a user's own version is kept. */
  ours: boolean;
  /** Set for packages that came from a `--from` tarball. */
  tarball?: string;
}

/**
 * What to install, all exact (we sell pinning, so we pin): `@seckit/hooks` at this package's own
 * version; `@seckit/core` beside it, so `node_modules/@seckit/core/schema/policy.schema.json` (the
 * policy's `$schema`) resolves with every package manager, pnpm included; husky; lint-staged.
 * With `--from`, our packages come from their tarballs, by a path relative to package.json so the
 * file stays the same on every machine that has the folder at the same place; husky and
 * lint-staged still come from the registry.
 */
export function wantedPackages(
  tarballs: readonly Tarball[] | undefined,
  installRoot: string,
): WantedPackage[] {
  const tools: WantedPackage[] = [
    { name: 'husky', version: HUSKY_VERSION, spec: HUSKY_VERSION, ours: false },
    { name: 'lint-staged', version: LINT_STAGED_VERSION, spec: LINT_STAGED_VERSION, ours: false },
  ];
  if (tarballs === undefined) {
    return [
      { name: CORE_PACKAGE, version: CORE_VERSION, spec: CORE_VERSION, ours: true },
      { name: HOOKS_PACKAGE, version: HOOKS_VERSION, spec: HOOKS_VERSION, ours: true },
      ...tools,
    ];
  }
  const fromTarballs = tarballs.map((tarball) => {
    const rel = toPosix(path.relative(installRoot, tarball.file));
    return {
      name: tarball.name,
      version: tarball.version,
      spec: `file:${rel.startsWith('.') ? rel : `./${rel}`}`,
      ours: true,
      tarball: tarball.file,
    };
  });
  return [...fromTarballs, ...tools];
}

export interface Command {
  command: string;
  args: string[];
  /** Extra environment for the command. */
  env?: Record<string, string>;
}

/**
 * The package manager's plain install, run after sec-init has written package.json itself (so the
 * file keeps its formatting, and `--dry-run` can show the exact change): it resolves, updates the
 * lockfile and fills node_modules. Lockfiles are never frozen here, since the point is to add to
 * them; pnpm and yarn berry freeze them by default when `CI=true`.
 */
export function syncCommand(pm: DetectedPackageManager): Command {
  switch (pm.name) {
    case 'npm':
      // Audit and funding notices cost a registry round trip and say nothing about this change.
      return { command: 'npm', args: ['install', '--no-audit', '--no-fund'] };
    case 'pnpm':
      return { command: 'pnpm', args: ['install', '--no-frozen-lockfile'] };
    case 'yarn':
      return pm.berry
        ? { command: 'yarn', args: ['install'], env: { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' } }
        : { command: 'yarn', args: ['install', '--non-interactive'] };
    case 'bun':
      return { command: 'bun', args: ['install'] };
  }
}

/** What a person would run to add our packages by hand (shown in the refusal snippets). */
export function addCommand(
  pm: DetectedPackageManager,
  specs: readonly string[],
  workspaceRoot: boolean,
): Command {
  switch (pm.name) {
    case 'npm':
      return { command: 'npm', args: ['install', '-D', '-E', ...specs] };
    case 'pnpm':
      return { command: 'pnpm', args: ['add', '-D', '-E', ...(workspaceRoot ? ['-w'] : []), ...specs] };
    case 'yarn':
      return { command: 'yarn', args: ['add', '-D', '-E', ...specs] };
    case 'bun':
      return { command: 'bun', args: ['add', '-d', '-E', ...specs] };
  }
}

/** The command as a person would type it, for messages only (never executed). */
export function formatCommand({ command, args }: Command): string {
  return [command, ...args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Lockfiles a package manager may write: saved before the install so a failure can restore them. */
export const ALL_LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
  '.pnp.cjs',
  '.pnp.loader.mjs',
] as const;
