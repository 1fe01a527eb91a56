import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { isSeckitError } from '@seckit/core';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { loadAdvisoryDatabase } from '../src/audit/advisory-db.js';
import { zipEntries } from '../src/audit/zip-reader.js';
import { fixtureDatabase, fixtureRecords, makeZip } from './helpers/osv-db.js';

/**
 * A zip64 archive as large-archive writers make it: every size and offset saturated in the
 * classic fields and given in the zip64 extra field, the entry count in the zip64 end record.
 */
function makeZip64(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30 + name.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    name.copy(local, 30);
    local.writeUInt16LE(0x0001, 30 + name.length);
    local.writeUInt16LE(16, 32 + name.length);
    local.writeBigUInt64LE(BigInt(e.data.length), 34 + name.length);
    local.writeBigUInt64LE(BigInt(body.length), 42 + name.length);
    const dir = Buffer.alloc(46 + name.length + 28);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(45, 4);
    dir.writeUInt16LE(45, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(0xffffffff, 20);
    dir.writeUInt32LE(0xffffffff, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt16LE(28, 30);
    dir.writeUInt32LE(0xffffffff, 42);
    name.copy(dir, 46);
    dir.writeUInt16LE(0x0001, 46 + name.length);
    dir.writeUInt16LE(24, 48 + name.length);
    dir.writeBigUInt64LE(BigInt(e.data.length), 50 + name.length);
    dir.writeBigUInt64LE(BigInt(body.length), 58 + name.length);
    dir.writeBigUInt64LE(BigInt(offset), 66 + name.length);
    parts.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...parts, directory, end64, locator, end]);
}

const record = (id: string, name: string, extra: object = {}) => ({
  name: `${id}.json`,
  data: Buffer.from(
    JSON.stringify({
      id,
      affected: [{ package: { ecosystem: 'npm', name }, versions: ['1.0.0'] }],
      ...extra,
    }),
  ),
});
const load = (zip: Buffer, names?: string[]) =>
  loadAdvisoryDatabase({
    dir: fixtureDatabase({ npm: zip }),
    ecosystems: ['npm'],
    ...(names === undefined ? {} : { names: new Map([['npm' as const, new Set(names)]]) }),
  });
const problemsOf = (loaded: Awaited<ReturnType<typeof load>>) =>
  loaded.problems.map((p) => [path.basename(p.file), p.entry ?? null, p.message]);

describe('reading OSV zips', () => {
  it('zip64 archives (the layout of archives past 65,535 entries or 4 GiB)', async () => {
    const zip = makeZip64(fixtureRecords('npm'));
    expect(zipEntries(zip).map((e) => e.name)).toEqual(fixtureRecords('npm').map((r) => r.name));
    const loaded = await load(zip);
    expect(loaded.problems).toEqual([]);
    expect(loaded.match('npm', 'lodash', '4.17.20').map((m) => m.id)).toEqual(['GHSA-35jh-r3h4-6jhm']);
  });

  it('a saturated entry count without zip64 records: the directory is read to its end', async () => {
    const zip = makeZip(fixtureRecords('npm'));
    zip.writeUInt16LE(0xffff, zip.length - 22 + 8);
    zip.writeUInt16LE(0xffff, zip.length - 22 + 10);
    expect(zipEntries(zip)).toHaveLength(fixtureRecords('npm').length);
    expect((await load(zip)).match('npm', 'minimist', '1.2.5')).toHaveLength(1);
  });

  it('stored and deflated entries; folders inside the zip are not records', async () => {
    const zip = makeZip([
      { name: 'npm/', data: Buffer.alloc(0), store: true },
      { ...record('GHSA-stor-stor-stor', 'stored-pkg'), store: true },
      record('GHSA-defl-defl-defl', 'deflated-pkg'),
    ]);
    const loaded = await load(zip);
    expect(loaded.sources[0]).toMatchObject({ present: true, records: 2, skipped: 0 });
    expect(loaded.match('npm', 'stored-pkg', '1.0.0')).toHaveLength(1);
    expect(loaded.match('npm', 'deflated-pkg', '1.0.0')).toHaveLength(1);
  });
});

describe('a damaged database: the problem named, nothing else lost', () => {
  it('an entry whose deflate data is corrupt, or compressed by an unknown method', async () => {
    const zip = makeZip([
      record('GHSA-good-good-good', 'good-pkg'),
      { name: 'corrupt.json', data: Buffer.from('{"id": "GHSA-corr-corr-corr", "affected": []}') },
      { name: 'bzip2.json', data: Buffer.from('{"id": "GHSA-bzip-bzip-bzip"}'), store: true },
    ]);
    // corrupt the second entry's deflate stream (its first byte: the block header)
    const corrupt = zip.indexOf(Buffer.from('corrupt.json')) + 'corrupt.json'.length;
    zip[corrupt] = 0xff;
    zip[corrupt + 1] = 0xff;
    // declare compression method 12 (bzip2) for the third, in its central directory entry
    const central = zip.lastIndexOf(Buffer.from('bzip2.json')) - 46;
    zip.writeUInt16LE(12, central + 10);
    const loaded = await load(zip);
    expect(problemsOf(loaded)).toEqual([
      ['all.zip', 'corrupt.json', expect.stringMatching(/^cannot be decompressed/)],
      ['all.zip', 'bzip2.json', 'uses compression method 12; only stored and deflate are read'],
    ]);
    expect(loaded.match('npm', 'good-pkg', '1.0.0')).toHaveLength(1);
  });

  it('an entry whose data runs past the end of the file', async () => {
    const zip = makeZip([
      record('GHSA-good-good-good', 'good-pkg'),
      record('GHSA-long-long-long', 'long-pkg'),
    ]);
    const central = zip.lastIndexOf(Buffer.from('GHSA-long-long-long.json')) - 46;
    zip.writeUInt32LE(10_000_000, central + 20); // compressed size
    const loaded = await load(zip);
    expect(problemsOf(loaded)).toEqual([
      ['all.zip', 'GHSA-long-long-long.json', 'data cut short (truncated zip)'],
    ]);
    expect(loaded.match('npm', 'good-pkg', '1.0.0')).toHaveLength(1);
  });

  it.each([
    [
      'its start cut off (the directory lies past the end)',
      (zip: Buffer) => zip.subarray(200),
      /is not a readable zip \(the central directory lies beyond the end of the file \(truncated\?\)\): none of its advisories were used/,
    ],
    [
      'its end cut off',
      (zip: Buffer) => zip.subarray(0, zip.length - 10),
      /is not a readable zip \(not a zip archive, or one cut short/,
    ],
    [
      'a damaged central directory',
      (zip: Buffer) => {
        const copy = Buffer.from(zip);
        const second = copy.lastIndexOf(Buffer.from(fixtureRecords('npm')[1]!.name)) - 46;
        copy.writeUInt32LE(0, second);
        return copy;
      },
      /is not a readable zip \(central directory entry 2 of \d+ is damaged\)/,
    ],
  ])('%s: a problem of the file, the other ecosystem still matches', async (_, damage, message) => {
    const loaded = await loadAdvisoryDatabase({
      dir: fixtureDatabase({ npm: damage(makeZip(fixtureRecords('npm'))) }),
      ecosystems: ['npm', 'PyPI'],
    });
    expect(loaded.problems).toEqual([
      { file: expect.stringMatching(/osv-scanner\/npm\/all\.zip$/), message: expect.stringMatching(message) },
    ]);
    expect(loaded.sources.find((s) => s.ecosystem === 'npm')).toMatchObject({ present: true, records: 0 });
    expect(loaded.match('npm', 'lodash', '4.17.20')).toEqual([]);
    expect(loaded.match('PyPI', 'requests', '2.30.0')).toHaveLength(1);
  });

  it('records breaking the schema where it matters: each named, with the place in the record', async () => {
    const zip = makeZip([
      record('GHSA-good-good-good', 'good-pkg'),
      { name: 'array.json', data: Buffer.from('[1, 2]') },
      record('GHSA-evts-evts-evts', 'p', {
        affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'SEMVER', events: [] }] }],
      }),
      record('GHSA-twok-twok-twok', 'p', {
        affected: [
          {
            package: { ecosystem: 'npm', name: 'p' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }] }],
          },
        ],
      }),
      record('GHSA-noin-noin-noin', 'p', {
        affected: [
          {
            package: { ecosystem: 'npm', name: 'p' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '1.0.0' }] }],
          },
        ],
      }),
      record('GHSA-aff0-aff0-aff0', 'p', { affected: 'lodash' }),
    ]);
    const loaded = await load(zip);
    expect(problemsOf(loaded)).toEqual([
      ['all.zip', 'array.json', 'not a JSON object'],
      [
        'all.zip',
        'GHSA-evts-evts-evts.json',
        'GHSA-evts-evts-evts: affected[0].ranges[0]: "events" must be a non-empty list',
      ],
      [
        'all.zip',
        'GHSA-twok-twok-twok.json',
        'GHSA-twok-twok-twok: affected[0].ranges[0].events[0] must hold exactly one of introduced, fixed, last_affected, limit',
      ],
      [
        'all.zip',
        'GHSA-noin-noin-noin.json',
        'GHSA-noin-noin-noin: affected[0].ranges[0]: no "introduced" event',
      ],
      ['all.zip', 'GHSA-aff0-aff0-aff0.json', 'GHSA-aff0-aff0-aff0: "affected" is not a list'],
    ]);
    expect(loaded.match('npm', 'good-pkg', '1.0.0')).toHaveLength(1);
  });

  it('with package names given, only records naming one of them are parsed (escaped names too)', async () => {
    const zip = makeZip([
      // the name written with a JSON escape: still recognised as "lodash"
      {
        name: 'escaped.json',
        data: Buffer.from(
          String.raw`{"id":"GHSA-escp-escp-escp","affected":[{"package":{"ecosystem":"npm","name":"\u006codash"},"versions":["4.17.20"]}]}`,
        ),
      },
      {
        name: 'broken-other.json',
        data: Buffer.from('{"id": "GHSA-x", "affected": [{"package": {"name": "left-pad"'),
      },
      {
        name: 'broken-wanted.json',
        data: Buffer.from('{"id": "GHSA-y", "affected": [{"package": {"name": "lodash"'),
      },
    ]);
    const loaded = await load(zip, ['lodash']);
    expect(loaded.match('npm', 'lodash', '4.17.20').map((m) => m.id)).toEqual(['GHSA-escp-escp-escp']);
    // a damaged record naming no package of the project cannot change a verdict: not parsed
    expect(problemsOf(loaded)).toEqual([
      ['all.zip', 'broken-wanted.json', expect.stringMatching(/^not valid JSON/)],
    ]);
    // the database's age still counts every record
    expect(loaded.sources[0]!.records).toBe(3);
  });
});

describe('the database folder', () => {
  it('a folder that is a file is a usage error naming it', async () => {
    const dir = tempDir('seckit-osv-file-');
    const file = path.join(dir, 'osv');
    writeFileSync(file, 'not a folder');
    const error = await loadAdvisoryDatabase({ dir: file, ecosystems: ['npm'] }).catch((e) => e);
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toContain(`${file}: the advisory database must be a folder`);
  });

  it('a missing folder: every ecosystem "not present", nothing thrown', async () => {
    const loaded = await loadAdvisoryDatabase({
      dir: path.join(tempDir('seckit-osv-none-'), 'nowhere'),
      ecosystems: ['npm', 'PyPI'],
    });
    expect(loaded.sources.map((s) => [s.ecosystem, s.present, s.records])).toEqual([
      ['npm', false, 0],
      ['PyPI', false, 0],
    ]);
    expect(loaded.problems).toEqual([]);
  });

  it('an all.zip that is a folder is a problem of that file; zips of other ecosystems are never read', async () => {
    const dir = fixtureDatabase({ npm: undefined });
    mkdirSync(path.join(dir, 'osv-scanner', 'npm', 'all.zip'), { recursive: true });
    mkdirSync(path.join(dir, 'osv-scanner', 'Go'), { recursive: true });
    writeFileSync(path.join(dir, 'osv-scanner', 'Go', 'all.zip'), 'garbage, never opened');
    const loaded = await loadAdvisoryDatabase({ dir, ecosystems: ['npm', 'PyPI'] });
    expect(problemsOf(loaded)).toEqual([
      [
        'all.zip',
        null,
        expect.stringMatching(/^cannot be read \(EISDIR.*\): none of its advisories were used$/),
      ],
    ]);
    expect(loaded.sources.map((s) => s.ecosystem)).toEqual(['npm', 'PyPI']);
    expect(loaded.match('PyPI', 'requests', '2.30.0')).toHaveLength(1);
  });
});
