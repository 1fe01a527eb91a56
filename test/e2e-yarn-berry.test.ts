import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import {
  e2eEnv,
  exists,
  must,
  readJson,
  run,
  scenario,
  scratchRepo,
  secInitFrom,
  snapshot,
  unpinnedDependency,
  yarnBin,
} from './e2e-helpers.js';

// Yarn 4 ("berry"). With `nodeLinker: node-modules` the hook runs from node_modules as with any
// other package manager; under Plug'n'Play (berry's default) there is no node_modules to run
// from, and sec-init says how to switch instead of installing a hook that cannot start.

const YARN = '4.18.1';
const pkg = { name: 'berry-app', version: '1.0.0', private: true, packageManager: `yarn@${YARN}` };
const bin = yarnBin(e2eEnv(), `@yarnpkg/cli-dist@${YARN}`);
const yarnEnv = () => ({
  PATH: `${bin}${path.delimiter}${e2eEnv().PATH}`,
  YARN_CACHE_FOLDER: tempDir('seckit-berry-cache-'),
  YARN_ENABLE_GLOBAL_CACHE: 'false',
  YARN_ENABLE_TELEMETRY: '0',
});

describe('yarn 4 project (node-modules linker)', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
        '.yarnrc.yml': 'nodeLinker: node-modules\n',
        'index.js': "console.log('berry');\n",
        '.gitignore': 'node_modules/\n.yarn/\n',
      },
      env: yarnEnv(),
      // A project its users have installed with this yarn: yarn.lock written, and whatever yarn
      // adds to .yarnrc.yml on a first install already there (not sec-init's change to undo).
      setup: (dir, env) =>
        // Not frozen even under CI=true (berry's default there): this install writes the lockfile.
        must(
          run('yarn', ['install'], dir, { ...env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' }),
          'yarn install',
        ),
      secretFile: 'config/prod.ini',
      cleanFile: 'src/clean.js',
      unpinned: unpinnedDependency('package.json', pkg),
    },
    (state) => {
      it('installs with yarn 4 and runs husky from postinstall (berry runs no prepare)', () => {
        const { dir, install } = state();
        expect(install.output).toContain('(package manager: yarn');
        expect(exists(dir, 'package-lock.json')).toBe(false);
        expect(exists(dir, 'node_modules/.bin/lint-staged')).toBe(true);
        const manifest = readJson(dir, 'package.json');
        expect(manifest.scripts.postinstall).toContain('husky');
        expect(manifest.scripts.prepare).toBeUndefined();
        expect(manifest.devDependencies['@seckit/hooks']).toBeDefined();
      });
    },
  );
});

describe("yarn 4 project under Plug'n'Play", () => {
  it('refuses with what to change, and changes nothing', () => {
    const env = e2eEnv(yarnEnv());
    const dir = scratchRepo(env, {
      'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
      'yarn.lock': '__metadata:\n  version: 8\n  cacheKey: 10c0\n',
      'index.js': "console.log('pnp');\n",
    });
    const before = snapshot(dir, env);
    const r = secInitFrom(dir, env);
    expect(r.code).toBe(2);
    expect(r.output).toContain("Plug'n'Play");
    expect(r.output).toContain('nodeLinker: node-modules');
    expect(r.output).not.toMatch(/\n\s+at /);
    expect(snapshot(dir, env)).toEqual(before);
  });
});
