import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SeckitError } from '@seckit/core';
import { databaseFile } from './advisory-db.js';
import type { Ecosystem } from './osv-record.js';
import { extractEntry, ZipError, zipEntries } from './zip-reader.js';

/** OSV's public bucket: `<url>/<Ecosystem>/all.zip`. */
export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

export interface Downloaded {
  ecosystem: Ecosystem;
  file: string;
  bytes: number;
  records: number;
}

/**
 * Downloads each ecosystem's `all.zip` into osv-scanner's layout under `dir`. Each download goes
 * to a temporary file beside the old database, is checked (a zip whose first record is OSV JSON),
 * and only then replaces it: a failed or partial download never destroys the database in use.
 */
export async function updateAdvisoryDatabase(options: {
  dir: string;
  url: string;
  ecosystems: readonly Ecosystem[];
}): Promise<Downloaded[]> {
  const done: Downloaded[] = [];
  // A folder that is a file is a usage error: said before any download, not after.
  const info = await stat(options.dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) {
    throw new SeckitError(
      'E_AUDIT_DB',
      `${options.dir}: the advisory database must be a folder, not a file; point --db or "audit.database" in .seckit/policy.json at a folder`,
    );
  }
  for (const ecosystem of options.ecosystems) {
    const url = `${options.url.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
    const file = databaseFile(options.dir, ecosystem);
    let body: Buffer;
    try {
      const response = await fetch(url, { redirect: 'follow' });
      if (!response.ok) {
        throw new SeckitError(
          'E_AUDIT_DB',
          `${url}: the server answered ${response.status} ${response.statusText}; check the URL (audit.updateUrl in .seckit/policy.json or --db-url)`,
        );
      }
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof SeckitError) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SeckitError(
        'E_AUDIT_DB',
        `${url}: download failed (${cause?.code ?? cause?.message ?? (error as Error).message}); the database in use was left as it was`,
      );
    }
    let records: number;
    try {
      const entries = zipEntries(body).filter((e) => !e.name.endsWith('/'));
      const first = entries[0];
      if (first === undefined) throw new ZipError('it holds no records');
      const record = JSON.parse(extractEntry(body, first).toString('utf8')) as { id?: unknown };
      if (typeof record.id !== 'string') throw new ZipError('its records are not OSV records');
      records = entries.length;
    } catch (error) {
      throw new SeckitError(
        'E_AUDIT_DB',
        `${url}: not an OSV database (${(error as Error).message}); the database in use was left as it was`,
      );
    }
    const temporary = `${file}.${process.pid}.download`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, body);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined); // its folder may not exist
      throw new SeckitError('E_AUDIT_DB', `${file}: cannot be written (${(error as Error).message})`);
    }
    done.push({ ecosystem, file, bytes: body.length, records });
  }
  return done;
}
