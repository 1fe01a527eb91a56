import { existsSync } from 'node:fs';
import path from 'node:path';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface DetectedPackageManager {
  name: PackageManagerName;
  /** What decided it, for the message: `npm_config_user_agent`, `pnpm-lock.yaml`, … */
  source: string;
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
  return choosePackageManager({ packageManagerField, lockfiles, userAgent: env.npm_config_user_agent });
}

function parseName(value: unknown): PackageManagerName | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().split('@')[0]?.split('/')[0];
  return name === 'npm' || name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : undefined;
}
