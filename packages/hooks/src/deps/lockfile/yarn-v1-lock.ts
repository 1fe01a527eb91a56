import { DepsParseError } from '../parse/parse-error.js';
import { ownString } from '../parse/records.js';
import type { LockEntry, LockModel, SourceKind } from './lock-model.js';
import { readYarnV1 } from './yarn-v1-read.js';

export interface YarnV1Lock extends LockModel {
  kind: 'yarn-v1';
  /** Every `name@range` key: Yarn 1 records no per-workspace specifiers, only these. */
  hasDescriptor(name: string, spec: string): boolean;
  /** Whether any `name@…` key exists (Yarn 1 leaves workspace packages out entirely). */
  hasName(name: string): boolean;
}

/** yarn.lock written by Yarn 1 (`# yarn lockfile v1`). */
export function parseYarnV1Lock(path: string, text: string): YarnV1Lock {
  if (text.trim() === '') throw new DepsParseError('E_LOCKFILE', path, 'the lockfile is empty');
  const blocks = readYarnV1(text, path);
  if (blocks.length === 0 && !/^# yarn lockfile v1/m.test(text)) {
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      'no package entries and no "# yarn lockfile v1" header: not a Yarn 1 lockfile',
    );
  }
  const byDescriptor = new Map<string, LockEntry>();
  const entries: LockEntry[] = blocks.map((block) => {
    const first = block.keys[0]!;
    const { name, range } = splitDescriptor(first);
    const real = range.startsWith('npm:') ? splitDescriptor(range.slice(4)).name : name;
    const resolved = ownString(block.fields, 'resolved');
    const integrity = ownString(block.fields, 'integrity');
    const version = ownString(block.fields, 'version');
    const entry: LockEntry = {
      key: block.keys.join(', '),
      name: real,
      ...(real === name ? {} : { alias: name, aliasDeclared: true }),
      ...(version === undefined ? {} : { version }),
      source: sourceOf(resolved, range),
      urls: resolved === undefined ? [] : [resolved],
      integrity: integrity === undefined ? [] : [integrity],
      integrityKind: 'sri',
      where(field) {
        if (field === 'url') return block.valueSpans.get('resolved') ?? block.keySpan;
        if (field === 'integrity') return block.valueSpans.get('integrity') ?? block.keySpan;
        return block.keySpan;
      },
    };
    for (const key of block.keys) byDescriptor.set(key, entry);
    return entry;
  });
  const names = new Set([...byDescriptor.keys()].map((k) => splitDescriptor(k).name));
  return {
    kind: 'yarn-v1',
    path,
    text,
    version: '1',
    entries,
    implicitRegistry: false,
    hasImporter: () => undefined,
    resolvedVersion: (_dir, _type, name, spec) => byDescriptor.get(`${name}@${spec}`)?.version,
    hasDescriptor: (name, spec) => byDescriptor.has(`${name}@${spec}`),
    hasName: (name) => names.has(name),
  };
}

/** `@scope/name@^1.0.0` → name and range. */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
  return at < 0
    ? { name: descriptor, range: '' }
    : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

function sourceOf(resolved: string | undefined, range: string): SourceKind {
  if (resolved === undefined) {
    if (range.startsWith('link:')) return 'link';
    if (range.startsWith('file:') || range.startsWith('.') || range.startsWith('/')) {
      return /\.(tgz|tar\.gz|tar)$/i.test(range) ? 'file' : 'directory';
    }
    return 'registry';
  }
  if (/^(git\+|git:|ssh:|github:)/i.test(resolved) || /^https:\/\/codeload\.github\.com\//i.test(resolved))
    return 'git';
  if (/^https?:\/\/github\.com\/[^/]+\/[^/]+(\.git)?#[0-9a-f]+$/i.test(resolved)) return 'git';
  if (resolved.startsWith('file:')) return 'file';
  return /\/-\/[^/]+\.tgz$/.test(resolved.split(/[?#]/)[0]!) ? 'registry' : 'tarball';
}
