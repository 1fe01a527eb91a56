import type { DepsContext } from '../context.js';
import { DepsParseError } from '../parse/parse-error.js';
import { DEPS_RULES } from '../rules.js';
import { type AnyLock, readLockfile } from './read-lockfile.js';

export interface LockResult {
  lock?: AnyLock;
  /** The file exists but cannot be read; the finding is already reported. */
  unreadable?: boolean;
}

const cache = new WeakMap<DepsContext, Map<string, Promise<LockResult | undefined>>>();

/**
 * Parses each lockfile once per run, whoever asks first (its own check, a manifest looking for
 * its versions, drift). Undefined when the file does not exist. A file that cannot be read is a
 * `seckit/lockfile-unreadable` finding with the file and place — never a silent pass.
 */
export function loadLockfile(ctx: DepsContext, path: string): Promise<LockResult | undefined> {
  let perRun = cache.get(ctx);
  if (perRun === undefined) {
    perRun = new Map();
    cache.set(ctx, perRun);
  }
  let pending = perRun.get(path);
  if (pending === undefined) {
    pending = parse(ctx, path);
    perRun.set(path, pending);
  }
  return pending;
}

async function parse(ctx: DepsContext, path: string): Promise<LockResult | undefined> {
  const text = await ctx.text(path);
  if (text === undefined) return undefined;
  try {
    const lock = await readLockfile(path, text);
    return lock === undefined ? {} : { lock };
  } catch (error) {
    if (!(error instanceof DepsParseError)) throw error;
    await ctx.report({
      rule: DEPS_RULES.lockfileUnreadable,
      path,
      span: undefined,
      at: { line: error.line, column: error.column },
      message: `Cannot read ${path}: ${error.detail}; nothing in it was checked`,
      fix: 'Regenerate it with the package manager (e.g. `npm install`, `pnpm install`, `yarn install`, `uv lock`, `poetry lock`) and commit the result; resolve merge conflicts first.',
      key: 'unreadable',
      properties: { detail: error.detail },
    });
    return { unreadable: true };
  }
}
