import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bunBin, e2eEnv, exists, must, readJson, run, scenario, unpinnedDependency } from './e2e-helpers.js';

// A bun project (bun.lock): installed with bun, which runs the root package's `prepare` (husky).

// One exact dependency, so that bun writes a bun.lock (it writes none for a project without any).
const pkg = { name: 'bun-app', version: '1.0.0', private: true, dependencies: { 'left-pad': '1.3.0' } };
const bin = bunBin(e2eEnv());

describe('bun project', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
        'index.ts': "console.log('bun');\n",
        '.gitignore': 'node_modules/\n',
      },
      env: { PATH: `${bin}${path.delimiter}${e2eEnv().PATH}` },
      // A project its users have installed with bun: bun.lock is there from the start (text format).
      setup: (dir, env) => must(run('bun', ['install'], dir, env), 'bun install'),
      secretFile: 'config/prod.ini',
      cleanFile: 'src/clean.ts',
      unpinned: unpinnedDependency('package.json', pkg),
    },
    (state) => {
      it('installs with bun and writes bun.lock, nothing for npm', () => {
        const { dir, install } = state();
        expect(install.output).toContain('(package manager: bun, from bun.lock)');
        expect(exists(dir, 'package-lock.json')).toBe(false);
        expect(exists(dir, 'node_modules/.bin/lint-staged')).toBe(true);
        const manifest = readJson(dir, 'package.json');
        expect(manifest.devDependencies['@seckit/hooks']).toBeDefined();
        // bun asks the registry for our packages' own dependencies unless they are overridden.
        expect(manifest.overrides['@seckit/core']).toMatch(/^file:/);
        // bun.lock has no integrity for local tarballs: the policy says so, with the reason.
        const [exception] = readJson(dir, '.seckit/policy.json').dependencies.exceptions;
        expect(exception).toMatchObject({ package: '@seckit/*', rule: 'seckit/lockfile-missing-integrity' });
        expect(exception.reason).toContain('bun records no integrity');
      });
    },
  );
});
