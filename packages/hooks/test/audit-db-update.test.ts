import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isSeckitError } from '@seckit/core';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdvisoryDatabase } from '../src/audit/advisory-db.js';
import { updateAdvisoryDatabase } from '../src/audit/update-db.js';
import { fixtureDatabase, fixtureRecords, makeZip } from './helpers/osv-db.js';

// A real HTTP server on loopback. Each failure is tried over an existing database, which must
// come out byte for byte as it went in, with no temporary file left beside it.
const good = makeZip(fixtureRecords('npm'));
const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/ok/npm/all.zip': (res) => void res.writeHead(200, { 'content-type': 'application/zip' }).end(good),
  '/moved/npm/all.zip': (res) => void res.writeHead(302, { location: '/ok/npm/all.zip' }).end(),
  '/empty-zip/npm/all.zip': (res) => void res.writeHead(200).end(makeZip([])),
  '/not-osv/npm/all.zip': (res) =>
    void res.writeHead(200).end(makeZip([{ name: 'readme.json', data: Buffer.from('{"hello": "world"}') }])),
  '/error/npm/all.zip': (res) => void res.writeHead(500).end('boom'),
  // a captive portal or a proxy's error page: 200, but HTML
  '/portal/npm/all.zip': (res) =>
    void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>'),
  '/not-json/npm/all.zip': (res) =>
    void res.writeHead(200).end(makeZip([{ name: 'a.json', data: Buffer.from('<html>') }])),
  // headers promise the whole zip; the connection drops halfway through the body
  '/cut/npm/all.zip': (res) => {
    res.writeHead(200, { 'content-length': String(good.length) });
    res.write(good.subarray(0, good.length >> 1));
    setTimeout(() => res.socket?.destroy(), 20);
  },
};
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route === undefined) res.writeHead(404).end('not found');
    else route(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const npmFolder = (dir: string) => path.join(dir, 'osv-scanner', 'npm');
const old = makeZip([
  {
    name: 'GHSA-oldd-oldd-oldd.json',
    data: Buffer.from(
      JSON.stringify({
        id: 'GHSA-oldd-oldd-oldd',
        affected: [{ package: { ecosystem: 'npm', name: 'old' }, versions: ['1.0.0'] }],
      }),
    ),
  },
]);

describe('updateAdvisoryDatabase over a real HTTP server', () => {
  it('follows a redirect, replaces the old database, leaves no temporary file', async () => {
    const dir = fixtureDatabase({ npm: old, PyPI: undefined });
    const [done] = await updateAdvisoryDatabase({ dir, url: `${base}/moved`, ecosystems: ['npm'] });
    expect(done).toMatchObject({
      ecosystem: 'npm',
      bytes: good.length,
      records: fixtureRecords('npm').length,
    });
    expect(readdirSync(npmFolder(dir))).toEqual(['all.zip']);
    const loaded = await loadAdvisoryDatabase({ dir, ecosystems: ['npm'] });
    expect(loaded.match('npm', 'old', '1.0.0')).toEqual([]);
    expect(loaded.match('npm', 'lodash', '4.17.20')).toHaveLength(1);
  });

  it.each([
    [
      'a zip with no records',
      'empty-zip',
      /: not an OSV database \(it holds no records\); the database in use was left as it was$/,
    ],
    ['a zip of other JSON', 'not-osv', /: not an OSV database \(its records are not OSV records\)/],
    ['a zip of something else', 'not-json', /: not an OSV database \(Unexpected token/],
    [
      'a connection dropped halfway through',
      'cut',
      /\/cut\/npm\/all\.zip: download failed \(.+\); the database in use was left as it was$/,
    ],
    ['a 404', 'nowhere', /answered 404 Not Found; check the URL/],
    ['a 500', 'error', /answered 500 Internal Server Error; check the URL/],
    ['an HTML page instead of a zip', 'portal', /: not an OSV database \(not a zip archive/],
  ])('%s: a clear error, the database in use intact', async (_, route, message) => {
    const dir = fixtureDatabase({ npm: old, PyPI: undefined });
    const error = await updateAdvisoryDatabase({ dir, url: `${base}/${route}`, ecosystems: ['npm'] }).catch(
      (e) => e,
    );
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(readFileSync(path.join(npmFolder(dir), 'all.zip'))).toEqual(old);
    expect(readdirSync(npmFolder(dir))).toEqual(['all.zip']);
  });

  it('a server that is down: the existing database stays as it was', async () => {
    const dir = fixtureDatabase({ npm: old, PyPI: undefined });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await updateAdvisoryDatabase({
      dir,
      url: `http://127.0.0.1:${port}`,
      ecosystems: ['npm'],
    }).catch((e) => e);
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(readFileSync(path.join(npmFolder(dir), 'all.zip'))).toEqual(old);
  });

  it('a database folder that is a file: a usage error before any download', async () => {
    const file = path.join(tempDir('seckit-osv-update-'), 'db');
    writeFileSync(file, 'a file');
    const error = await updateAdvisoryDatabase({ dir: file, url: `${base}/ok`, ecosystems: ['npm'] }).catch(
      (e) => e,
    );
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `${file}: the advisory database must be a folder, not a file; point --db or "audit.database" in .seckit/policy.json at a folder`,
    );
    expect(readFileSync(file, 'utf8')).toBe('a file');
  });

  it('a folder that cannot be created: an error naming the file it could not write', async () => {
    const dir = tempDir('seckit-osv-update-');
    writeFileSync(path.join(dir, 'osv-scanner'), 'a file where the folder goes');
    const error = await updateAdvisoryDatabase({ dir, url: `${base}/ok`, ecosystems: ['npm'] }).catch(
      (e) => e,
    );
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toMatch(/osv-scanner.npm.all\.zip: cannot be written \(.*ENOTDIR/);
    expect(readFileSync(path.join(dir, 'osv-scanner'), 'utf8')).toBe('a file where the folder goes');
  });
});
