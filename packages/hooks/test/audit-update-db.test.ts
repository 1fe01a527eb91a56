import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isSeckitError } from '@seckit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAdvisoryDatabase } from '../src/audit/update-db.js';
import { fixtureDatabase, fixtureRecords, makeZip } from './helpers/osv-db.js';

// A real HTTP server on loopback, serving what OSV's bucket serves (and what it must never be).
const zips = { npm: makeZip(fixtureRecords('npm')), PyPI: makeZip(fixtureRecords('PyPI')) };
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    const m = /^\/(ok|notzip|500)\/(npm|PyPI)\/all\.zip$/.exec(url);
    if (m === null) return void res.writeHead(404).end('not found');
    if (m[1] === '500') return void res.writeHead(500).end('boom');
    if (m[1] === 'notzip')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
    res.writeHead(200, { 'content-type': 'application/zip' }).end(zips[m[2] as 'npm' | 'PyPI']);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const npmZip = (dir: string) => path.join(dir, 'osv-scanner', 'npm', 'all.zip');

describe('seckit audit --update-db (updateAdvisoryDatabase)', () => {
  it('downloads each ecosystem into osv-scanner’s layout', async () => {
    const dir = fixtureDatabase({ npm: undefined, PyPI: undefined });
    const done = await updateAdvisoryDatabase({ dir, url: `${base}/ok/`, ecosystems: ['npm', 'PyPI'] });
    expect(done.map((d) => [d.ecosystem, d.records])).toEqual([
      ['npm', fixtureRecords('npm').length],
      ['PyPI', fixtureRecords('PyPI').length],
    ]);
    expect(readFileSync(npmZip(dir))).toEqual(zips.npm);
  });

  it.each([
    ['404', 'missing', /answered 404/],
    ['500', '500', /answered 500/],
    ['a body that is not a zip', 'notzip', /not an OSV database \(not a zip archive/],
  ])('%s: a clear error, and the database in use is left intact', async (_, route, message) => {
    const old = Buffer.from('previous database bytes');
    const dir = fixtureDatabase({ npm: old, PyPI: undefined });
    const error = await updateAdvisoryDatabase({ dir, url: `${base}/${route}`, ecosystems: ['npm'] }).catch(
      (e) => e,
    );
    expect(isSeckitError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(readFileSync(npmZip(dir))).toEqual(old);
    expect(existsSync(`${npmZip(dir)}.${process.pid}.download`)).toBe(false);
  });

  it('a server that is down: a clear error naming the URL', async () => {
    const dir = fixtureDatabase({ npm: undefined, PyPI: undefined });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await updateAdvisoryDatabase({
      dir,
      url: `http://127.0.0.1:${port}`,
      ecosystems: ['npm'],
    }).catch((e) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${port}/npm/all\\.zip: download failed \\(ECONNREFUSED\\)`),
    );
    expect(existsSync(npmZip(dir))).toBe(false);
  });
});
