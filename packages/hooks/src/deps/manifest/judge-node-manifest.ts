import type { DepsContext } from '../context.js';
import { findLockfile, type LockLookup } from '../lockfile/find-lockfile.js';
import { mustPin } from '../pin-policy.js';
import { DEPS_RULES } from '../rules.js';
import { type Classification, describeClass } from '../specifier/classes.js';
import { classifyNodeSpecifier } from '../specifier/node-specifier.js';
import { type CatalogSource, findCatalogs } from './catalogs.js';
import { displaySpec } from './display-spec.js';
import { loadPackageJson } from './manifest-store.js';
import type { NodeEntry, NodeManifest } from './package-json.js';

const LOCAL = new Set(['workspace', 'link', 'directory', 'file', 'portal']);

/** The verdict on one package.json entry, with where to report it and what to pin it to. */
export interface JudgedNodeEntry {
  entry: NodeEntry;
  classification: Classification;
  /** Where the specifier that decides is written: the entry itself, or its catalog entry. */
  path: string;
  span: NodeEntry['span'];
  catalog?: { name: string; file: string };
  /** For a catalog entry: who uses it, in words. */
  usedBy?: string;
  /** The specifier that decides, when it is not the entry's own (a catalog's value). */
  specifier?: string;
  /** The version the lockfile resolves, for the fix hint and `seckit fix pins`. */
  lockedVersion?: string;
}

/** Classifies every entry of a package.json, resolving `catalog:` and `$name` first. */
export async function judgeNodeEntries(
  ctx: DepsContext,
  manifest: NodeManifest,
  lookup: LockLookup,
): Promise<JudgedNodeEntry[]> {
  const catalogs = manifest.entries.some((e) => e.spec.trim().startsWith('catalog:'))
    ? await findCatalogs(ctx, manifest.path)
    : undefined;
  return manifest.entries.map((entry) => judgeOne(manifest, entry, lookup, catalogs));
}

function judgeOne(
  manifest: NodeManifest,
  entry: NodeEntry,
  lookup: LockLookup,
  catalogs: CatalogSource | undefined,
): JudgedNodeEntry {
  let classification = classifyNodeSpecifier(entry.spec);
  const judged: JudgedNodeEntry = { entry, classification, path: manifest.path, span: entry.span };
  if (classification.cls === 'catalog') {
    const name = entry.spec.trim().slice('catalog:'.length).trim() || 'default';
    const found = catalogs?.catalogs.get(name)?.get(entry.pkg);
    if (found === undefined) {
      classification = {
        cls: 'catalog',
        target: 'invalid',
        verdict: 'unpinned',
        detail: `no "${entry.pkg}" in catalog "${name}" (${catalogs?.file ?? 'no pnpm-workspace.yaml or catalog found'})`,
      };
    } else {
      const inner = classifyNodeSpecifier(found.spec);
      classification = { ...inner, cls: 'catalog', target: inner.target ?? inner.cls };
      judged.path = found.file;
      judged.span = found.span;
      judged.catalog = { name, file: found.file };
      judged.usedBy = `${entry.section} of ${manifest.path}`;
      judged.specifier = found.spec;
      const lock = lookup.lock;
      const locked = lock?.kind === 'pnpm' ? lock.catalogs.get(name)?.get(entry.pkg)?.version : undefined;
      if (locked !== undefined) judged.lockedVersion = locked;
    }
  } else if (classification.cls === 'reference') {
    const target = entry.spec.trim().slice(1);
    const direct = manifest.entries.find(
      (e) =>
        e.name === target &&
        (e.type === 'dependencies' || e.type === 'devDependencies' || e.type === 'optionalDependencies'),
    );
    const inner = direct === undefined ? undefined : classifyNodeSpecifier(direct.spec);
    classification =
      inner === undefined
        ? {
            cls: 'reference',
            target: 'invalid',
            verdict: 'unpinned',
            detail: `"$${target}" names no direct dependency`,
          }
        : {
            ...inner,
            cls: 'reference',
            target: inner.target ?? inner.cls,
            detail: `${inner.detail}, via $${target}`,
          };
  }
  judged.classification = classification;
  if (
    judged.lockedVersion === undefined &&
    lookup.lock !== undefined &&
    classification.verdict === 'unpinned'
  ) {
    const version = lookup.lock.resolvedVersion(lookup.importer, entry.type, entry.pkg, entry.spec);
    if (version !== undefined) judged.lockedVersion = version;
  }
  return judged;
}

/** All manifest rules for one package.json: pins, insecure URLs, exact peers, missing lockfile. */
export async function judgeNodeManifest(
  ctx: DepsContext,
  path: string,
): Promise<{ manifest: NodeManifest; lookup: LockLookup } | undefined> {
  const manifest = await loadPackageJson(ctx, path);
  if (manifest === undefined) return undefined;
  const prefer = preferredLockfiles(manifest);
  const lookup = await findLockfile(ctx, path, 'node', prefer);
  const judged = await judgeNodeEntries(ctx, manifest, lookup);
  for (const j of judged) await reportEntry(ctx, j, lookup);
  await checkLockfilePresent(ctx, manifest, judged, lookup, prefer);
  return { manifest, lookup };
}

export function preferredLockfiles(manifest: NodeManifest): string[] {
  const pm = manifest.entries.find((e) => e.type === 'packageManager')?.name;
  if (pm === 'pnpm') return ['pnpm-lock.yaml'];
  if (pm === 'yarn') return ['yarn.lock'];
  if (pm === 'bun') return ['bun.lock', 'bun.lockb'];
  if (pm === 'npm') return ['npm-shrinkwrap.json', 'package-lock.json'];
  return [];
}

export async function reportEntry(ctx: DepsContext, j: JudgedNodeEntry, lookup: LockLookup): Promise<void> {
  const { entry, classification: c } = j;
  const spec = displaySpec(j.specifier ?? entry.spec);
  const properties = {
    ecosystem: 'npm',
    dependencyType: entry.type,
    package: entry.pkg,
    specifier: spec,
    specifierClass: c.cls,
    ...(c.target === undefined ? {} : { targetClass: c.target }),
    verdict: c.verdict,
  };
  const common = { path: j.path, span: j.span, pkg: entry.pkg, type: entry.type, properties };
  const key =
    j.catalog !== undefined ? `catalog\0${j.catalog.name}\0${entry.pkg}` : `${entry.section}\0${entry.name}`;

  if (c.insecure === true && entry.type !== 'engines') {
    await ctx.report({
      ...common,
      rule: DEPS_RULES.insecureDependencyUrl,
      message: `${entry.name}: "${spec}" in ${entry.section} is fetched over ${/^git:/i.test(entry.spec.trim()) ? 'the unencrypted git:// protocol' : 'plain http'}: anyone on the network path can change what gets installed`,
      fix: 'Use an https (or git+https / git+ssh) URL, or better a registry version.',
      key: `${key}\0insecure`,
    });
  }
  const pin = mustPin(ctx.policy, entry.type);
  if (c.verdict === 'unpinned' && pin) {
    const git = c.cls === 'git-ref' || c.target === 'git-ref';
    const where =
      j.catalog === undefined
        ? `in ${entry.section}`
        : `in catalog "${j.catalog.name}"${j.usedBy === undefined ? '' : ` (used by ${j.usedBy})`}`;
    const locked =
      j.lockedVersion === undefined
        ? ''
        : ` ${lookup.lockPath ?? 'The lockfile'} resolves ${j.lockedVersion}.`;
    await ctx.report({
      ...common,
      rule: git ? DEPS_RULES.gitDependencyUnpinned : DEPS_RULES.unpinnedDependency,
      message: `${entry.name}: "${spec}" ${where} is not one exact version (${c.detail}; class ${describeClass(c)}).${locked}`,
      fix: git
        ? 'Pin it to a full 40-character commit id (…#<commit>); branches and tags move.'
        : j.lockedVersion !== undefined
          ? `Pin it: ${pinnedText(entry, j)} (the version the lockfile installs), or run \`seckit fix pins\`.`
          : `Pin it to one exact version ("${entry.name}": "<version>"); install so a lockfile resolves it, then \`seckit fix pins\` writes it for you.`,
      key: `${key}\0${c.target ?? c.cls}`,
      properties: {
        ...properties,
        ...(j.lockedVersion === undefined ? {} : { lockedVersion: j.lockedVersion }),
      },
    });
  }
  if (entry.type === 'peerDependencies' && !pin && c.cls === 'exact') {
    await ctx.report({
      ...common,
      rule: DEPS_RULES.exactPeer,
      message: `${entry.name}: "${spec}" in peerDependencies accepts only one version of ${entry.name}: every consumer must install exactly that one`,
      fix: `Peer dependencies state compatibility: use a range ("^${c.version ?? spec}") unless only that version works.`,
      key: `${key}\0exact-peer`,
    });
  }
}

function pinnedText(entry: NodeEntry, j: JudgedNodeEntry): string {
  const version = j.lockedVersion!;
  const c = j.classification;
  if (c.cls === 'alias' && c.realName !== undefined) return `"${entry.name}": "npm:${c.realName}@${version}"`;
  if (j.catalog !== undefined)
    return `${entry.pkg}: ${version} in catalog "${j.catalog.name}" (${j.catalog.file})`;
  return `"${entry.name}": "${version}"`;
}

async function checkLockfilePresent(
  ctx: DepsContext,
  manifest: NodeManifest,
  judged: JudgedNodeEntry[],
  lookup: LockLookup,
  prefer: string[],
): Promise<void> {
  if (lookup.present) return;
  const needing = judged.filter(
    (j) =>
      (j.entry.type === 'dependencies' ||
        j.entry.type === 'devDependencies' ||
        j.entry.type === 'optionalDependencies') &&
      !LOCAL.has(j.classification.target ?? j.classification.cls),
  );
  const first = needing[0];
  if (first === undefined) return;
  const install =
    prefer[0] === 'pnpm-lock.yaml'
      ? 'pnpm install'
      : prefer[0] === 'yarn.lock'
        ? 'yarn install'
        : prefer[0]?.startsWith('bun')
          ? 'bun install'
          : 'npm install';
  const why =
    lookup.notRecorded && lookup.lockPath !== undefined
      ? `${lookup.lockPath} does not record ${manifest.path} as one of its projects`
      : 'no lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, bun.lock) here or in a parent folder';
  await ctx.report({
    rule: DEPS_RULES.missingLockfile,
    path: manifest.path,
    span: first.entry.span,
    message: `${manifest.path} declares ${needing.length} dependenc${needing.length === 1 ? 'y' : 'ies'} but ${why}: every install resolves them anew`,
    fix: lookup.notRecorded
      ? 'Add its folder to the workspace (pnpm-workspace.yaml "packages" / package.json "workspaces") and reinstall, or give it its own lockfile.'
      : `Run \`${install}\` and commit the lockfile it writes.`,
    key: 'missing-lockfile',
  });
}
