import { describe, expect, it } from 'vitest';
import { exists, readJson, scenario } from './e2e-helpers.js';

// A Python repository (requirements.txt, no package.json): sec-init says it needs Node, writes
// the minimum for the hook to work in every clone, and the hook checks the Python pins too.

describe('Python project', () => {
  scenario(
    {
      files: { 'requirements.txt': 'requests==2.32.3\n', 'app/main.py': 'print("hello")\n' },
      secretFile: 'app/settings.py',
      cleanFile: 'app/clean.py',
      unpinned: ['requirements.txt', 'requests==2.32.3\nflask>=2.0\n'],
    },
    (state) => {
      it('says what it needs, and sets up a private package.json, its lockfile and node_modules/ ignored', () => {
        const { dir, install } = state();
        expect(install.output).toContain(
          'This is not a Node.js project (requirements.txt), but seckit and its hook run on Node.js.',
        );
        expect(install.output).toContain(
          'needs Node.js >= 20.19 and to run `npm install` once after cloning',
        );
        expect(readJson(dir, 'package.json')).toMatchObject({
          private: true,
          scripts: { prepare: 'husky || true' },
        });
        expect(exists(dir, 'package-lock.json')).toBe(true);
        expect(exists(dir, '.gitignore')).toBe(true);
      });
    },
  );
});
