import { DepsParseError } from '../parse/parse-error.js';
import type { BunLock } from './bun-lock.js';
import { lockKindOf } from './lock-model.js';
import type { NpmLock } from './npm-lock.js';
import type { PnpmLock } from './pnpm-lock.js';
import type { PythonLock } from './python-locks.js';
import type { YarnBerryLock } from './yarn-berry-lock.js';
import type { YarnV1Lock } from './yarn-v1-lock.js';

export type AnyLock = NpmLock | PnpmLock | YarnV1Lock | YarnBerryLock | BunLock | PythonLock;

/**
 * Reads a lockfile by its file name (yarn.lock: Yarn 1 or Yarn 2+ by content), loading only that
 * format's reader (a hook run pays for the package manager the project uses). Throws
 * DepsParseError — a SeckitError — for anything it cannot read; returns undefined for lockfiles
 * seckit knows but does not judge (pdm.lock, pylock.toml), which still count as present.
 */
export async function readLockfile(path: string, text: string): Promise<AnyLock | undefined> {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // Git's conflict markers make any format unreadable; say so rather than quote a parser.
  const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict !== null) {
    const line = text.slice(0, conflict.index).split('\n').length;
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      'unresolved merge conflict markers: resolve the conflict, then run the install',
      {
        line,
        column: 1,
      },
    );
  }
  switch (lockKindOf(base)) {
    case 'npm':
      return (await import('./npm-lock.js')).parseNpmLock(path, text);
    case 'pnpm':
      return (await import('./pnpm-lock.js')).parsePnpmLock(path, text);
    case 'yarn-v1':
    case 'yarn-berry':
      return /^__metadata:/m.test(text)
        ? (await import('./yarn-berry-lock.js')).parseYarnBerryLock(path, text)
        : (await import('./yarn-v1-lock.js')).parseYarnV1Lock(path, text);
    case 'bun':
      return (await import('./bun-lock.js')).parseBunLock(path, text);
    case 'bun-binary':
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        'bun.lockb is binary and cannot be reviewed or checked; run `bun install --save-text-lockfile` and commit bun.lock instead',
      );
    case 'uv':
      return (await import('./python-locks.js')).parseUvLock(path, text);
    case 'poetry':
      return (await import('./python-locks.js')).parsePoetryLock(path, text);
    default:
      return undefined;
  }
}
