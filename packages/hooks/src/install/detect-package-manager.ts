import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface DetectedPackageManager {
  name: PackageManagerName;
  /** What decided it, for the message: `npm_config_user_agent`, `pnpm-lock.yaml`, … */
  source: string;
  /** Yarn 2+ ("berry"): no `prepare` on install, and Plug'n'Play unless told otherwise. */
  berry?: boolean;
  /** Yarn berry with Plug'n'Play: there is no node_modules for the hook to run from. */
  plugAndPlay?: boolean;
}

/** Lockfiles in the order they are checked; the first one present wins. */
export const LOCKFILES: ReadonlyArray<readonly [file: string, name: PackageManagerName]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
];

export interface PackageManagerEvidence {
  /** `packageManager` from package.json, e.g. `pnpm@10.1.0+sha512…`. */
  packageManagerField: unknown;
  /** Lockfile names present in the package folder. */
  lockfiles: readonly string[];
  /** `npm_config_user_agent` of the process that launched sec-init, e.g. `npm/11.1.0 node/v20…`. */
  userAgent: string | undefined;
}

/**
 * Picks the package manager to install with. The project's own declaration (`packageManager`,
 * then its lockfile) comes before the launcher's user agent: `npx sec-init` is the advertised
 * command, so in a pnpm or yarn project the user agent says npm, and trusting it would run
 * `npm install` there and leave a second lockfile. The user agent decides only for projects that
 * declare nothing (a fresh `pnpm dlx sec-init` → pnpm); npm is the fallback.
 */
export function choosePackageManager(evidence: PackageManagerEvidence): DetectedPackageManager {
  const fromField = parseName(evidence.packageManagerField);
  if (fromField !== undefined) return { name: fromField, source: 'the packageManager field of package.json' };
  for (const [file, name] of LOCKFILES) {
    if (evidence.lockfiles.includes(file)) return { name, source: file };
  }
  const fromAgent = parseName(evidence.userAgent?.split(' ')[0]);
  if (fromAgent !== undefined) return { name: fromAgent, source: 'npm_config_user_agent' };
  return { name: 'npm', source: 'the default' };
}

/** Gathers the evidence from `dir` and `env`, then chooses. */
export function detectPackageManager(
  dir: string,
  packageManagerField: unknown,
  env: NodeJS.ProcessEnv,
): DetectedPackageManager {
  const lockfiles = LOCKFILES.map(([file]) => file).filter((file) => existsSync(path.join(dir, file)));
  const chosen = choosePackageManager({
    packageManagerField,
    lockfiles,
    userAgent: env.npm_config_user_agent,
  });
  if (chosen.name !== 'yarn') return chosen;
  const berry = isYarnBerry(dir, packageManagerField, env);
  if (!berry) return chosen;
  return { ...chosen, berry, plugAndPlay: yarnLinker(dir) !== 'node-modules' };
}

/**
 * Yarn 2+ tells itself apart from yarn 1 by its `packageManager` version, its `.yarnrc.yml`, or
 * the `__metadata:` header of its lockfile (yarn 1 lockfiles start with a `# yarn lockfile v1`).
 */
function isYarnBerry(dir: string, packageManagerField: unknown, env: NodeJS.ProcessEnv): boolean {
  if (typeof packageManagerField === 'string') {
    const major = /^yarn@(\d+)/.exec(packageManagerField.trim())?.[1];
    if (major !== undefined) return Number(major) >= 2;
  }
  if (existsSync(path.join(dir, '.yarnrc.yml'))) return true;
  try {
    if (readFileSync(path.join(dir, 'yarn.lock'), 'utf8').slice(0, 4096).includes('__metadata:')) return true;
  } catch {
    // No lockfile: decided by the launcher below.
  }
  const agent = /^yarn\/(\d+)/.exec(env.npm_config_user_agent ?? '')?.[1];
  return agent !== undefined && Number(agent) >= 2;
}

/** `nodeLinker` from .yarnrc.yml; berry's default is `pnp`. */
function yarnLinker(dir: string): string {
  try {
    const match = /^nodeLinker:\s*["']?([\w-]+)/m.exec(readFileSync(path.join(dir, '.yarnrc.yml'), 'utf8'));
    return match?.[1] ?? 'pnp';
  } catch {
    return 'pnp';
  }
}

function parseName(value: unknown): PackageManagerName | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().split('@')[0]?.split('/')[0];
  return name === 'npm' || name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : undefined;
}
