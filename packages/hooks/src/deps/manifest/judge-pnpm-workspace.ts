import type { DependencyType } from '@seckit/core';
import type { DepsContext } from '../context.js';
import { checkLockfileStaged } from '../drift/lockfile-staged.js';
import type { LockLookup } from '../lockfile/find-lockfile.js';
import { loadLockfile } from '../lockfile/lockfile-store.js';
import type { PnpmLock } from '../lockfile/pnpm-lock.js';
import { own } from '../parse/records.js';
import { dirOf, join } from '../paths.js';
import { mustPin } from '../pin-policy.js';
import { DEPS_RULES } from '../rules.js';
import { classifyNodeSpecifier } from '../specifier/node-specifier.js';
import { type JudgedNodeEntry, reportEntry } from './judge-node-manifest.js';
import { loadPnpmWorkspace } from './manifest-store.js';
import type { NodeEntry } from './package-json.js';

/**
 * pnpm-workspace.yaml: its catalog entries are judged for the dependency types that use them
 * (read from pnpm-lock.yaml's importers; "dependencies" without a lockfile), its `overrides` like
 * package.json overrides, and both are compared with what pnpm-lock.yaml recorded.
 */
export async function judgePnpmWorkspace(
  ctx: DepsContext,
  path: string,
  compare: (lockPath: string) => boolean,
): Promise<void> {
  const ws = await loadPnpmWorkspace(ctx, path);
  if (ws === undefined) return;
  const lockPath = join(dirOf(path), 'pnpm-lock.yaml');
  const found = await loadLockfile(ctx, lockPath);
  const lock = found?.lock?.kind === 'pnpm' ? found.lock : undefined;
  const lookup: LockLookup = {
    importer: '',
    present: found !== undefined,
    lockPath,
    ...(lock === undefined ? {} : { lock }),
  };
  const users = lock === undefined ? undefined : catalogUsers(lock);

  for (const [catalog, entries] of ws.catalogs) {
    for (const [pkg, ce] of entries) {
      const used = users?.get(`${catalog}\0${pkg}`);
      if (users !== undefined && used === undefined) continue; // unused entries install nothing
      const types = used?.types ?? new Set<DependencyType>(['dependencies']);
      const type = [...types].find((t) => mustPin(ctx.policy, t)) ?? [...types][0]!;
      const inner = classifyNodeSpecifier(ce.spec);
      const entry: NodeEntry = {
        type,
        section: type,
        name: pkg,
        pkg,
        spec: ce.spec,
        span: ce.span,
        jsonPath: ce.path,
      };
      const judged: JudgedNodeEntry = {
        entry,
        classification: { ...inner, cls: 'catalog', target: inner.target ?? inner.cls },
        path,
        span: ce.span,
        catalog: { name: catalog, file: path },
        specifier: ce.spec,
        ...(used === undefined ? {} : { usedBy: used.where }),
      };
      const locked = lock?.catalogs.get(catalog)?.get(pkg)?.version;
      if (locked !== undefined) judged.lockedVersion = locked;
      await reportEntry(ctx, judged, lookup);
    }
  }
  for (const entry of ws.overrides) {
    const judged: JudgedNodeEntry = {
      entry,
      classification: classifyNodeSpecifier(entry.spec),
      path,
      span: entry.span,
    };
    await reportEntry(ctx, judged, lookup);
  }
  if (lock !== undefined && compare(lockPath)) await catalogDrift(ctx, ws, lock);
  const entries = [...[...ws.catalogs.values()].flatMap((m) => [...m.values()]), ...ws.overrides];
  await checkLockfileStaged(ctx, path, ws.yaml.docs[0], lookup, (before) => {
    const changed = entries.find((e) => {
      let value: unknown = before;
      for (const key of 'jsonPath' in e ? e.jsonPath : e.path) value = own(value, String(key));
      return value !== e.spec;
    });
    return changed?.span;
  });
}

/** `catalog\0pkg` → the dependency types using it and a short "used by" description. */
function catalogUsers(lock: PnpmLock): Map<string, { types: Set<DependencyType>; where: string }> {
  const users = new Map<string, { types: Set<DependencyType>; where: string }>();
  for (const importer of lock.importerPaths()) {
    const specs = lock.importerSpecs(importer === '.' ? '' : importer);
    for (const [section, deps] of specs ?? []) {
      for (const [name, spec] of deps) {
        if (!spec.startsWith('catalog:')) continue;
        const catalog = spec.slice('catalog:'.length).trim() || 'default';
        const key = `${catalog}\0${name}`;
        const manifest = importer === '.' ? 'package.json' : `${importer}/package.json`;
        const user = users.get(key);
        if (user === undefined)
          users.set(key, { types: new Set([section as DependencyType]), where: `${section} of ${manifest}` });
        else user.types.add(section as DependencyType);
      }
    }
  }
  return users;
}

async function catalogDrift(
  ctx: DepsContext,
  ws: NonNullable<Awaited<ReturnType<typeof loadPnpmWorkspace>>>,
  lock: PnpmLock,
): Promise<void> {
  for (const [catalog, recorded] of lock.catalogs) {
    for (const [pkg, { specifier }] of recorded) {
      const current = ws.catalogs.get(catalog)?.get(pkg);
      if (current !== undefined && current.spec === specifier) continue;
      await ctx.report({
        rule: DEPS_RULES.lockfileDrift,
        path: ws.path,
        span: current?.span,
        message:
          current === undefined
            ? `${lock.path} records catalog "${catalog}" entry ${pkg}: "${specifier}", which ${ws.path} no longer has`
            : `${pkg} is "${current.spec}" in catalog "${catalog}" but ${lock.path} recorded "${specifier}": a frozen install fails or installs something else`,
        fix: `Run \`pnpm install\` and commit ${lock.path} together with ${ws.path}.`,
        key: `drift\0catalog\0${catalog}\0${pkg}`,
        properties: { lockfile: lock.path, dependency: pkg },
      });
    }
  }
  const wanted = new Map(ws.overrides.map((o) => [o.jsonPath[1] as string, o.spec]));
  const keys = new Set([...wanted.keys(), ...lock.overrides.keys()]);
  for (const key of keys) {
    if (wanted.get(key) === lock.overrides.get(key)) continue;
    if (!wanted.has(key) && ws.overrides.length === 0) continue; // may live in package.json's pnpm.overrides
    const entry = ws.overrides.find((o) => o.jsonPath[1] === key);
    await ctx.report({
      rule: DEPS_RULES.lockfileDrift,
      path: ws.path,
      span: entry?.span,
      message: `override ${key} is ${wanted.has(key) ? `"${wanted.get(key)}"` : 'absent'} in ${ws.path} but ${lock.path} recorded ${lock.overrides.has(key) ? `"${lock.overrides.get(key)}"` : 'none'}`,
      fix: `Run \`pnpm install\` and commit ${lock.path} together with ${ws.path}.`,
      key: `drift\0override\0${key}`,
      properties: { lockfile: lock.path, dependency: key },
    });
  }
}
