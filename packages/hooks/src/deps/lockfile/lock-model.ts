import type { DependencyType } from '@seckit/core';
import type { Span } from '../text-place.js';

export type LockKind = 'npm' | 'pnpm' | 'yarn-v1' | 'yarn-berry' | 'bun' | 'uv' | 'poetry';

/** Where an entry's content comes from; local kinds are exempt from integrity and host checks. */
export type SourceKind =
  | 'registry'
  | 'tarball'
  | 'file'
  | 'git'
  | 'directory'
  | 'link'
  | 'workspace'
  | 'portal'
  | 'patch'
  | 'exec'
  | 'bundled';

// A local tarball (`file:../x.tgz`, as `sec-init --from` installs) is content on disk like a
// directory: yarn 1 records no hash for it, and no registry could be asked for one.
export const LOCAL_SOURCES: ReadonlySet<SourceKind> = new Set([
  'file',
  'directory',
  'link',
  'workspace',
  'portal',
  'bundled',
]);

export type IntegrityKind = 'sri' | 'yarn-checksum' | 'python';

/** One package record of a lockfile, the same shape for every format. */
export interface LockEntry {
  /** The key as written (`node_modules/lodash`, `lodash@4.17.21`, `lodash@npm:^4.17.0`): the finding's identity. */
  key: string;
  /** The package actually installed. */
  name: string;
  /** The name it is installed under, when different (an npm alias). */
  alias?: string;
  /** Whether some manifest in the lockfile declares that alias (`npm:<name>@…`); undefined if the format cannot say. */
  aliasDeclared?: boolean;
  version?: string;
  source: SourceKind;
  /** URLs it is fetched from, when the lockfile records them (registry packages often have none). */
  urls: string[];
  /** Hashes as written: SRI (`sha512-…`), yarn checksums, Python `sha256:…`. */
  integrity: string[];
  integrityKind: IntegrityKind;
  /** Python: files listed without a hash. */
  unhashedFiles?: number;
  /** A runtime binary (pnpm `variations`): its publisher only offers sha256. */
  runtime?: boolean;
  /** Yarn 2+ `conditions` (`os=darwin & cpu=arm64`): a package only some platforms install. */
  conditions?: string;
  where(field: 'key' | 'url' | 'integrity'): Span | undefined;
}

/** Specifiers a lockfile recorded for one manifest, per dependency field. */
export type RecordedSpecs = Map<string, Map<string, string>>;

export interface LockModel {
  kind: LockKind;
  path: string;
  text: string;
  /** As written (`3`, `'9.0'`, `1`, `2.1`…). */
  version: string;
  entries: LockEntry[];
  /** Registries the lockfile does not write down (pnpm, yarn berry, bun, npm without `resolved`). */
  implicitRegistry: boolean;
  /** Does it record the manifest in `dir` (relative to the lockfile's folder, "" for the same)? undefined: cannot say. */
  hasImporter(dir: string): boolean | undefined;
  /** The version it resolves for a direct dependency of the manifest in `dir`. */
  resolvedVersion(dir: string, type: DependencyType, name: string, spec: string): string | undefined;
}

/** npm-family lockfiles by file name, in the order the package managers prefer them. */
export const NODE_LOCKFILES = [
  'npm-shrinkwrap.json',
  'package-lock.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
] as const;
export const PYTHON_LOCKFILES = ['uv.lock', 'poetry.lock', 'pdm.lock', 'pylock.toml'] as const;

export function lockKindOf(basename: string): LockKind | 'bun-binary' | 'other-python' | undefined {
  switch (basename) {
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return 'npm';
    case 'pnpm-lock.yaml':
      return 'pnpm';
    case 'yarn.lock':
      return 'yarn-v1'; // berry is told apart by content
    case 'bun.lock':
      return 'bun';
    case 'bun.lockb':
      return 'bun-binary';
    case 'uv.lock':
      return 'uv';
    case 'poetry.lock':
      return 'poetry';
    case 'pdm.lock':
    case 'pylock.toml':
      return 'other-python';
    default:
      return /^pylock\.[^/]+\.toml$/.test(basename) ? 'other-python' : undefined;
  }
}
