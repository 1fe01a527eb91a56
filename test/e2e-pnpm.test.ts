import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, readJson, scenario, unpinnedDependency } from './e2e-helpers.js';

// A pnpm monorepo, sec-init run from one of its packages: everything goes to the workspace root,
// installed with pnpm (the project's packageManager), which links only direct dependencies.

const app = { name: '@mono/app', version: '1.0.0', dependencies: {} };

describe('pnpm monorepo', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify({ name: 'mono', private: true, packageManager: 'pnpm@10.34.8' }, null, 2)}\n`,
        'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
        'packages/app/package.json': `${JSON.stringify(app, null, 2)}\n`,
        'packages/app/src/index.ts': 'export const app = 1;\n',
        '.gitignore': 'node_modules/\n',
      },
      cwd: 'packages/app',
      secretFile: 'packages/app/src/prod.config',
      cleanFile: 'packages/app/src/clean.ts',
      unpinned: unpinnedDependency('packages/app/package.json', app),
    },
    (state) => {
      it('installs once, at the workspace root, with pnpm', () => {
        const { dir, install } = state();
        expect(install.output).toContain(
          '(package manager: pnpm, from the packageManager field of package.json)',
        );
        expect(exists(dir, 'pnpm-lock.yaml')).toBe(true);
        expect(exists(dir, 'package-lock.json')).toBe(false);
        const root = readJson(dir, 'package.json');
        expect(root.devDependencies['@seckit/hooks']).toMatch(/^file:.*seckit-hooks-.*\.tgz$/);
        expect(root.pnpm.overrides['@seckit/core']).toMatch(/^file:/);
        expect(readJson(dir, 'packages/app/package.json')).toEqual(app);
        expect(exists(dir, '.husky/pre-commit')).toBe(true);
        // @seckit/core is a direct devDependency, so pnpm links it where $schema points.
        const schema = readJson(dir, '.seckit/policy.json').$schema;
        expect(existsSync(path.join(dir, '.seckit', schema))).toBe(true);
      });
    },
  );
});
