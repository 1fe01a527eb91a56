import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsLine, commit, fakeSecret, git, must, readJson, scenario, writeFiles } from './e2e-helpers.js';

// A project that already has husky and lint-staged: our task joins its lint-staged config, its
// hook keeps its lines, its prepare script stays, and both its hook and its task still run.

const HOOK = 'echo user-hook > .git/user-hook-ran\nnpx lint-staged\n';
const pkg = {
  name: 'has-hooks',
  version: '1.0.0',
  private: true,
  scripts: { prepare: 'husky' },
  devDependencies: { husky: '9.1.7', 'lint-staged': '16.4.0' },
  'lint-staged': { '*.js': 'node scripts/js-task.mjs' },
};

describe('existing husky hook and lint-staged config', () => {
  scenario(
    {
      files: {
        'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
        '.husky/pre-commit': HOOK,
        'scripts/js-task.mjs':
          "import { writeFileSync } from 'node:fs';\nwriteFileSync('.git/js-task-ran', process.argv.slice(2).join('\\n'));\n",
        'src/index.js': 'export {};\n',
        '.gitignore': 'node_modules/\n',
      },
      secretFile: 'src/keys.js',
      cleanFile: 'src/clean.js',
    },
    (state) => {
      it('extends instead of replacing: config, hook and prepare', () => {
        const { dir, install } = state();
        const after = readJson(dir, 'package.json');
        expect(after['lint-staged']).toEqual({
          '*.js': 'node scripts/js-task.mjs',
          '*': 'seckit scan --staged',
        });
        expect(after.scripts.prepare).toBe('husky');
        expect(after.devDependencies.husky).toBe('9.1.7');
        expect(install.output).toContain('runs husky without a guard');
        const hook = readFileSync(path.join(dir, '.husky/pre-commit'), 'utf8');
        expect(hook.startsWith(HOOK)).toBe(true);
        expect(
          hook
            .slice(HOOK.length)
            .split('\n')
            .every((l) => l === '' || l.startsWith('#')),
        ).toBe(true);
      });

      it('on commit, the user hook and the user task run, and the secret is blocked', () => {
        const { dir, env } = state();
        const secret = fakeSecret('hook');
        writeFiles(dir, { 'src/aws.js': `export const ${awsLine(secret).trim().replace('=', " = '")}';\n` });
        must(git(dir, env, 'add', 'src/aws.js'), 'git add');
        const r = commit(dir, env, 'secret in js');
        must(git(dir, env, 'rm', '-q', '-f', 'src/aws.js'), 'git rm');
        expect(r.code).toBe(1);
        expect(r.output).toContain('src/aws.js');
        expect(existsSync(path.join(dir, '.git/user-hook-ran'))).toBe(true);
        expect(readFileSync(path.join(dir, '.git/js-task-ran'), 'utf8')).toContain('src/aws.js');
      });
    },
  );
});
