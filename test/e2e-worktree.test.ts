import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { doctor, git, must, scenario } from './e2e-helpers.js';

// A linked worktree (`.git` is a file there): sec-init finds it through git, installs in it, and
// `seckit doctor` in the main worktree reports that its hook is not live there.

describe('linked git worktree', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify({ name: 'wt-app', version: '1.0.0', private: true }, null, 2)}\n`,
        'index.js': 'export {};\n',
        '.gitignore': 'node_modules/\n',
      },
      workTree: (repo, env) => {
        const wt = path.join(tempDir('seckit-e2e-wt-'), 'feature');
        must(git(repo, env, 'worktree', 'add', '-q', wt), 'git worktree add');
        return wt;
      },
      secretFile: 'secrets.txt',
      cleanFile: 'clean.js',
    },
    (state) => {
      it('doctor: live in the worktree, not in the main one (husky’s runner is per work tree)', () => {
        const { dir, env } = state();
        expect(doctor(dir, dir, env).code).toBe(0);
        const main = git(dir, env, 'rev-parse', '--path-format=absolute', '--git-common-dir').output.trim();
        const inMain = doctor(path.dirname(main), dir, env);
        expect(inMain.output).toContain('is missing in this work tree');
        expect(inMain.code).toBe(1);
      });
    },
  );
});
