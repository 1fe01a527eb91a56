import { loadYaml, type YamlFile } from '../parse/load-yaml.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString, type Rec } from '../parse/records.js';
import { lineColumn } from '../text-place.js';
import type { LockEntry, LockModel, RecordedSpecs, SourceKind } from './lock-model.js';

export interface PnpmLock extends LockModel {
  kind: 'pnpm';
  recorded(dir: string): RecordedSpecs | undefined;
  /** `catalogs.<name>.<pkg>.{specifier, version}`: what the catalog said when the lock was written. */
  catalogs: Map<string, Map<string, { specifier: string; version: string | undefined }>>;
  /** `overrides:` as the lockfile recorded them. */
  overrides: Map<string, string>;
  /** Importer path → dependency field → names, for dependency types of catalog users. */
  importerPaths(): string[];
  importerSpecs(dir: string): RecordedSpecs | undefined;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const GIT_TARBALL_HOSTS =
  /^https:\/\/(codeload\.github\.com|gitlab\.com\/.+\/-\/archive|bitbucket\.org\/.+\/get)\//i;

/**
 * pnpm-lock.yaml, lockfileVersion 9 (pnpm 9–10) and 6 (pnpm 8), one or several YAML documents
 * (pnpm 11 puts its own pin in a first document). Registry packages have no URL, only
 * `resolution.integrity`; tarball, git, directory and runtime (`variations`) resolutions are read
 * as such.
 */
export async function parsePnpmLock(path: string, text: string): Promise<PnpmLock> {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  // `snapshots` (the dependency graph, half the file) is checked for syntax but not built: no
  // check reads it, and pnpm takes each package's resolution from `packages`.
  const yaml = await loadYaml(text, path, 'E_LOCKFILE', { skim: ['snapshots'] });
  const docs = yaml.docs.filter((d) => d !== '');
  if (docs.length === 0) throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  let version = '';
  let project: Rec | undefined;
  const entries: LockEntry[] = [];
  for (const doc of docs) {
    if (!isRecord(doc)) throw new DepsParseError('E_LOCKFILE', path, 'expected a YAML mapping');
    const v = ownString(doc, 'lockfileVersion');
    const where = yaml.spanOf(doc, 'lockfileVersion')?.key;
    const at = where === undefined ? undefined : lineColumn(text, where.start);
    if (v === undefined)
      throw new DepsParseError('E_LOCKFILE', path, 'no "lockfileVersion": is this a pnpm lockfile?', at);
    const major = /^(\d+)\./.exec(v)?.[1];
    if (major !== '9' && major !== '6') {
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `unknown lockfileVersion "${v}" (seckit reads 6.x and 9.x)`,
        at,
      );
    }
    version = v;
    if (own(doc, 'importers') !== undefined || project === undefined) project = doc;
    collectPackages(doc, path, text, yaml, entries, major === '6');
  }
  const importers = ownRecord(project, 'importers');
  const importerKey = (dir: string) => (dir === '' ? '.' : dir);
  const specs = (dir: string): RecordedSpecs | undefined => {
    const importer = own(importers, importerKey(dir));
    // pnpm < 9 without importers: a single-project lock keeps them at the top level.
    const holder = isRecord(importer)
      ? importer
      : importers === undefined && dir === ''
        ? project
        : undefined;
    if (!isRecord(holder)) return undefined;
    const out: RecordedSpecs = new Map();
    for (const section of SECTIONS) {
      const map = new Map<string, string>();
      const table = ownRecord(holder, section);
      for (const name of Object.keys(table ?? {})) {
        const spec =
          ownString(own(table, name), 'specifier') ?? ownString(ownRecord(holder, 'specifiers'), name);
        if (spec !== undefined) map.set(name, spec);
      }
      out.set(section, map);
    }
    return out;
  };
  const catalogs = new Map<string, Map<string, { specifier: string; version: string | undefined }>>();
  const catalogTable = ownRecord(project, 'catalogs');
  for (const name of Object.keys(catalogTable ?? {})) {
    const table = ownRecord(catalogTable, name);
    const map = new Map<string, { specifier: string; version: string | undefined }>();
    for (const pkg of Object.keys(table ?? {})) {
      const specifier = ownString(own(table, pkg), 'specifier');
      if (specifier !== undefined)
        map.set(pkg, { specifier, version: ownString(own(table, pkg), 'version') });
    }
    catalogs.set(name, map);
  }

  const overrides = new Map<string, string>();
  for (const [key, value] of Object.entries(ownRecord(project, 'overrides') ?? {})) {
    if (typeof value === 'string') overrides.set(key, value);
  }
  return {
    kind: 'pnpm',
    path,
    text,
    version,
    entries,
    implicitRegistry: true,
    catalogs,
    overrides,
    hasImporter: (dir) => (importers === undefined ? dir === '' : isRecord(own(importers, importerKey(dir)))),
    resolvedVersion(dir, type, name) {
      const importer = own(importers, importerKey(dir)) ?? (dir === '' ? project : undefined);
      const sections =
        type === 'dependencies' || type === 'devDependencies' || type === 'optionalDependencies'
          ? [type]
          : SECTIONS;
      for (const section of sections) {
        const dep = own(ownRecord(importer, section), name);
        const raw = typeof dep === 'string' ? dep : ownString(dep, 'version');
        if (raw !== undefined) return plainVersion(raw);
      }
      return undefined;
    },
    recorded: specs,
    importerSpecs: specs,
    importerPaths: () => Object.keys(importers ?? {}),
  };
}

/** `4.17.21(peer@1.0.0)` → `4.17.21`; `string-width@4.2.3` (alias) → `4.2.3`; `link:…` → none. */
function plainVersion(raw: string): string | undefined {
  const v = raw.replace(/\(.*$/, '');
  if (v.startsWith('link:') || v.startsWith('file:') || /^[a-z+]+:\/\//i.test(v)) return undefined;
  const at = v.lastIndexOf('@');
  const version = at > 0 ? v.slice(at + 1) : v;
  return /^\d/.test(version) ? version : undefined;
}

function collectPackages(
  doc: Rec,
  path: string,
  text: string,
  yaml: YamlFile,
  entries: LockEntry[],
  v6: boolean,
): void {
  const packages = ownRecord(doc, 'packages');
  for (const key of Object.keys(packages ?? {})) {
    const pkg = packages![key];
    if (!isRecord(pkg)) {
      const span = yaml.spanOf(packages, key)?.key;
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `packages["${key}"] is not a mapping`,
        span && lineColumn(text, span.start),
      );
    }
    const { name, version } = splitKey(v6 && key.startsWith('/') ? key.slice(1) : key, pkg);
    const resolution = ownRecord(pkg, 'resolution');
    const keySpan = () => yaml.spanOf(packages, key)?.key;
    const field = (f: string) => () => {
      const res = yaml.spanOf(pkg, 'resolution');
      return (
        (resolution !== undefined ? yaml.spanOf(resolution, f)?.value : undefined) ?? res?.value ?? keySpan()
      );
    };
    const type = ownString(resolution, 'type');
    if (type === 'variations') {
      const variants = own(resolution, 'variants');
      (Array.isArray(variants) ? variants : []).forEach((variant, i) => {
        const res = ownRecord(variant, 'resolution');
        const url = ownString(res, 'url');
        const integrity = ownString(res, 'integrity');
        entries.push({
          key: `${key} (variant ${i + 1})`,
          name,
          ...(version === undefined ? {} : { version }),
          source: 'tarball',
          urls: url === undefined ? [] : [url],
          integrity: integrity === undefined ? [] : [integrity],
          integrityKind: 'sri',
          runtime: true,
          where: () => keySpan(),
        });
      });
      continue;
    }
    const tarball = ownString(resolution, 'tarball');
    const integrity = ownString(resolution, 'integrity');
    let source: SourceKind;
    const urls: string[] = [];
    if (type === 'directory') source = 'directory';
    else if (type === 'git') {
      source = 'git';
      const repo = ownString(resolution, 'repo');
      if (repo !== undefined) urls.push(repo);
    } else if (tarball !== undefined) {
      urls.push(tarball);
      source = tarball.startsWith('file:')
        ? 'file'
        : GIT_TARBALL_HOSTS.test(tarball)
          ? 'git'
          : /\/-\/[^/]+\.tgz$/.test(tarball.split(/[?#]/)[0]!)
            ? 'registry'
            : 'tarball';
    } else source = 'registry';
    entries.push({
      key,
      name,
      ...(version === undefined ? {} : { version }),
      source,
      urls,
      integrity: integrity === undefined ? [] : [integrity],
      integrityKind: 'sri',
      where(f) {
        if (f === 'url') return field(tarball !== undefined ? 'tarball' : 'repo')();
        if (f === 'integrity') return field('integrity')();
        return keySpan();
      },
    });
  }
}

/** `@scope/name@1.2.3`, `name@https://…`, `name@file:x`, `name@npm-mirror:1.2.3` (named registry). */
function splitKey(key: string, pkg: Rec): { name: string; version: string | undefined } {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  const name = ownString(pkg, 'name') ?? (at < 0 ? key : key.slice(0, at));
  const rest = at < 0 ? undefined : key.slice(at + 1).replace(/\(.*$/, '');
  const named = rest === undefined ? undefined : /^[a-z][\w-]*:(\d.*)$/i.exec(rest)?.[1];
  return { name, version: ownString(pkg, 'version') ?? named ?? rest };
}
