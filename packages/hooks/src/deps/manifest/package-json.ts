import type { DependencyType } from '@seckit/core';
import { type JsonFile, loadJson } from '../parse/load-json.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString, type Rec } from '../parse/records.js';
import type { Span } from '../text-place.js';

/** One specifier in a package.json, with where it is written. */
export interface NodeEntry {
  type: DependencyType;
  /** The field it is in: `dependencies`, `pnpm.overrides`, `resolutions`, `packageManager`… */
  section: string;
  /** What people call it: the dependency name, or an override path such as `foo > bar`. */
  name: string;
  /** The package it is about (for exceptions and lockfile lookups). */
  pkg: string;
  spec: string;
  /** The specifier's string token, quotes included. */
  span: Span | undefined;
  /** JSON path of the value (for `seckit fix pins`). */
  jsonPath: (string | number)[];
}

export interface CatalogEntry {
  spec: string;
  file: string;
  span: Span | undefined;
  /** Where the value is in its file (YAML: catalog path; JSON: JSON path). */
  path: (string | number)[];
}

/** Catalog name ("default" for `catalog:`) → package → entry. */
export type Catalogs = Map<string, Map<string, CatalogEntry>>;

export interface NodeManifest {
  path: string;
  text: string;
  json: JsonFile;
  name: string | undefined;
  entries: NodeEntry[];
  /** Workspace globs (`workspaces` as an array or `{ packages }`). */
  workspaces: string[];
  /** bun keeps catalogs in the root package.json. */
  catalogs: Catalogs;
}

export const DEPENDENCY_SECTIONS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const satisfies readonly DependencyType[];

/** Parses a package.json; throws DepsParseError (with the place) when it is not a JSON object. */
export function parsePackageJson(path: string, text: string): NodeManifest {
  const json = loadJson(text, path, 'E_MANIFEST');
  const root = json.value;
  if (!isRecord(root)) throw new DepsParseError('E_MANIFEST', path, 'package.json must hold a JSON object');
  const entries: NodeEntry[] = [];
  const add = (
    type: DependencyType,
    section: string,
    name: string,
    pkg: string,
    spec: string,
    jsonPath: (string | number)[],
  ) => entries.push({ type, section, name, pkg, spec, jsonPath, span: json.spanOf(jsonPath) });

  for (const section of DEPENDENCY_SECTIONS) {
    for (const [name, spec] of strings(own(root, section)))
      add(section, section, name, name, spec, [section, name]);
  }
  walkOverrides(ownRecord(root, 'overrides'), ['overrides'], [], (name, pkg, spec, p) =>
    add('overrides', 'overrides', name, pkg, spec, p),
  );
  const pnpmOverrides = ownRecord(ownRecord(root, 'pnpm'), 'overrides');
  for (const [key, spec] of strings(pnpmOverrides)) {
    add('overrides', 'pnpm.overrides', key.split('>').join(' > '), selectorPackage(key), spec, [
      'pnpm',
      'overrides',
      key,
    ]);
  }
  for (const [key, spec] of strings(ownRecord(root, 'resolutions'))) {
    add('resolutions', 'resolutions', key, resolutionPackage(key), spec, ['resolutions', key]);
  }
  const packageManager = ownString(root, 'packageManager');
  if (packageManager !== undefined) {
    const at = packageManager.indexOf('@', packageManager.startsWith('@') ? 1 : 0);
    const tool = at < 0 ? packageManager : packageManager.slice(0, at);
    add('packageManager', 'packageManager', tool, tool, at < 0 ? '' : packageManager.slice(at + 1), [
      'packageManager',
    ]);
  }
  for (const [name, spec] of strings(own(root, 'engines')))
    add('engines', 'engines', name, name, spec, ['engines', name]);

  return {
    path,
    text,
    json,
    name: ownString(root, 'name'),
    entries,
    workspaces: workspaceGlobs(root),
    catalogs: bunCatalogs(path, root, json),
  };
}

function strings(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.keys(value)
    .filter((k) => typeof value[k] === 'string')
    .map((k) => [k, value[k] as string]);
}

/** npm overrides nest: `{ "foo": { ".": "1.0.0", "bar": "2.0.0" } }` pins foo and foo's bar. */
function walkOverrides(
  value: Rec | undefined,
  jsonPath: (string | number)[],
  chain: string[],
  add: (name: string, pkg: string, spec: string, path: (string | number)[]) => void,
): void {
  if (value === undefined) return;
  for (const key of Object.keys(value)) {
    const v = value[key];
    const here = key === '.' ? chain : [...chain, key];
    const name = here.join(' > ') || key;
    const last = here[here.length - 1] ?? key;
    if (typeof v === 'string') add(name, selectorPackage(last), v, [...jsonPath, key]);
    else if (isRecord(v)) walkOverrides(v, [...jsonPath, key], here, add);
  }
}

/** `foo@<2`, `a>b@1`, `@scope/x@^1` → the last package name in the selector. */
export function selectorPackage(selector: string): string {
  const last = selector.split('>').pop()!.trim();
  const at = last.indexOf('@', last.startsWith('@') ? 1 : 0);
  return at < 0 ? last : last.slice(0, at);
}

/** yarn resolutions: `**\/foo`, `a/b`, `@scope/a/@scope/b`, `foo@npm:1` → the last package name. */
export function resolutionPackage(key: string): string {
  const parts = key.split('/');
  let name = parts.pop() ?? key;
  const scope = parts[parts.length - 1];
  if (scope?.startsWith('@')) name = `${scope}/${name}`;
  return selectorPackage(name);
}

function workspaceGlobs(root: Rec): string[] {
  const ws = own(root, 'workspaces');
  const list = Array.isArray(ws) ? ws : own(ws, 'packages');
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
}

function bunCatalogs(path: string, root: Rec, json: JsonFile): Catalogs {
  const catalogs: Catalogs = new Map();
  const ws = ownRecord(root, 'workspaces');
  const read = (table: unknown, name: string, at: (string | number)[]) => {
    for (const [pkg, spec] of strings(table)) {
      if (!catalogs.has(name)) catalogs.set(name, new Map());
      catalogs.get(name)!.set(pkg, { spec, file: path, span: json.spanOf([...at, pkg]), path: [...at, pkg] });
    }
  };
  for (const [base, holder] of [
    [['workspaces'], ws],
    [[], root],
  ] as const) {
    if (holder === undefined) continue;
    read(own(holder, 'catalog'), 'default', [...base, 'catalog']);
    const named = ownRecord(holder, 'catalogs');
    for (const name of Object.keys(named ?? {})) read(own(named, name), name, [...base, 'catalogs', name]);
  }
  return catalogs;
}
