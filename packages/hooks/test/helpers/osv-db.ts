import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { makeZip } from './make-zip.mjs';

export { makeZip };

const RECORDS = fileURLToPath(new URL('../fixtures/osv/records', import.meta.url));

/** The fixture records of one ecosystem, as zip entries named `<id>.json` (OSV's layout). */
export function fixtureRecords(ecosystem: 'npm' | 'PyPI'): { name: string; data: Buffer }[] {
  const dir = path.join(RECORDS, ecosystem);
  return readdirSync(dir)
    .sort()
    .map((file) => ({ name: file, data: readFileSync(path.join(dir, file)) }));
}

/** A database folder in osv-scanner's layout holding the fixture records (or the given zips). */
export function fixtureDatabase(zips: Partial<Record<'npm' | 'PyPI', Buffer>> = {}): string {
  const dir = tempDir('seckit-osv-');
  for (const ecosystem of ['npm', 'PyPI'] as const) {
    const zip = ecosystem in zips ? zips[ecosystem] : makeZip(fixtureRecords(ecosystem));
    if (zip === undefined) continue;
    mkdirSync(path.join(dir, 'osv-scanner', ecosystem), { recursive: true });
    writeFileSync(path.join(dir, 'osv-scanner', ecosystem, 'all.zip'), zip);
  }
  return dir;
}
