import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SeckitError } from '@seckit/core';
import { acquireLock, type FileLock } from './file-lock.js';
import { type MigrateResult, migrate } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Database } from './sql-types.js';
import { loadSqlite } from './sqlite.js';
import { writeAtomic } from './write-atomic.js';

/** `PRAGMA application_id` of every sec-report database ("SREP"): tells ours from other SQLite files. */
export const APPLICATION_ID = 0x53524550;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface Store {
  db: Database;
  file: string;
  /** True when the file did not exist and this store will create it. */
  created: boolean;
  migration: MigrateResult;
  /** Write the database back (atomically). Only for stores opened with `mode: 'write'`. */
  save(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  file: string;
  /** How messages name the file (as the user gave it); default: `file`. */
  name?: string;
  /** `write` takes the lock and allows `save`; `read` works on a private in-memory copy. */
  mode: 'read' | 'write';
  /** The command, recorded in the lock file so a second writer can say who holds it. */
  command: string;
  /** Create the database when the file does not exist (ingest); otherwise that is an error. */
  create?: boolean;
  migrations?: readonly Migration[];
}

function missing(file: string): SeckitError {
  return new SeckitError(
    'E_DB',
    `${file}: no database here yet; run \`sec-report ingest <reports…>\` first, or pass --db <file>`,
    { file },
  );
}

async function readDatabaseFile(file: string, name: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR')
      throw new SeckitError('E_DB', `${name}: is a folder; --db expects a file`, { file: name });
    throw new SeckitError('E_DB', `${name}: cannot be read (${(error as Error).message})`, { file: name });
  }
}

/**
 * Per-connection settings. The database lives in memory (sql.js) and reaches the disk only through
 * `save()`'s atomic rename, so SQLite's own rollback journal need not be a file: keeping it in
 * memory still allows ROLLBACK, and saves copying every changed page once more.
 */
function tune(db: Database): void {
  db.exec(
    'PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536',
  );
}

function checkOurs(db: Database, name: string): void {
  const appId = db.exec('PRAGMA application_id')[0]?.values[0]?.[0];
  if (appId === APPLICATION_ID) return;
  const tables = db.exec("SELECT count(*) FROM sqlite_master WHERE type = 'table'")[0]?.values[0]?.[0];
  if (appId === 0 && tables === 0) return;
  throw new SeckitError(
    'E_DB',
    `${name}: is an SQLite database, but not one sec-report wrote; choose another --db file`,
    { file: name },
  );
}

/**
 * Open (or create) the report database. The whole file is loaded into an in-memory SQLite
 * (sql.js has no file system), migrated to the current schema, and written back atomically by
 * `save()`. Writers hold `<file>.lock` from before the read until after the write.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { file, mode } = options;
  const name = options.name ?? file;
  if (options.create === true) await mkdir(path.dirname(file), { recursive: true });
  else
    await access(file).catch(() => {
      throw missing(name);
    });
  const lock: FileLock | undefined =
    mode === 'write' ? await acquireLock(file, name, options.command) : undefined;
  try {
    const bytes = await readDatabaseFile(file, name);
    if (bytes === undefined && options.create !== true) throw missing(name);
    if (bytes !== undefined && bytes.length > 0) {
      const magic = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
      if (magic !== SQLITE_MAGIC) {
        throw new SeckitError('E_DB', `${name}: is not an SQLite database; choose another --db file`, {
          file: name,
        });
      }
    }
    const SQL = await loadSqlite();
    let db: Database;
    try {
      db = new SQL.Database(bytes !== undefined && bytes.length > 0 ? bytes : undefined);
      tune(db);
      checkOurs(db, name);
    } catch (error) {
      if (error instanceof SeckitError) throw error;
      throw new SeckitError('E_DB', `${name}: the database is damaged (${(error as Error).message})`, {
        file: name,
        cause: error,
      });
    }
    const created = bytes === undefined;
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    const migration = migrate(db, options.migrations ?? MIGRATIONS, name);
    let closed = false;
    return {
      db,
      file,
      created,
      migration,
      async save() {
        if (lock === undefined) throw new Error('save() on a store opened for reading');
        await writeAtomic(file, db.export());
        // export() closes and reopens the connection, which resets pragmas.
        tune(db);
      },
      async close() {
        if (closed) return;
        closed = true;
        db.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
