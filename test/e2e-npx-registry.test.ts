import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readJson, run, scenario, unpinnedDependency, writeFiles } from './e2e-helpers.js';

// `npx sec-init` as users will run it once the packages are published, with no --from anywhere:
// npx fetches sec-init from a registry, sec-init installs @seckit/hooks (and the @seckit packages
// it depends on) from that registry, husky and lint-staged come from the public one. The registry
// is ours on 127.0.0.1 (test/loopback-registry.mjs) serving the packed tarballs, the way a team's
// own registry (set in .npmrc) would.

const SERVER = fileURLToPath(new URL('./loopback-registry.mjs', import.meta.url));
const work = tempDir('seckit-registry-');
const trusted = path.join(work, 'trusted.pem');

/**
 * What npm should trust: the authorities it trusts already (its `cafile`, else Node's with
 * NODE_EXTRA_CA_CERTS) plus the registry's certificate, as a company adds its own CA.
 */
function writeTrustedCertificates(): void {
  const cafile = spawnSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).stdout.trim();
  const existing = [cafile, process.env.NODE_EXTRA_CA_CERTS ?? '']
    .filter((f) => f !== '' && f !== 'null' && f !== 'undefined' && existsSync(f))
    .map((f) => readFileSync(f, 'utf8'));
  const ours = readFileSync(path.join(work, 'cert.pem'), 'utf8');
  writeFileSync(trusted, [...rootCertificates, ...existing, ours].join('\n'));
}
const pkg = { name: 'npx-app', version: '1.0.0', private: true };
let url = '';
let stop = () => {};

beforeAll(async () => {
  const child = spawn(process.execPath, [SERVER, inject('tarballDir'), work], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stop = () => child.kill();
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`the loopback registry exited (${code}):\n${err}`)));
  });
}, 60_000);

afterAll(() => stop());
beforeAll(writeTrustedCertificates);

const npxSecInit = (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
  run('npx', ['--yes', 'sec-init@0.1.0', ...args], cwd, env);

describe('npx sec-init from a registry', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
        'index.js': "console.log('npx');\n",
        '.gitignore': 'node_modules/\n',
      },
      // The registry's certificate is trusted the way a company's own CA would be.
      env: { npm_config_cafile: trusted, NODE_EXTRA_CA_CERTS: trusted },
      setup: (dir) => writeFiles(dir, { '.npmrc': `registry=${url}\n` }),
      secInit: npxSecInit,
      secretFile: 'config/prod.ini',
      cleanFile: 'src/clean.js',
      unpinned: unpinnedDependency('package.json', pkg),
    },
    (state) => {
      it('got sec-init and every @seckit package from the registry, at exact versions', () => {
        const { dir, install } = state();
        expect(install.output).toContain('seckit is installed');
        const served = readFileSync(path.join(work, 'served.log'), 'utf8').split('\n');
        for (const name of ['sec-init', '@seckit/hooks', '@seckit/core', '@seckit/secretlint-rule-preset']) {
          expect(
            served.some((p) => decodeURIComponent(p) === `/${name}`),
            name,
          ).toBe(true);
        }
        expect(served.some((p) => p.startsWith('/-/tarballs/sec-init-'))).toBe(true);
        const manifest = readJson(dir, 'package.json');
        expect(manifest.devDependencies['@seckit/hooks']).toBe('0.1.0');
        // The registry's integrity, recorded (where it came from may be left out of the lockfile:
        // npm's omit-lockfile-registry-resolved).
        const lock = readJson(dir, 'package-lock.json');
        expect(lock.packages['node_modules/@seckit/hooks'].integrity).toMatch(/^sha512-/);
      });
    },
  );
});
