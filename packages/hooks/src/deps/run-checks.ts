import { uniqueIds } from '@seckit/core';
import { type DependencyCheckInput, type DependencyCheckResult, DepsContext } from './context.js';
import { depsFileKind, LOCKFILE_NAMES } from './file-kinds.js';
import { own } from './parse/records.js';
import { dirOf, join } from './paths.js';

/** The full run; index.ts loads this only when the change holds a dependency file. */
export async function runChecks(input: DependencyCheckInput): Promise<DependencyCheckResult> {
  const ctx = new DepsContext(input);
  const { policy } = input;
  if (!policy.checks.dependencies && !policy.checks.lockfiles) return { findings: [], errors: [] };
  const targets = input.files.map((f) => ({ path: f.path, kind: depsFileKind(f.path) }));
  // In the hook, drift is compared when the lockfile is part of the commit; elsewhere, always.
  const staged = input.stagedPaths ?? new Set(input.files.map((f) => f.path));
  const compare = (lockPath: string) => input.scope !== 'staged' || staged.has(lockPath);

  const lockfiles = new Set(targets.filter((t) => t.kind === 'lockfile').map((t) => t.path));
  // A changed .npmrc / .yarnrc.yml / bunfig.toml changes what its folder's lockfiles may trust.
  for (const t of targets.filter((t) => t.kind === 'registry-config')) {
    for (const name of LOCKFILE_NAMES) {
      const path = join(dirOf(t.path), name);
      if ((await ctx.text(path)) !== undefined) lockfiles.add(path);
    }
  }

  const guarded = async (path: string, check: 'dependencies' | 'lockfiles', work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      // A crash is never a clean result: it is reported and the hook fails closed.
      ctx.errors.push({
        path,
        check,
        message: `dependency check failed: ${(error as Error)?.message ?? String(error)}`,
      });
    }
  };

  // Each kind of file loads its own modules: a hook run pays only for the files it sees.
  if (policy.checks.lockfiles && lockfiles.size > 0) {
    const { judgeLockfile } = await import('./lockfile/judge-lockfile.js');
    for (const path of lockfiles) await guarded(path, 'lockfiles', () => judgeLockfile(ctx, path));
  }
  for (const { path, kind } of targets) {
    switch (kind) {
      case 'package-json':
        await guarded(path, 'dependencies', async () => {
          const { judgeNodeManifest } = await import('./manifest/judge-node-manifest.js');
          const { checkNodeDrift } = await import('./drift/node-drift.js');
          const { checkLockfileStaged } = await import('./drift/lockfile-staged.js');
          const judged = await judgeNodeManifest(ctx, path);
          if (judged === undefined) return;
          const { manifest, lookup } = judged;
          if (lookup.lockPath !== undefined && compare(lookup.lockPath))
            await checkNodeDrift(ctx, manifest, lookup);
          // Point at the first entry that differs from HEAD (for a new manifest: the first one).
          const locate = (before: unknown) =>
            manifest.entries.find((e) => valueAt(before, e.jsonPath) !== e.spec)?.span;
          await checkLockfileStaged(ctx, path, manifest.json.value, lookup, locate);
        });
        break;
      case 'pnpm-workspace':
        await guarded(path, 'dependencies', async () =>
          (await import('./manifest/judge-pnpm-workspace.js')).judgePnpmWorkspace(ctx, path, compare),
        );
        break;
      case 'requirements':
        await guarded(path, 'dependencies', async () =>
          (await import('./manifest/judge-requirements.js')).judgeRequirements(ctx, path),
        );
        break;
      case 'pyproject':
        await guarded(path, 'dependencies', async () =>
          (await import('./manifest/judge-pyproject.js')).judgePyproject(ctx, path, compare),
        );
        break;
      default:
        break;
    }
  }
  return { findings: dedupe(ctx.findings), errors: ctx.errors };
}

/**
 * The same finding can be reached twice (a catalog entry through two package.json files, a
 * requirements file included by two others): keep one per id and place; true repeats of an id
 * (the same package twice in one file) get distinct ids.
 */
function dedupe(findings: DependencyCheckResult['findings']): DependencyCheckResult['findings'] {
  const seen = new Set<string>();
  const out = findings.filter((f) => {
    const key = `${f.id}\0${f.location.path}\0${f.location.startLine}\0${f.location.startColumn}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const byFile = new Map<string, typeof out>();
  for (const f of out) byFile.set(f.location.path, [...(byFile.get(f.location.path) ?? []), f]);
  return [...byFile.values()].flatMap((list) => uniqueIds(list));
}

function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let value = doc;
  for (const key of path) value = own(value, String(key));
  return value;
}
