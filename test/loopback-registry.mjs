// An npm registry on 127.0.0.1 for the e2e tests, so that `npx sec-init` resolves our packed
// tarballs exactly as it will resolve the published packages: packuments and tarballs for every
// package in the tarball folder, a redirect to registry.npmjs.org for everything else. It speaks
// HTTPS with a certificate made for the run by openssl (a lockfile with plain-http URLs is
// something seckit rightly blocks; a company registry is HTTPS too). A separate process, so that
// tests can drive npm with spawnSync.
//   node test/loopback-registry.mjs <tarball dir> <work dir>
// Prints the registry's URL on one line once it listens; appends each path it served itself (not
// redirected) to <work dir>/served.log; the certificate to trust is <work dir>/cert.pem.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UPSTREAM = 'https://registry.npmjs.org';
const here = path.dirname(fileURLToPath(import.meta.url));
const { readTarballManifest } = await import(
  path.join(here, '../packages/hooks/dist/install/read-tarball-manifest.js')
);
const [tarballDir, workDir] = process.argv.slice(2);
const key = path.join(workDir, 'key.pem');
const cert = path.join(workDir, 'cert.pem');
try {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
    ].concat(['subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]),
    { stdio: 'pipe' },
  );
} catch (error) {
  process.stderr.write(
    `could not make the registry's certificate with openssl (${error.message}); install openssl (Debian: apt-get install openssl)\n`,
  );
  process.exit(1);
}

const packages = new Map();
for (const file of readdirSync(tarballDir).filter((f) => f.endsWith('.tgz'))) {
  const abs = path.join(tarballDir, file);
  const manifest = await readTarballManifest(abs);
  if (manifest === undefined || typeof manifest.name !== 'string') continue;
  const bytes = readFileSync(abs);
  packages.set(manifest.name, {
    file,
    manifest,
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  });
}

let base = '';
const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
  const urlPath = (req.url ?? '/').split('?')[0];
  const served = () => appendFileSync(path.join(workDir, 'served.log'), `${urlPath}\n`);
  const tarball = /^\/-\/tarballs\/([^/]+\.tgz)$/.exec(urlPath)?.[1];
  const own = [...packages.values()].find((p) => p.file === tarball);
  if (own !== undefined) {
    served();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(readFileSync(path.join(tarballDir, own.file)));
    return;
  }
  const published = packages.get(decodeURIComponent(urlPath.slice(1)));
  if (published !== undefined) {
    served();
    const { manifest } = published;
    const version = manifest.version;
    const dist = {
      tarball: `${base}-/tarballs/${published.file}`,
      integrity: published.integrity,
      shasum: published.shasum,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        name: manifest.name,
        'dist-tags': { latest: version },
        versions: { [version]: { ...manifest, _id: `${manifest.name}@${version}`, dist } },
      }),
    );
    return;
  }
  // Everything else is the public registry's: npm follows the redirect.
  res.writeHead(302, { location: `${UPSTREAM}${urlPath}` });
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  base = `https://127.0.0.1:${server.address().port}/`;
  process.stdout.write(`${base}\n`);
});
