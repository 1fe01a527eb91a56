import { loadJson } from '../parse/load-json.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString } from '../parse/records.js';
import { lineColumn } from '../text-place.js';
import type { LockEntry, LockModel, RecordedSpecs, SourceKind } from './lock-model.js';

export interface BunLock extends LockModel {
  kind: 'bun';
  recorded(dir: string): RecordedSpecs | undefined;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * bun.lock (text, JSONC with trailing commas; bun 1.2+). `packages` maps an install path to a
 * tuple whose first element is `name@resolution`: npm packages are
 * `[id, registry, info, integrity]` (registry "" = the default one), tarballs `[id, info, integrity]`,
 * git/github `[id, info, tag]`, folders, links and workspaces carry no hash.
 */
export function parseBunLock(path: string, text: string): BunLock {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  const json = loadJson(text, path, 'E_LOCKFILE', { jsonc: true });
  const root = json.value;
  if (!isRecord(root)) throw new DepsParseError('E_LOCKFILE', path, 'expected a JSON object');
  const version = own(root, 'lockfileVersion');
  if (version !== 0 && version !== 1) {
    const span = json.keySpanOf(['lockfileVersion']);
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      version === undefined
        ? 'no "lockfileVersion": is this a bun lockfile?'
        : `unknown lockfileVersion ${JSON.stringify(version)} (seckit reads 0 and 1)`,
      span && lineColumn(text, span.start),
    );
  }
  const packages = ownRecord(root, 'packages') ?? {};
  const workspaces = ownRecord(root, 'workspaces') ?? {};
  const declared = declaredAliases(workspaces, packages);
  const entries: LockEntry[] = [];
  for (const key of Object.keys(packages)) {
    const tuple = packages[key];
    const id = Array.isArray(tuple) ? tuple[0] : undefined;
    if (typeof id !== 'string') {
      const span = json.keySpanOf(['packages', key]);
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `packages["${key}"] is not a [name@version, …] entry`,
        span && lineColumn(text, span.start),
      );
    }
    const list = tuple as unknown[];
    const at = id.indexOf('@', id.startsWith('@') ? 1 : 0);
    const name = at < 0 ? id : id.slice(0, at);
    const resolution = at < 0 ? '' : id.slice(at + 1);
    let source: SourceKind;
    let integrityIndex = -1;
    const urls: string[] = [];
    if (resolution.startsWith('workspace:')) source = 'workspace';
    else if (resolution.startsWith('link:')) source = 'link';
    else if (resolution.startsWith('file:')) {
      source = /\.(tgz|tar\.gz|tar)$/i.test(resolution) ? 'file' : 'directory';
      if (source === 'file') integrityIndex = 2;
    } else if (/^(github:|gitlab:|bitbucket:|git\+|git:|ssh:|git@)/i.test(resolution)) {
      source = 'git';
      urls.push(resolution.replace(/^git\+/, 'git+'));
    } else if (/^https?:\/\//i.test(resolution)) {
      source = 'tarball';
      urls.push(resolution);
      integrityIndex = 2;
    } else {
      source = 'registry';
      integrityIndex = 3;
      const registry = list[1];
      if (typeof registry === 'string' && registry !== '') urls.push(registry);
    }
    const installedAs = installPathName(key);
    const alias = installedAs !== name ? installedAs : undefined;
    const integrity = integrityIndex >= 0 ? list[integrityIndex] : undefined;
    entries.push({
      key,
      name,
      ...(alias === undefined ? {} : { alias, aliasDeclared: declared.has(`${alias}\0${name}`) }),
      ...(source === 'registry' && resolution !== '' ? { version: resolution } : {}),
      source,
      urls,
      integrity: typeof integrity === 'string' ? [integrity] : [],
      integrityKind: 'sri',
      where(field) {
        if (field === 'integrity' && integrityIndex >= 0) {
          return json.spanOf(['packages', key, integrityIndex]) ?? json.keySpanOf(['packages', key]);
        }
        if (field === 'url')
          return (
            json.spanOf(['packages', key, source === 'registry' ? 1 : 0]) ?? json.keySpanOf(['packages', key])
          );
        return json.keySpanOf(['packages', key]);
      },
    });
  }
  const workspaceName = (dir: string) => ownString(own(workspaces, dir), 'name');
  return {
    kind: 'bun',
    path,
    text,
    version: String(version),
    entries,
    implicitRegistry: true,
    hasImporter: (dir) => isRecord(own(workspaces, dir)),
    resolvedVersion(dir, _type, name) {
      const ws = workspaceName(dir);
      const tuple =
        (ws !== undefined && dir !== '' ? own(packages, `${ws}/${name}`) : undefined) ?? own(packages, name);
      const id = Array.isArray(tuple) ? tuple[0] : undefined;
      if (typeof id !== 'string') return undefined;
      const version = id.slice(id.indexOf('@', id.startsWith('@') ? 1 : 0) + 1);
      return /^\d/.test(version) ? version : undefined;
    },
    recorded(dir) {
      const ws = own(workspaces, dir);
      if (!isRecord(ws)) return undefined;
      const out: RecordedSpecs = new Map();
      for (const section of SECTIONS) {
        const map = new Map<string, string>();
        for (const [name, spec] of Object.entries(ownRecord(ws, section) ?? {})) {
          if (typeof spec === 'string') map.set(name, spec);
        }
        out.set(section, map);
      }
      return out;
    },
  };
}

/** `a/@scope/b/c` (bun's nested install path) → `c`; `@scope/x` → `@scope/x`. */
function installPathName(key: string): string {
  const segments = key.split('/');
  const last = segments[segments.length - 1] ?? key;
  const before = segments[segments.length - 2];
  return before?.startsWith('@') ? `${before}/${last}` : last;
}

/** `alias\0real` for every `npm:real@…` specifier a workspace or package declares. */
function declaredAliases(
  workspaces: Record<string, unknown>,
  packages: Record<string, unknown>,
): Set<string> {
  const out = new Set<string>();
  const scan = (deps: unknown) => {
    if (!isRecord(deps)) return;
    for (const [alias, spec] of Object.entries(deps)) {
      if (typeof spec !== 'string' || !spec.startsWith('npm:')) continue;
      const rest = spec.slice(4);
      const at = rest.indexOf('@', rest.startsWith('@') ? 1 : 0);
      out.add(`${alias}\0${at < 0 ? rest : rest.slice(0, at)}`);
    }
  };
  for (const ws of Object.values(workspaces)) for (const section of SECTIONS) scan(own(ws, section));
  for (const tuple of Object.values(packages)) {
    if (!Array.isArray(tuple)) continue;
    for (const part of tuple) if (isRecord(part)) for (const section of SECTIONS) scan(own(part, section));
  }
  return out;
}
