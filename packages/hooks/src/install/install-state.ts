import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { PackageManagerName } from './detect-package-manager.js';
import type { SavedFile, Snapshot } from './transaction.js';

/**
 * What `--uninstall` needs, kept in `<git dir>/seckit/` (never committed; per clone and per
 * worktree): each file sec-init changed with its bytes from before the first install, and a hash
 * of what sec-init left there. A file still holding what sec-init wrote is restored byte for byte;
 * one changed since is undone by removing only sec-init's parts. Git config values and the folders
 * it created are listed too. Another clone has no state: `--uninstall` there removes sec-init's
 * parts from each file (the committed files are the same; node_modules is per clone anyway).
 */
export interface InstallState {
  version: 1;
  installedBy: string;
  installRel: string;
  packageManager: PackageManagerName;
  files: StateFile[];
  createdDirs: string[];
  gitConfig: { key: string; before: string | null; after: string | null }[];
  /** Packages sec-init added to package.json (not those the user already had). */
  addedPackages: string[];
}

export interface StateFile {
  path: string;
  /** Name of the backup under `backup/`, or null when the file did not exist. */
  backup: string | null;
  mode: number | null;
  /** sha256 of the file as sec-init left it; null when sec-init left it absent. */
  written: string | null;
}

export const STATE_FILE = 'install.json';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readState(stateDir: string): Promise<InstallState | undefined> {
  try {
    const state = JSON.parse(await readFile(path.join(stateDir, STATE_FILE), 'utf8')) as InstallState;
    return state.version === 1 ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function readBackup(stateDir: string, file: StateFile): Promise<Buffer | undefined> {
  return file.backup === null ? undefined : readFile(path.join(stateDir, 'backup', file.backup));
}

/**
 * The state after an install: files first changed by an earlier sec-init keep their original
 * backup (so uninstall goes back to before the first install, not to the previous version);
 * everything else comes from this run's snapshot. `written` is re-hashed for every file.
 */
export async function saveState(options: {
  stateDir: string;
  gitRoot: string;
  previous: InstallState | undefined;
  snapshot: Snapshot;
  base: Omit<InstallState, 'files' | 'createdDirs' | 'gitConfig' | 'version'>;
  gitConfigAfter: Record<string, string | undefined>;
}): Promise<void> {
  const { stateDir, gitRoot, previous, snapshot } = options;
  const backupDir = path.join(stateDir, 'backup');
  await mkdir(backupDir, { recursive: true });
  const files: StateFile[] = [];
  const known = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const saved = new Map<string, SavedFile>(snapshot.files.map((f) => [f.path, f]));
  const paths = [...new Set([...known.keys(), ...saved.keys()])].sort();
  let next = 0;
  const taken = new Set((previous?.files ?? []).flatMap((f) => (f.backup === null ? [] : [f.backup])));
  const freshName = () => {
    while (taken.has(String(next))) next++;
    taken.add(String(next));
    return String(next);
  };
  for (const rel of paths) {
    const current = await readFile(path.join(gitRoot, rel)).catch(() => undefined);
    const old = known.get(rel);
    if (old !== undefined) {
      files.push({ ...old, written: current === undefined ? null : sha256(current) });
      continue;
    }
    const before = saved.get(rel);
    if (before === undefined) continue;
    // Files this run did not change are not worth keeping.
    if (
      before.data === undefined ? current === undefined : current !== undefined && before.data.equals(current)
    ) {
      continue;
    }
    let backup: string | null = null;
    if (before.data !== undefined) {
      backup = freshName();
      await writeFile(path.join(backupDir, backup), before.data);
    }
    files.push({
      path: rel,
      backup,
      mode: before.mode ?? null,
      written: current === undefined ? null : sha256(current),
    });
  }
  // Only folders that exist now were really created (a planned one may not have been needed).
  const createdDirs = [...new Set([...(previous?.createdDirs ?? []), ...snapshot.createdDirs])]
    .filter((dir) => existsSync(path.join(gitRoot, dir)))
    .sort();
  const gitConfig = new Map((previous?.gitConfig ?? []).map((c) => [c.key, c]));
  for (const [key, before] of Object.entries(snapshot.gitConfig)) {
    const after = options.gitConfigAfter[key] ?? null;
    const old = gitConfig.get(key);
    if (old !== undefined) gitConfig.set(key, { ...old, after });
    else if ((before ?? null) !== after) gitConfig.set(key, { key, before: before ?? null, after });
  }
  const state: InstallState = {
    version: 1,
    ...options.base,
    addedPackages: [...new Set([...(previous?.addedPackages ?? []), ...options.base.addedPackages])].sort(),
    files,
    createdDirs,
    gitConfig: [...gitConfig.values()],
  };
  await writeFileAtomic(path.join(stateDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state after a complete uninstall. */
export async function dropState(stateDir: string): Promise<void> {
  await rm(stateDir, { recursive: true, force: true });
}
