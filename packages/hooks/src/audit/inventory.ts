import path from 'node:path';
import { isRequirementsFile } from '../deps/file-kinds.js';
import { LOCAL_SOURCES, lockKindOf } from '../deps/lockfile/lock-model.js';
import { readLockfile } from '../deps/lockfile/read-lockfile.js';
import { readYarnV1 } from '../deps/lockfile/yarn-v1-read.js';
import { parseRequirements } from '../deps/manifest/requirements.js';
import { isRecord, type Rec } from '../deps/parse/records.js';
import { LineIndex } from '../deps/text-place.js';
import {
  bunGraph,
  chains,
  type DependencyGraph,
  npmGraph,
  pnpmGraph,
  poetryGraph,
  uvGraph,
  yarnBerryGraph,
  yarnV1Graph,
} from './dependency-paths.js';
import type { Ecosystem } from './osv-record.js';

/** One exact version a lockfile (or a fully pinned requirements line) installs. */
export interface InstalledPackage {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** Repo-relative path of the lockfile or requirements file, and the entry's line. */
  file: string;
  line: number;
  /** Names from a direct dependency down to this package (itself last); undefined: not known. */
  chain?: string[];
}

export interface Inventory {
  packages: InstalledPackage[];
  /** The files read. */
  files: string[];
  /**
   * Entries with no registry version to judge: workspace, link, folder, file and git sources;
   * requirements naming a URL, a path or an editable checkout.
   */
  notRegistry: number;
  /** Requirement lines that do not pin one exact version: never audited (a range has no version). */
  unpinned: { file: string; line: number; requirement: string }[];
  /** Lockfiles seckit knows but does not read (pdm.lock, pylock.toml, bun.lockb). */
  unread: string[];
  /** Requirements files named by `-r` that do not exist: nothing in them was judged. */
  missing: string[];
  /** Files that could not be read: each becomes a report error. */
  errors: { path: string; message: string }[];
}

/** Is this path one the audit reads? (lockfiles and pip requirements files) */
export function isAuditInput(rel: string): boolean {
  const base = path.posix.basename(rel);
  return lockKindOf(base) !== undefined || isRequirementsFile(rel);
}

/** `name @ url` (PEP 508), a bare URL, or a path to an archive or a folder. */
const DIRECT_REFERENCE =
  /^[^\s;]*\s*@\s*\S|^[a-z][a-z0-9+.-]*:\/\/|^\.{0,2}[/\\]|^\.$|\.(?:whl|zip|tar\.gz|tgz)$/i;

const PINNED =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9.!+_-]*)\s*(?:;.*)?$/;

/**
 * The exact versions `files` install. Only resolved versions are judged: a requirements line with
 * a range is listed as unpinned, never guessed at (osv-scanner's lowest-bound guess gives false
 * positives).
 */
export async function collectInventory(
  files: readonly string[],
  read: (rel: string) => Promise<string | undefined>,
): Promise<Inventory> {
  const inventory: Inventory = {
    packages: [],
    files: [],
    notRegistry: 0,
    unpinned: [],
    unread: [],
    missing: [],
    errors: [],
  };
  // Requirements files named by `-r` are installed with the file that names them, whatever their
  // name (`-r base.txt`): they are audited too, once each.
  const queue = [...files];
  const included = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    const text = await read(file);
    if (text === undefined) {
      if (included.has(file)) inventory.missing.push(file);
      continue;
    }
    const base = path.posix.basename(file);
    const kind = lockKindOf(base);
    if (kind === undefined) {
      if (isRequirementsFile(file) || included.has(file)) {
        inventory.files.push(file);
        for (const next of requirementPackages(file, text, inventory)) {
          if (queue.includes(next)) continue;
          included.add(next);
          queue.push(next);
        }
      }
      continue;
    }
    if (kind === 'bun-binary' || kind === 'other-python') {
      inventory.unread.push(file);
      continue;
    }
    let lock: Awaited<ReturnType<typeof readLockfile>>;
    try {
      lock = await readLockfile(file, text);
    } catch (error) {
      inventory.errors.push({ path: file, message: (error as Error).message });
      continue;
    }
    if (lock === undefined) {
      inventory.unread.push(file);
      continue;
    }
    inventory.files.push(file);
    const ecosystem: Ecosystem = lock.kind === 'uv' || lock.kind === 'poetry' ? 'PyPI' : 'npm';
    const graph = await graphOf(lock.kind, file, text, read);
    const chainOf = graph === undefined ? undefined : chains(graph);
    const lines = new LineIndex(text);
    for (const entry of lock.entries) {
      if (entry.version === undefined || LOCAL_SOURCES.has(entry.source) || entry.source === 'git') {
        inventory.notRegistry++;
        continue;
      }
      const chain = chainOf?.get(entry.key);
      inventory.packages.push({
        ecosystem,
        // Python readers normalise names (PEP 503) for matching; the key keeps them as written.
        name: ecosystem === 'PyPI' ? entry.key.split('==')[0] || entry.name : entry.name,
        version: entry.version,
        file,
        line: lines.position(entry.where('key')?.start ?? 0).line,
        ...(chain === undefined ? {} : { chain }),
      });
    }
  }
  return inventory;
}

async function graphOf(
  kind: string,
  file: string,
  text: string,
  read: (rel: string) => Promise<string | undefined>,
): Promise<DependencyGraph | undefined> {
  switch (kind) {
    case 'npm':
      return npmGraph(text);
    case 'pnpm':
      return pnpmGraph(text, file);
    case 'yarn-v1': {
      const manifestText = await read(path.posix.join(path.posix.dirname(file), 'package.json'));
      let manifest: Rec | undefined;
      try {
        const parsed: unknown = manifestText === undefined ? undefined : JSON.parse(manifestText);
        manifest = isRecord(parsed) ? parsed : undefined;
      } catch {
        manifest = undefined;
      }
      return yarnV1Graph(readYarnV1(text, file), manifest);
    }
    case 'yarn-berry':
      return yarnBerryGraph(text, file);
    case 'bun':
      return bunGraph(text);
    case 'uv':
      return uvGraph(text, file);
    case 'poetry':
      return poetryGraph(text, file, await read(path.posix.join(path.posix.dirname(file), 'pyproject.toml')));
    default:
      return undefined;
  }
}

/** Adds the file's pinned requirements; returns the repo-relative files it includes (`-r`). */
function requirementPackages(file: string, text: string, inventory: Inventory): string[] {
  const includes: string[] = [];
  for (const line of parseRequirements(text)) {
    if (
      line.kind === 'include' &&
      line.target !== undefined &&
      !/^[a-z][a-z0-9+.-]*:/i.test(line.target.text)
    ) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), line.target.text));
      if (!target.startsWith('../')) includes.push(target);
    }
    if (line.kind !== 'requirement') continue;
    const requirement = line.req.text.trim();
    // A URL, a path or an editable checkout installs no registry version: counted, not judged,
    // like a lockfile's git and folder entries.
    if (line.editable || DIRECT_REFERENCE.test(requirement)) {
      inventory.notRegistry++;
      continue;
    }
    const m = PINNED.exec(requirement);
    if (m === null || m[3]!.includes('*')) {
      inventory.unpinned.push({ file, line: line.line, requirement });
      continue;
    }
    inventory.packages.push({ ecosystem: 'PyPI', name: m[1]!, version: m[3]!, file, line: line.line });
  }
  return includes;
}
