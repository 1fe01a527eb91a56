import { parse as parseJsonc } from 'jsonc-parser';
import { loadToml } from '../deps/parse/load-toml.js';
import { loadYaml } from '../deps/parse/load-yaml.js';
import { isRecord, type Rec } from '../deps/parse/records.js';

/**
 * Which direct dependency brings each lockfile entry in: a graph keyed like `LockEntry.key`,
 * walked breadth-first from the entries the manifests name, so each entry gets its shortest chain
 * (`express > body-parser > qs`), for every lockfile format the audit reads.
 */
export interface DependencyGraph {
  /** Entry keys a manifest depends on directly. */
  roots: string[];
  /** Entry key → entry keys it depends on. */
  edges: Map<string, string[]>;
  /** Entry key → package name, for the chain's words. */
  names: Map<string, string>;
}

/** Entry key → names from a direct dependency down to it (itself last); absent: not reachable. */
export function chains(graph: DependencyGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const queue: string[] = [];
  for (const root of graph.roots) {
    if (out.has(root)) continue;
    out.set(root, [graph.names.get(root) ?? root]);
    queue.push(root);
  }
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    const chain = out.get(key)!;
    for (const next of graph.edges.get(key) ?? []) {
      if (out.has(next)) continue;
      out.set(next, [...chain, graph.names.get(next) ?? next]);
      queue.push(next);
    }
  }
  return out;
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const ROOT_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const names = (rec: unknown, fields: readonly string[]): string[] =>
  isRecord(rec) ? fields.flatMap((f) => (isRecord(rec[f]) ? Object.keys(rec[f] as Rec) : [])) : [];

/** npm: `packages` keyed by install path; a name resolves like Node does, from the folder upwards. */
export function npmGraph(text: string): DependencyGraph | undefined {
  let packages: Rec;
  try {
    const json = JSON.parse(text) as Rec;
    if (!isRecord(json.packages)) return undefined;
    packages = json.packages as Rec;
  } catch {
    return undefined;
  }
  const resolve = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
      if (candidate in packages) return candidate;
      if (base === '') return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut >= 0 ? base.slice(0, cut) : base.startsWith('node_modules/') ? '' : '';
    }
  };
  const edges = new Map<string, string[]>();
  const roots: string[] = [];
  const nameOf = new Map<string, string>();
  for (const [key, entry] of Object.entries(packages)) {
    const projectFolder = key === '' || !key.includes('node_modules/');
    if (projectFolder) {
      for (const dep of names(entry, ROOT_FIELDS)) {
        const target = resolve(key, dep);
        if (target !== undefined) roots.push(target);
      }
      continue;
    }
    nameOf.set(key, key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    edges.set(
      key,
      names(entry, DEP_FIELDS)
        .map((dep) => resolve(key, dep))
        .filter((t): t is string => t !== undefined),
    );
  }
  return { roots, edges, names: nameOf };
}

/** pnpm v9: importers name direct dependencies with resolved versions; snapshots hold the edges. */
export async function pnpmGraph(text: string, path: string): Promise<DependencyGraph | undefined> {
  let doc: unknown;
  try {
    // The last document holds the lock (pnpm writes a leading config document in some setups).
    const loaded = await loadYaml(text, path, 'E_LOCKFILE');
    doc = loaded.docs.at(-1);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const strip = (v: string) => v.replace(/\(.*$/, '');
  const keyOf = (name: string, version: string) => `${name}@${strip(version)}`;
  const roots: string[] = [];
  const importers = isRecord(doc.importers) ? (doc.importers as Rec) : {};
  for (const importer of Object.values(importers)) {
    if (!isRecord(importer)) continue;
    for (const field of ROOT_FIELDS) {
      const deps = importer[field];
      if (!isRecord(deps)) continue;
      for (const [name, spec] of Object.entries(deps)) {
        const version = isRecord(spec) ? spec.version : spec;
        if (typeof version === 'string' && !version.startsWith('link:')) roots.push(keyOf(name, version));
      }
    }
  }
  const edges = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  const snapshots = isRecord(doc.snapshots)
    ? (doc.snapshots as Rec)
    : isRecord(doc.packages)
      ? (doc.packages as Rec)
      : {};
  for (const [snapshotKey, snapshot] of Object.entries(snapshots)) {
    const key = strip(snapshotKey);
    const at = key.lastIndexOf('@');
    if (at > 0) nameOf.set(key, key.slice(0, at));
    const targets = edges.get(key) ?? [];
    for (const field of ['dependencies', 'optionalDependencies'] as const) {
      const deps = isRecord(snapshot) ? snapshot[field] : undefined;
      if (!isRecord(deps)) continue;
      for (const [name, version] of Object.entries(deps)) {
        if (typeof version === 'string' && !version.startsWith('link:')) targets.push(keyOf(name, version));
      }
    }
    edges.set(key, targets);
  }
  return { roots, edges, names: nameOf };
}

/** Yarn 1: blocks keyed `name@range`; the manifest beside the lockfile names the roots. */
export function yarnV1Graph(
  blocks: readonly { keys: string[]; fields: Rec }[],
  manifest: Rec | undefined,
): DependencyGraph {
  const blockKey = new Map<string, string>();
  for (const block of blocks) for (const k of block.keys) blockKey.set(k, block.keys.join(', '));
  const nameOf = new Map<string, string>();
  const edges = new Map<string, string[]>();
  for (const block of blocks) {
    const key = block.keys.join(', ');
    const first = block.keys[0] ?? '';
    nameOf.set(key, first.slice(0, first.indexOf('@', 1)));
    const deps = block.fields.dependencies;
    const optional = block.fields.optionalDependencies;
    const all = { ...(isRecord(deps) ? deps : {}), ...(isRecord(optional) ? optional : {}) };
    edges.set(
      key,
      Object.entries(all)
        .map(([name, range]) => blockKey.get(`${name}@${String(range)}`))
        .filter((t): t is string => t !== undefined),
    );
  }
  const roots: string[] = [];
  for (const field of ROOT_FIELDS) {
    const deps = manifest?.[field];
    if (!isRecord(deps)) continue;
    for (const [name, range] of Object.entries(deps)) {
      const key = blockKey.get(`${name}@${String(range)}`);
      if (key !== undefined) roots.push(key);
    }
  }
  return { roots, edges, names: nameOf };
}

const pyName = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * Python lockfiles name dependencies by name only (one version per name, bar markers): edges go
 * to every entry of that name. Keys are `name==version` as written, like `LockEntry.key`.
 */
function pythonGraph(
  packages: readonly { name: string; version: string | undefined; deps: string[] }[],
  rootNames: readonly string[],
): DependencyGraph {
  const byName = new Map<string, string[]>();
  const keyOf = (p: { name: string; version: string | undefined }) =>
    p.version === undefined ? p.name : `${p.name}==${p.version}`;
  for (const p of packages) {
    const keys = byName.get(pyName(p.name)) ?? [];
    keys.push(keyOf(p));
    byName.set(pyName(p.name), keys);
  }
  const edges = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  for (const p of packages) {
    nameOf.set(keyOf(p), p.name);
    edges.set(
      keyOf(p),
      p.deps.flatMap((d) => byName.get(pyName(d)) ?? []),
    );
  }
  return { roots: rootNames.flatMap((n) => byName.get(pyName(n)) ?? []), edges, names: nameOf };
}

const tomlPackages = (doc: unknown): Rec[] =>
  isRecord(doc) && Array.isArray(doc.package) ? (doc.package as unknown[]).filter(isRecord) : [];

/** uv.lock: the project itself (an editable or virtual source) lists the direct dependencies. */
export async function uvGraph(text: string, path: string): Promise<DependencyGraph | undefined> {
  let doc: unknown;
  try {
    doc = await loadToml(text, path, 'E_LOCKFILE');
  } catch {
    return undefined;
  }
  const depNames = (p: Rec): string[] => {
    const out: string[] = [];
    const add = (list: unknown) => {
      if (Array.isArray(list))
        for (const d of list) if (isRecord(d) && typeof d.name === 'string') out.push(d.name);
    };
    add(p.dependencies);
    for (const group of [p['optional-dependencies'], p['dev-dependencies']]) {
      if (isRecord(group)) for (const list of Object.values(group)) add(list);
    }
    return out;
  };
  const packages: { name: string; version: string | undefined; deps: string[]; project: boolean }[] = [];
  for (const p of tomlPackages(doc)) {
    if (typeof p.name !== 'string') continue;
    const source = isRecord(p.source) ? p.source : {};
    packages.push({
      name: p.name,
      version: typeof p.version === 'string' ? p.version : undefined,
      deps: depNames(p),
      project: 'editable' in source || 'virtual' in source,
    });
  }
  const roots = packages.filter((p) => p.project).flatMap((p) => p.deps);
  return pythonGraph(
    packages.filter((p) => !p.project),
    roots,
  );
}

/** poetry.lock: `[package.dependencies]` give the edges; pyproject.toml names the direct ones. */
export async function poetryGraph(
  text: string,
  path: string,
  pyproject: string | undefined,
): Promise<DependencyGraph | undefined> {
  let doc: unknown;
  let project: unknown;
  try {
    doc = await loadToml(text, path, 'E_LOCKFILE');
    project = pyproject === undefined ? undefined : await loadToml(pyproject, 'pyproject.toml', 'E_MANIFEST');
  } catch {
    return undefined;
  }
  const packages = tomlPackages(doc)
    .filter((p) => typeof p.name === 'string')
    .map((p) => ({
      name: p.name as string,
      version: typeof p.version === 'string' ? p.version : undefined,
      deps: isRecord(p.dependencies) ? Object.keys(p.dependencies) : [],
    }));
  const roots: string[] = [];
  if (isRecord(project)) {
    const pep621 = isRecord(project.project) ? project.project : {};
    const requirement = (r: unknown) =>
      typeof r === 'string' ? /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(r)?.[1] : undefined;
    if (Array.isArray(pep621.dependencies))
      roots.push(...pep621.dependencies.map(requirement).filter((n): n is string => n !== undefined));
    if (isRecord(pep621['optional-dependencies'])) {
      for (const list of Object.values(pep621['optional-dependencies'])) {
        if (Array.isArray(list))
          roots.push(...list.map(requirement).filter((n): n is string => n !== undefined));
      }
    }
    const poetry = isRecord(project.tool) && isRecord(project.tool.poetry) ? project.tool.poetry : {};
    if (isRecord(poetry.dependencies))
      roots.push(...Object.keys(poetry.dependencies).filter((n) => n !== 'python'));
    if (isRecord(poetry.group)) {
      for (const group of Object.values(poetry.group)) {
        if (isRecord(group) && isRecord(group.dependencies)) roots.push(...Object.keys(group.dependencies));
      }
    }
  }
  return pythonGraph(packages, roots);
}

/** Yarn 2+: blocks keyed by descriptors (`name@npm:^1.0.0`); workspace blocks name the roots. */
export async function yarnBerryGraph(text: string, path: string): Promise<DependencyGraph | undefined> {
  let doc: unknown;
  try {
    doc = (await loadYaml(text, path, 'E_LOCKFILE')).docs.at(-1);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const keyOfDescriptor = new Map<string, string>();
  for (const key of Object.keys(doc)) {
    if (key !== '__metadata') for (const d of key.split(/,\s*/)) keyOfDescriptor.set(d, key);
  }
  const roots: string[] = [];
  const edges = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  for (const [key, block] of Object.entries(doc)) {
    if (key === '__metadata' || !isRecord(block)) continue;
    const first = key.split(/,\s*/)[0] ?? key;
    nameOf.set(key, first.slice(0, first.indexOf('@', 1)));
    const targets: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies'] as const) {
      const deps = block[field];
      if (!isRecord(deps)) continue;
      for (const [name, range] of Object.entries(deps)) {
        const target = keyOfDescriptor.get(`${name}@${String(range)}`);
        if (target !== undefined) targets.push(target);
      }
    }
    const workspace = typeof block.resolution === 'string' && block.resolution.includes('@workspace:');
    if (workspace) roots.push(...targets);
    else edges.set(key, targets);
  }
  return { roots, edges, names: nameOf };
}

/** bun.lock: `packages` keyed by install path (`a/b` is b nested under a), like node_modules. */
export function bunGraph(text: string): DependencyGraph | undefined {
  const doc: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  if (!isRecord(doc) || !isRecord(doc.packages)) return undefined;
  const packages = doc.packages as Rec;
  const resolve = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = base === '' ? name : `${base}/${name}`;
      if (candidate in packages) return candidate;
      if (base === '') return undefined;
      // Drop the last package of the path (a scoped name is two segments).
      const parts = base.split('/');
      parts.splice(parts.length - (parts.at(-2)?.startsWith('@') ? 2 : 1));
      base = parts.join('/');
    }
  };
  const edges = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  for (const [key, tuple] of Object.entries(packages)) {
    const ident = Array.isArray(tuple) && typeof tuple[0] === 'string' ? tuple[0] : key;
    nameOf.set(key, ident.slice(0, ident.indexOf('@', 1)));
    const meta = Array.isArray(tuple) ? tuple.find((x) => isRecord(x)) : undefined;
    edges.set(
      key,
      names(meta, DEP_FIELDS)
        .map((dep) => resolve(key, dep))
        .filter((t): t is string => t !== undefined),
    );
  }
  const roots: string[] = [];
  for (const workspace of Object.values(isRecord(doc.workspaces) ? (doc.workspaces as Rec) : {})) {
    for (const dep of names(workspace, ROOT_FIELDS)) {
      const target = resolve('', dep);
      if (target !== undefined) roots.push(target);
    }
  }
  return { roots, edges, names: nameOf };
}
