import { describe, expect, it } from 'vitest';
import { git, readJson, scenario, unpinnedDependency } from './e2e-helpers.js';

// package.json in a subfolder of the repository (husky's documented `cd` form): the hook runs
// from frontend/, and still checks files outside it (here: a secret in backend/).

const web = { name: 'web', version: '1.0.0', private: true, dependencies: {} };

describe('package in a subfolder', () => {
  scenario(
    {
      files: {
        'frontend/package.json': `${JSON.stringify(web, null, 2)}\n`,
        'frontend/src/app.js': 'export {};\n',
        'backend/main.py': 'print(1)\n',
        '.gitignore': 'node_modules/\n',
      },
      cwd: 'frontend',
      secretFile: 'backend/settings.py',
      cleanFile: 'frontend/src/clean.js',
      unpinned: unpinnedDependency('frontend/package.json', web),
    },
    (state) => {
      it('uses husky’s cd form', () => {
        const { dir, env } = state();
        expect(readJson(dir, 'frontend/package.json').scripts.prepare).toBe(
          'cd .. && (husky frontend/.husky || true)',
        );
        expect(git(dir, env, 'config', '--get', 'core.hooksPath').output.trim()).toBe('frontend/.husky/_');
      });
    },
  );
});
