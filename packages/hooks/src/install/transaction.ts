import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { readLocalConfig, writeLocalConfig } from './git-config.js';
import { toPosix } from './resolve-layout.js';

/** One file as it was before sec-init touched it (`data` undefined: it did not exist). */
export interface SavedFile {
  /** Repository-relative POSIX path. */
  path: string;
  data: Buffer | undefined;
  mode: number | undefined;
}

/** Everything needed to put a repository back the way it was. */
export interface Snapshot {
  files: SavedFile[];
  /** Folders that did not exist (created by sec-init, its package manager or husky). */
  createdDirs: string[];
  /** `--local` git config values before, by key (`undefined`: unset). */
  gitConfig: Record<string, string | undefined>;
}

interface JournalFile {
  version: 1;
  files: { path: string; backup: string | null; mode: number | null }[];
  createdDirs: string[];
  gitConfig: Record<string, string | null>;
}

const JOURNAL = 'journal';

/**
 * The files, folders and git settings an install may change, saved before the first write: to
 * memory for the rollback of this run, and to `<git dir>/seckit/journal/` so that a run killed
 * half-way (Ctrl-C, a crash, a closed terminal) is rolled back by the next sec-init. The journal
 * lives in the git folder: never committed, and per worktree.
 */
export class Transaction {
  private constructor(
    private readonly gitRoot: string,
    private readonly stateDir: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly snapshot: Snapshot,
  ) {}

  static async begin(options: {
    gitRoot: string;
    stateDir: string;
    env: NodeJS.ProcessEnv;
    files: readonly string[];
    dirs: readonly string[];
    gitConfigKeys: readonly string[];
  }): Promise<Transaction> {
    const { gitRoot, stateDir, env } = options;
    const unique = [...new Set(options.files.map((f) => path.resolve(gitRoot, f)))];
    const files: SavedFile[] = [];
    for (const abs of unique) files.push(await saveFile(gitRoot, abs));
    // Every missing ancestor of a file we may create counts as created too.
    const dirs = new Set<string>();
    for (const abs of [
      ...unique.map((f) => path.dirname(f)),
      ...options.dirs.map((d) => path.resolve(gitRoot, d)),
    ]) {
      for (let d = abs; d.startsWith(gitRoot) && d !== gitRoot; d = path.dirname(d)) {
        if (!existsSync(d)) dirs.add(toPosix(path.relative(gitRoot, d)));
      }
    }
    const gitConfig: Record<string, string | undefined> = {};
    for (const key of options.gitConfigKeys) gitConfig[key] = await readLocalConfig(gitRoot, key, env);
    const snapshot: Snapshot = { files, createdDirs: [...dirs].sort(), gitConfig };
    const tx = new Transaction(gitRoot, stateDir, env, snapshot);
    await tx.writeJournal();
    return tx;
  }

  /** Puts back every saved file byte for byte, removes created folders, restores git config. */
  async rollback(): Promise<void> {
    await restoreSnapshot(this.gitRoot, this.snapshot, this.env);
    await this.finish();
  }

  /** The changes stay: drop the journal. */
  async finish(): Promise<void> {
    await rm(path.join(this.stateDir, JOURNAL), { recursive: true, force: true });
  }

  private async writeJournal(): Promise<void> {
    const dir = path.join(this.stateDir, JOURNAL);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const journal: JournalFile = {
      version: 1,
      files: [],
      createdDirs: this.snapshot.createdDirs,
      gitConfig: {},
    };
    for (const [i, file] of this.snapshot.files.entries()) {
      if (file.data !== undefined) await writeFile(path.join(dir, String(i)), file.data);
      journal.files.push({
        path: file.path,
        backup: file.data === undefined ? null : String(i),
        mode: file.mode ?? null,
      });
    }
    for (const [key, value] of Object.entries(this.snapshot.gitConfig))
      journal.gitConfig[key] = value ?? null;
    // Written last: a journal file present means the backups next to it are complete.
    await writeFileAtomic(path.join(dir, 'journal.json'), `${JSON.stringify(journal, null, 2)}\n`);
  }
}

async function saveFile(gitRoot: string, abs: string): Promise<SavedFile> {
  const rel = toPosix(path.relative(gitRoot, abs));
  try {
    const [data, info] = await Promise.all([readFile(abs), stat(abs)]);
    return { path: rel, data, mode: info.mode & 0o7777 };
  } catch {
    return { path: rel, data: undefined, mode: undefined };
  }
}

/** Restores files, folders and git config from a snapshot (rollback and `--uninstall` share it). */
export async function restoreSnapshot(
  gitRoot: string,
  snapshot: Snapshot,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  for (const file of snapshot.files) {
    const abs = path.join(gitRoot, file.path);
    if (file.data === undefined) {
      await rm(abs, { force: true });
      continue;
    }
    const current = await readFile(abs).catch(() => undefined);
    if (current === undefined || !current.equals(file.data)) await writeFileAtomic(abs, file.data, file.mode);
    if (file.mode !== undefined && ((await stat(abs)).mode & 0o7777) !== file.mode)
      await chmod(abs, file.mode);
  }
  // Deepest first, so a created parent is empty by the time it is removed.
  for (const dir of [...snapshot.createdDirs].sort((a, b) => b.length - a.length)) {
    await removeCreatedDir(path.join(gitRoot, dir));
  }
  for (const [key, value] of Object.entries(snapshot.gitConfig)) {
    if ((await readLocalConfig(gitRoot, key, env)) !== value)
      await writeLocalConfig(gitRoot, key, value, env);
  }
}

/**
 * Removes a folder sec-init created. node_modules and husky's `_` hold only what the install put
 * there, so they go entirely; any other folder only when empty, so a file the user added since is
 * never deleted.
 */
async function removeCreatedDir(abs: string): Promise<void> {
  const name = path.basename(abs);
  if (name === 'node_modules' || (name === '_' && path.basename(path.dirname(abs)) === '.husky')) {
    await rm(abs, { recursive: true, force: true });
    return;
  }
  try {
    if ((await readdir(abs)).length === 0) await rmdir(abs);
  } catch {
    // Already gone.
  }
}

/**
 * A journal left by an interrupted run, restored and removed. Returns the number of files put
 * back, or `undefined` when there was no journal.
 */
export async function recoverInterrupted(
  gitRoot: string,
  stateDir: string,
  env: NodeJS.ProcessEnv,
): Promise<number | undefined> {
  const dir = path.join(stateDir, JOURNAL);
  let journal: JournalFile;
  try {
    journal = JSON.parse(await readFile(path.join(dir, 'journal.json'), 'utf8')) as JournalFile;
  } catch {
    // No journal, or one whose writing was itself interrupted (nothing was changed after it).
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
  const files: SavedFile[] = [];
  for (const file of journal.files) {
    files.push({
      path: file.path,
      data: file.backup === null ? undefined : await readFile(path.join(dir, file.backup)),
      mode: file.mode ?? undefined,
    });
  }
  const gitConfig: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(journal.gitConfig)) gitConfig[key] = value ?? undefined;
  await restoreSnapshot(gitRoot, { files, createdDirs: journal.createdDirs, gitConfig }, env);
  await rm(dir, { recursive: true, force: true });
  return files.length;
}
