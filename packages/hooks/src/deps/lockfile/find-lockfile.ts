import type { DepsContext } from '../context.js';
import { parsePackageJson } from '../manifest/package-json.js';
import { ancestors, dirOf, globToRegExp, join, relativeTo } from '../paths.js';
import { NODE_LOCKFILES, PYTHON_LOCKFILES } from './lock-model.js';
import { loadLockfile } from './lockfile-store.js';
import type { AnyLock } from './read-lockfile.js';

export interface LockLookup {
  /** The lockfile that records this manifest, parsed. */
  lock?: AnyLock;
  /** Its path, or the nearest lockfile found when none records the manifest. */
  lockPath?: string;
  /** The manifest's folder relative to the lockfile's ("" when side by side). */
  importer: string;
  /** Some lockfile covers the manifest (possibly one seckit does not judge, or cannot read). */
  present: boolean;
  /** A lockfile up the tree exists but does not list this manifest as one of its projects. */
  notRecorded?: boolean;
}

/**
 * Finds the lockfile of a manifest: in its folder, else the nearest ancestor folder whose lockfile
 * records it (a workspace member). `prefer` orders candidates in one folder (e.g. by the
 * `packageManager` field).
 */
export async function findLockfile(
  ctx: DepsContext,
  manifestPath: string,
  ecosystem: 'node' | 'python',
  prefer: readonly string[] = [],
): Promise<LockLookup> {
  const names = ecosystem === 'node' ? [...NODE_LOCKFILES] : [...PYTHON_LOCKFILES];
  names.sort((a, b) => rank(prefer, a) - rank(prefer, b));
  const manifestDir = dirOf(manifestPath);
  let nearest: string | undefined;
  for (const dir of ancestors(manifestDir)) {
    const candidates = names.map((n) => join(dir, n));
    const texts = await Promise.all(candidates.map((c) => ctx.text(c)));
    const found = candidates.filter((_, i) => texts[i] !== undefined);
    if (found.length === 0) continue;
    const importer = relativeTo(dir, manifestDir);
    for (const lockPath of found) {
      const result = await loadLockfile(ctx, lockPath);
      // Unreadable (already a finding), binary (bun.lockb) or not judged (pdm.lock): whether it
      // records this manifest cannot be told, so it counts as present.
      if (result?.lock === undefined) return { lockPath, importer, present: true };
      const recorded = result.lock.hasImporter(importer);
      if (recorded === true) return { lock: result.lock, lockPath, importer, present: true };
      if (recorded === undefined && (dir === manifestDir || (await listedAsWorkspace(ctx, dir, importer)))) {
        return { lock: result.lock, lockPath, importer, present: true };
      }
    }
    nearest ??= found[0];
    if (dir === manifestDir) return { lockPath: found[0]!, importer, present: false, notRecorded: true };
  }
  return nearest === undefined
    ? { importer: '', present: false }
    : {
        lockPath: nearest,
        importer: relativeTo(dirOf(nearest), manifestDir),
        present: false,
        notRecorded: true,
      };
}

function rank(prefer: readonly string[], name: string): number {
  const i = prefer.indexOf(name);
  return i < 0 ? prefer.length : i;
}

/** Yarn 1 records no projects: membership comes from the root package.json's `workspaces`. */
async function listedAsWorkspace(ctx: DepsContext, dir: string, importer: string): Promise<boolean> {
  const path = join(dir, 'package.json');
  const text = await ctx.text(path);
  if (text === undefined) return false;
  try {
    return parsePackageJson(path, text).workspaces.some((g) => globToRegExp(g).test(importer));
  } catch {
    return false;
  }
}
