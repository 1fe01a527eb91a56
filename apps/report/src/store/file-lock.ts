import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { SeckitError } from '@seckit/core';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export interface FileLock {
  file: string;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return {
      pid: value.pid,
      host: value.host,
      since: String(value.since ?? 'an unknown time'),
      command: String(value.command ?? 'sec-report'),
    };
  } catch {
    return undefined;
  }
}

/**
 * An exclusive lock next to the database (`<db>.lock`, created with O_EXCL), held while a command
 * reads, changes and rewrites the database, so two writers never lose each other's changes.
 * A lock left by a process that no longer runs on this host is taken over; any other lock fails
 * with a message naming its holder. Readers take no lock: the database file is replaced atomically.
 */
export async function acquireLock(dbFile: string, name: string, command: string): Promise<FileLock> {
  const file = `${dbFile}.lock`;
  const shown = `${name}.lock`;
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return {
        file,
        async release() {
          const current = await readOwner(file);
          if (current?.pid === owner.pid && current.host === owner.host) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new SeckitError(
          'E_LOCK',
          `${shown}: cannot create the lock file (${(error as Error).message})`,
          {
            file: name,
          },
        );
      }
      const holder = await readOwner(file);
      if (holder !== undefined && holder.host === owner.host && !alive(holder.pid)) {
        await rm(file, { force: true });
        continue;
      }
      const who =
        holder === undefined
          ? 'another process (the lock file is unreadable)'
          : `\`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
      throw new SeckitError(
        'E_LOCK',
        `${name} is in use by ${who}; wait for it to finish, or delete ${shown} if that process is gone`,
        { file: name },
      );
    }
  }
  throw new SeckitError('E_LOCK', `${shown}: could not take over a stale lock; delete it and retry`, {
    file: name,
  });
}
