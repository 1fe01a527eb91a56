import { loadJson } from '../parse/load-json.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString, type Rec } from '../parse/records.js';
import { lineColumn } from '../text-place.js';
import type { LockEntry, LockModel, RecordedSpecs, SourceKind } from './lock-model.js';

export interface NpmLock extends LockModel {
  kind: 'npm';
  recorded(dir: string): RecordedSpecs | undefined;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * package-lock.json / npm-shrinkwrap.json, lockfileVersion 2 (npm 7–8) and 3 (npm 9+): the flat
 * `packages` map keyed by install path. Version 1 (npm 6) has no such map and is refused with a
 * message saying how to upgrade it.
 */
export function parseNpmLock(path: string, text: string): NpmLock {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  const json = loadJson(text, path, 'E_LOCKFILE');
  const root = json.value;
  if (!isRecord(root)) throw new DepsParseError('E_LOCKFILE', path, 'expected a JSON object');
  const version = own(root, 'lockfileVersion');
  const place = () => {
    const span = json.keySpanOf(['lockfileVersion']);
    return span === undefined ? undefined : lineColumn(text, span.start);
  };
  if (version === 1) {
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      'lockfileVersion 1 (npm 6) is not supported; run `npm install` with npm 7 or later to upgrade it to version 3',
      place(),
    );
  }
  if (version !== 2 && version !== 3) {
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      version === undefined
        ? 'no "lockfileVersion": is this an npm lockfile?'
        : `unknown lockfileVersion ${JSON.stringify(version)} (seckit reads 2 and 3)`,
      place(),
    );
  }
  const packages = ownRecord(root, 'packages');
  if (packages === undefined) throw new DepsParseError('E_LOCKFILE', path, 'no "packages" map', place());

  const entries: LockEntry[] = [];
  for (const key of Object.keys(packages)) {
    if (key === '') continue;
    const entry = packages[key];
    if (!isRecord(entry)) {
      const span = json.keySpanOf(['packages', key]);
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `packages["${key}"] is not an object`,
        span && lineColumn(text, span.start),
      );
    }
    entries.push(toEntry(key, entry, json));
  }
  // Installed under another name: fine when some package.json in the tree declares that alias.
  if (entries.some((e) => e.alias !== undefined)) {
    const declared = new Set<string>();
    for (const key of Object.keys(packages)) {
      for (const section of SECTIONS) {
        const deps = ownRecord(packages[key], section);
        for (const alias of Object.keys(deps ?? {})) {
          const spec = deps![alias];
          if (typeof spec === 'string' && spec.startsWith('npm:'))
            declared.add(`${alias}\0${aliasTarget(spec)}`);
        }
      }
    }
    for (const e of entries)
      if (e.alias !== undefined) e.aliasDeclared = declared.has(`${e.alias}\0${e.name}`);
  }

  return {
    kind: 'npm',
    path,
    text,
    version: String(version),
    entries,
    implicitRegistry: entries.some((e) => e.source === 'registry' && e.urls.length === 0),
    hasImporter: (dir) => dir === '' || isRecord(own(packages, dir)),
    resolvedVersion(dir, _type, name) {
      const nested = own(packages, dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`);
      const hoisted = own(packages, `node_modules/${name}`);
      const found = isRecord(nested) ? nested : hoisted;
      if (own(found, 'link') === true) return undefined;
      return ownString(found, 'version');
    },
    recorded(dir) {
      const entry = own(packages, dir);
      if (!isRecord(entry)) return undefined;
      const out: RecordedSpecs = new Map();
      for (const section of SECTIONS) {
        const map = new Map<string, string>();
        for (const [name, spec] of Object.entries(ownRecord(entry, section) ?? {})) {
          if (typeof spec === 'string') map.set(name, spec);
        }
        out.set(section, map);
      }
      return out;
    },
  };
}

function toEntry(key: string, entry: Rec, json: ReturnType<typeof loadJson>): LockEntry {
  const nm = key.lastIndexOf('node_modules/');
  const installedAs = nm < 0 ? key : key.slice(nm + 13);
  const name = ownString(entry, 'name') ?? installedAs;
  const resolved = ownString(entry, 'resolved');
  const integrity = ownString(entry, 'integrity');
  let source: SourceKind;
  if (own(entry, 'link') === true) source = 'link';
  else if (nm < 0)
    source = 'workspace'; // a workspace folder or link target
  else if (own(entry, 'inBundle') === true)
    source = 'bundled'; // comes inside its parent's tarball
  else if (resolved === undefined)
    source = 'registry'; // `omit-lockfile-registry-resolved`
  else if (resolved.startsWith('https://') && resolved.includes('/-/')) source = 'registry';
  else if (/^(git\+|git:|github:|gitlab:|bitbucket:)/i.test(resolved)) source = 'git';
  else if (resolved.startsWith('file:'))
    source = /\.(tgz|tar\.gz|tar)$/i.test(resolved) ? 'file' : 'directory';
  else source = /\/-\/[^/?#]+\.tgz([?#]|$)/.test(resolved) ? 'registry' : 'tarball';
  const alias = name !== installedAs ? installedAs : undefined;
  return {
    key,
    name,
    ...(alias === undefined ? {} : { alias, aliasDeclared: false }),
    ...(ownString(entry, 'version') === undefined ? {} : { version: ownString(entry, 'version')! }),
    source,
    urls: resolved !== undefined && source !== 'link' && source !== 'workspace' ? [resolved] : [],
    integrity: integrity === undefined ? [] : [integrity],
    integrityKind: 'sri',
    where(field) {
      if (field === 'url')
        return json.spanOf(['packages', key, 'resolved']) ?? json.keySpanOf(['packages', key]);
      if (field === 'integrity')
        return json.spanOf(['packages', key, 'integrity']) ?? json.keySpanOf(['packages', key]);
      return json.keySpanOf(['packages', key]);
    },
  };
}

/** `npm:string-width@^4.2.0` → `string-width`. */
function aliasTarget(spec: string): string {
  const rest = spec.slice(4);
  const at = rest.indexOf('@', rest.startsWith('@') ? 1 : 0);
  return at < 0 ? rest : rest.slice(0, at);
}
