import { tomlLocator } from '../manifest/toml-locate.js';
import { loadToml } from '../parse/load-toml.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord, ownString, type Rec } from '../parse/records.js';
import { normalizePythonName } from '../specifier/pep508.js';
import type { Span } from '../text-place.js';
import type { LockEntry, LockModel, SourceKind } from './lock-model.js';

export interface PythonLock extends LockModel {
  kind: 'uv' | 'poetry';
  /** uv: `requires-dist` of the project itself (name + specifier), for drift against pyproject.toml. */
  requiresDist(): { name: string; spec: string }[] | undefined;
}

/**
 * `[[package]]` blocks in order, so the n-th parsed package can be pointed at: smol-toml gives no
 * positions, but array-of-tables order is preserved.
 */
function packageBlocks(text: string): Span[] {
  const starts: number[] = [];
  const re = /^[ \t]*\[\[[ \t]*package[ \t]*\]\][ \t]*(#.*)?$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

/** `needle` inside the package's block, else the `[[package]]` line itself. */
function within(text: string, block: Span | undefined, needle: string): Span | undefined {
  if (block === undefined) return undefined;
  const i = text.indexOf(needle, block.start);
  if (i >= 0 && i < block.end) return { start: i, end: i + needle.length };
  const eol = text.indexOf('\n', block.start);
  return { start: block.start, end: eol < 0 || eol > block.end ? block.end : eol };
}

/** uv.lock (`version = 1`): full file URLs and sha256 hashes per sdist and wheel. */
export async function parseUvLock(path: string, text: string): Promise<PythonLock> {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  const doc = await loadToml(text, path, 'E_LOCKFILE');
  const version = own(doc, 'version');
  if (version !== 1) {
    const at = tomlLocator(text).keyIn('', 'version');
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      version === undefined
        ? 'no "version": is this a uv lockfile?'
        : // A TOML table has no prototype to print with (`version.x = 1` makes one).
          `unknown uv.lock version ${typeof version === 'object' && version !== null ? 'table' : String(version)} (seckit reads 1)`,
      at && lineOf(text, at.start),
    );
  }
  const blocks = packageBlocks(text);
  const packages = own(doc, 'package');
  const list = Array.isArray(packages) ? packages : [];
  const entries: LockEntry[] = [];
  let root: Rec | undefined;
  list.forEach((pkg, i) => {
    if (!isRecord(pkg)) return;
    const name = ownString(pkg, 'name') ?? '';
    const v = ownString(pkg, 'version');
    const sourceTable = ownRecord(pkg, 'source') ?? {};
    const kind = Object.keys(sourceTable)[0];
    const sourceValue = kind === undefined ? undefined : ownString(sourceTable, kind);
    let source: SourceKind;
    const urls: string[] = [];
    if (kind === 'registry') {
      source = 'registry';
      if (sourceValue !== undefined && /^https?:/i.test(sourceValue)) urls.push(sourceValue);
    } else if (kind === 'git') {
      source = 'git';
      if (sourceValue !== undefined) urls.push(sourceValue);
    } else if (kind === 'url') {
      source = 'tarball';
      if (sourceValue !== undefined) urls.push(sourceValue);
    } else if (kind === 'path')
      source = /\.(whl|tar\.gz|zip)$/i.test(sourceValue ?? '') ? 'file' : 'directory';
    else source = kind === 'editable' || kind === 'virtual' ? 'workspace' : 'directory';
    if ((kind === 'editable' || kind === 'virtual') && (sourceValue === '.' || root === undefined))
      root ??= pkg;
    const files = [
      ownRecord(pkg, 'sdist'),
      ...(Array.isArray(own(pkg, 'wheels')) ? (own(pkg, 'wheels') as unknown[]) : []),
    ].filter(isRecord);
    const hashes: string[] = [];
    let unhashed = 0;
    for (const file of files) {
      const url = ownString(file, 'url');
      if (url !== undefined) urls.push(url);
      const hash = ownString(file, 'hash');
      if (hash === undefined) unhashed++;
      else hashes.push(hash);
    }
    const block = blocks[i];
    entries.push({
      key: v === undefined ? name : `${name}==${v}`,
      name: normalizePythonName(name),
      ...(v === undefined ? {} : { version: v }),
      source,
      urls,
      integrity: hashes,
      integrityKind: 'python',
      unhashedFiles: files.length === 0 && (source === 'registry' || source === 'tarball') ? 1 : unhashed,
      where(field) {
        if (field === 'url') return within(text, block, urls[0] ?? 'source');
        if (field === 'integrity') return within(text, block, hashes[0] ?? 'sdist');
        return within(text, block, `name = "${name}"`);
      },
    });
  });
  return pythonModel('uv', path, text, String(version), entries, () => {
    const dist = own(ownRecord(root, 'metadata'), 'requires-dist');
    if (!Array.isArray(dist)) return undefined;
    return dist.filter(isRecord).map((d) => ({
      name: normalizePythonName(ownString(d, 'name') ?? ''),
      spec: ownString(d, 'specifier') ?? '',
    }));
  });
}

const POETRY_VERSIONS = new Set(['1.1', '2.0', '2.1']);

/** poetry.lock (`[metadata] lock-version` 1.1 / 2.0 / 2.1): file names and hashes, non-PyPI sources. */
export async function parsePoetryLock(path: string, text: string): Promise<PythonLock> {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  const doc = await loadToml(text, path, 'E_LOCKFILE');
  const metadata = ownRecord(doc, 'metadata');
  const version = ownString(metadata, 'lock-version');
  if (version === undefined || !POETRY_VERSIONS.has(version)) {
    const at = tomlLocator(text).keyIn('metadata', 'lock-version');
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      version === undefined
        ? 'no [metadata] lock-version: is this a Poetry lockfile?'
        : `unknown lock-version "${version}" (seckit reads 1.1, 2.0 and 2.1)`,
      at && lineOf(text, at.start),
    );
  }
  // lock-version 1.1 kept the hashes apart, in [metadata.files].
  const legacyFiles = ownRecord(metadata, 'files');
  const blocks = packageBlocks(text);
  const packages = own(doc, 'package');
  const entries: LockEntry[] = [];
  (Array.isArray(packages) ? packages : []).forEach((pkg, i) => {
    if (!isRecord(pkg)) return;
    const name = ownString(pkg, 'name') ?? '';
    const v = ownString(pkg, 'version');
    const src = ownRecord(pkg, 'source');
    const type = ownString(src, 'type');
    const url = ownString(src, 'url');
    let source: SourceKind;
    if (type === undefined) source = 'registry';
    else if (type === 'git') source = 'git';
    else if (type === 'directory') source = 'directory';
    else if (type === 'file') source = 'file';
    else if (type === 'url') source = 'tarball';
    else source = 'registry'; // "legacy": a private index
    const rawFiles = own(pkg, 'files') ?? own(legacyFiles, name);
    const files = Array.isArray(rawFiles) ? rawFiles.filter(isRecord) : [];
    const hashes = files.map((f) => ownString(f, 'hash')).filter((h): h is string => h !== undefined);
    const block = blocks[i];
    entries.push({
      key: v === undefined ? name : `${name}==${v}`,
      name: normalizePythonName(name),
      ...(v === undefined ? {} : { version: v }),
      source,
      urls: url === undefined ? [] : [url],
      integrity: hashes,
      integrityKind: 'python',
      unhashedFiles:
        source === 'registry' || source === 'tarball'
          ? files.length === 0
            ? 1
            : files.length - hashes.length
          : 0,
      where(field) {
        if (field === 'url') return within(text, block, url ?? 'source');
        if (field === 'integrity') return within(text, block, hashes[0] ?? 'files');
        return within(text, block, `name = "${name}"`);
      },
    });
  });
  return pythonModel('poetry', path, text, version, entries, () => undefined);
}

function pythonModel(
  kind: 'uv' | 'poetry',
  path: string,
  text: string,
  version: string,
  entries: LockEntry[],
  requiresDist: () => { name: string; spec: string }[] | undefined,
): PythonLock {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    kind,
    path,
    text,
    version,
    entries,
    implicitRegistry: kind === 'poetry',
    hasImporter: () => undefined,
    resolvedVersion: (_dir, _type, name) => {
      const e = byName.get(normalizePythonName(name));
      return e?.source === 'registry' ? e.version : undefined;
    },
    requiresDist,
  };
}

function lineOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
