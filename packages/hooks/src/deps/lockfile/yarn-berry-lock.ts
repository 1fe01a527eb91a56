import { loadYaml } from '../parse/load-yaml.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString } from '../parse/records.js';
import { lineColumn } from '../text-place.js';
import type { LockEntry, LockModel, RecordedSpecs, SourceKind } from './lock-model.js';
import { splitDescriptor } from './yarn-v1-lock.js';

export interface YarnBerryLock extends LockModel {
  kind: 'yarn-berry';
  /** A workspace's dependencies as the lockfile recorded them (dev and optional merged in). */
  recorded(dir: string): RecordedSpecs | undefined;
}

/** `__metadata.version` values written by Yarn 2 to 4. */
const KNOWN_VERSIONS = new Set(['4', '5', '6', '7', '8', '9', '10']);

/**
 * yarn.lock written by Yarn 2+ (a `__metadata` block): YAML whose keys are comma-joined
 * descriptors. Registry packages have no URL (`resolution: "name@npm:1.2.3"`, the registry comes
 * from .yarnrc.yml); `checksum` is a sha512 of Yarn's cache zip, not of the npm tarball.
 */
export async function parseYarnBerryLock(path: string, text: string): Promise<YarnBerryLock> {
  const yaml = await loadYaml(text, path, 'E_LOCKFILE');
  const doc = yaml.docs[0];
  if (!isRecord(doc)) throw new DepsParseError('E_LOCKFILE', path, 'expected a YAML mapping');
  const metadata = ownRecord(doc, '__metadata');
  const version = ownString(metadata, 'version');
  const where = yaml.spanOf(metadata, 'version')?.value;
  if (version === undefined || !KNOWN_VERSIONS.has(version)) {
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      version === undefined
        ? 'no __metadata.version: is this a Yarn lockfile?'
        : `unknown __metadata.version ${version} (seckit reads 4 to 10)`,
      where && lineColumn(text, where.start),
    );
  }
  const entries: LockEntry[] = [];
  const byDescriptor = new Map<string, LockEntry>();
  const workspaces = new Map<string, Record<string, unknown>>();
  for (const key of Object.keys(doc)) {
    if (key === '__metadata') continue;
    const block = doc[key];
    if (!isRecord(block)) {
      const span = yaml.spanOf(doc, key)?.key;
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `entry "${key}" is not a mapping`,
        span && lineColumn(text, span.start),
      );
    }
    const resolution = ownString(block, 'resolution') ?? '';
    const { name, range: locator } = splitDescriptor(resolution);
    const descriptors = key.split(/,\s*/);
    const { name: installedAs } = splitDescriptor(descriptors[0] ?? key);
    const protocol = /^([a-z]+):/.exec(locator)?.[1];
    let source: SourceKind;
    const urls: string[] = [];
    switch (protocol) {
      case 'npm':
        source = 'registry';
        break;
      case 'workspace':
        source = 'workspace';
        workspaces.set(locator.slice('workspace:'.length), block);
        break;
      case 'link':
        source = 'link';
        break;
      case 'portal':
        source = 'portal';
        break;
      case 'patch':
        source = 'patch';
        break;
      case 'exec':
        source = 'exec';
        break;
      case 'file':
        source = /\.(tgz|tar\.gz|tar)(::|$)/i.test(locator) ? 'file' : 'directory';
        break;
      default:
        if (/^(https?:\/\/|git\+|git:|ssh:|github:)/i.test(locator)) {
          const git =
            /#(commit|head|tag|semver)=/.test(locator) ||
            /\.git(#|$)/.test(locator) ||
            locator.startsWith('github:') ||
            locator.startsWith('git');
          source = git && !/\.(tgz|tar\.gz)$/.test(locator.split('#')[0]!) ? 'git' : 'tarball';
          urls.push(locator);
        } else source = 'registry';
    }
    const checksum = ownString(block, 'checksum');
    const v = ownString(block, 'version');
    const conditions = ownString(block, 'conditions');
    const entry: LockEntry = {
      key,
      name: name || installedAs,
      ...(name && installedAs !== name ? { alias: installedAs, aliasDeclared: true } : {}),
      ...(v === undefined ? {} : { version: v }),
      source,
      urls,
      integrity: checksum === undefined ? [] : [checksum],
      integrityKind: 'yarn-checksum',
      ...(conditions === undefined ? {} : { conditions }),
      where(field) {
        const f = field === 'url' ? 'resolution' : field === 'integrity' ? 'checksum' : undefined;
        return (f === undefined ? undefined : yaml.spanOf(block, f)?.value) ?? yaml.spanOf(doc, key)?.key;
      },
    };
    entries.push(entry);
    for (const d of descriptors) byDescriptor.set(d.trim(), entry);
  }
  const workspaceOf = (dir: string) => workspaces.get(dir === '' ? '.' : dir);
  return {
    kind: 'yarn-berry',
    path,
    text,
    version,
    entries,
    implicitRegistry: true,
    hasImporter: (dir) => workspaceOf(dir) !== undefined,
    resolvedVersion(_dir, _type, name, spec) {
      const entry = byDescriptor.get(`${name}@${spec}`) ?? byDescriptor.get(`${name}@npm:${spec}`);
      return entry?.source === 'registry' ? entry.version : undefined;
    },
    recorded(dir) {
      const ws = workspaceOf(dir);
      if (ws === undefined) return undefined;
      const merged = new Map<string, string>();
      for (const section of ['dependencies', 'peerDependencies']) {
        for (const [dep, spec] of Object.entries(ownRecord(ws, section) ?? {})) {
          if (typeof spec === 'string') merged.set(dep, spec);
        }
      }
      const meta = own(ws, 'dependenciesMeta');
      return new Map([
        ['merged', merged],
        ['meta', new Map(Object.keys(isRecord(meta) ? meta : {}).map((k) => [k, '']))],
      ]);
    },
  };
}
