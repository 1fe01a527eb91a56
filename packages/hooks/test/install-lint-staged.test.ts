import { describe, expect, it } from 'vitest';
import { findLintStagedConfigs, type LintStagedConfig } from '../src/install/lint-staged-configs.js';
import {
  addSeckitTask,
  hasSeckitTask,
  removeSeckitTask,
  SECKIT_TASK,
  taskGlobs,
} from '../src/install/lint-staged-task.js';
import { project } from './helpers/install-project.js';

const config = (format: LintStagedConfig['format'], text: string): LintStagedConfig => ({
  file: '/r/x',
  rel: 'x',
  format,
  text,
});

describe('addSeckitTask', () => {
  it('adds a glob to JSON, and turns an existing command for the same glob into a list', () => {
    const text = '{\n  "*.js": "eslint --fix",\n  "*": "prettier --write --ignore-unknown"\n}\n';
    const edit = addSeckitTask(config('json', text), ['*']);
    if (!edit.ok) throw new Error(edit.reason);
    expect(JSON.parse(edit.text)).toEqual({
      '*.js': 'eslint --fix',
      '*': ['prettier --write --ignore-unknown', SECKIT_TASK],
    });
    expect(edit.text.startsWith('{\n  "*.js": "eslint --fix",\n')).toBe(true);
  });

  it('edits the lint-staged key of package.json only', () => {
    const text = '{\n  "name": "app",\n  "lint-staged": {\n    "*.ts": ["tsc-files", "eslint"]\n  }\n}\n';
    const edit = addSeckitTask(config('package.json', text), ['*']);
    if (!edit.ok) throw new Error(edit.reason);
    expect(JSON.parse(edit.text)).toEqual({
      name: 'app',
      'lint-staged': { '*.ts': ['tsc-files', 'eslint'], '*': SECKIT_TASK },
    });
  });

  it('keeps comments and layout of YAML', () => {
    const text = '# formatting first\n"*.md": prettier --write # docs\n"*":\n  - prettier --check\n';
    const edit = addSeckitTask(config('yaml', text), ['*', '../**']);
    if (!edit.ok) throw new Error(edit.reason);
    expect(edit.text).toContain('# formatting first');
    expect(edit.text).toContain('prettier --write # docs');
    expect(edit.text).toContain(`  - prettier --check\n  - ${SECKIT_TASK}\n`);
    expect(edit.text).toContain(`../**: ${SECKIT_TASK}\n`);
  });

  it('never edits code, and leaves a config that already runs seckit (however spelled) alone', () => {
    expect(addSeckitTask(config('code', 'export default {}'), ['*'])).toEqual({ ok: false, reason: 'code' });
    const mine = '{ "**/*": "node node_modules/@seckit/hooks/bin/seckit.js scan --staged --no-color" }';
    expect(addSeckitTask(config('json', mine), ['*'])).toEqual({ ok: true, text: mine });
    expect(hasSeckitTask(config('code', "export default { '*': 'seckit scan --staged' }"))).toBe(true);
  });

  it('refuses shapes it does not understand instead of guessing', () => {
    expect(addSeckitTask(config('json', '["not", "an", "object"]'), ['*'])).toMatchObject({
      ok: false,
      reason: 'not-an-object',
    });
    expect(addSeckitTask(config('yaml', 'a: [\n'), ['*'])).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('one ../ glob per level below the root, so a package config also sees files outside it', () => {
    expect(taskGlobs(0)).toEqual(['*']);
    expect(taskGlobs(2)).toEqual(['*', '../**', '../../**']);
  });

  it('removeSeckitTask undoes addSeckitTask', () => {
    for (const [format, text] of [
      ['json', '{\n  "*.js": "eslint"\n}\n'],
      ['json', '{\n  "*": "prettier --write"\n}\n'],
      ['package.json', '{\n  "name": "a",\n  "lint-staged": {\n    "*.js": "eslint"\n  }\n}\n'],
      ['yaml', '"*.js": eslint\n'],
    ] as const) {
      const edit = addSeckitTask(config(format, text), ['*']);
      if (!edit.ok) throw new Error(edit.reason);
      const back = removeSeckitTask(config(format, edit.text));
      expect(JSON.stringify(format === 'yaml' ? back : JSON.parse(back))).toBe(
        JSON.stringify(format === 'yaml' ? text : JSON.parse(text)).replace(
          '"prettier --write"',
          '["prettier --write"]',
        ),
      );
    }
  });
});

describe('findLintStagedConfigs', () => {
  it('finds the configs lint-staged would use from a folder: its own, nested ones, package.json keys', async () => {
    const p = project({
      'package.json': '{ "name": "root", "lint-staged": { "*.md": "prettier --check" } }',
      'packages/a/.lintstagedrc.yml': '"*.ts": eslint\n',
      'packages/b/package.json': '{ "name": "b" }',
      'packages/c/lint-staged.config.mjs': 'export default {}\n',
      'ignored/.lintstagedrc.json': '{}',
      '.gitignore': 'ignored/\n',
    });
    const configs = await findLintStagedConfigs(p.dir, p.dir, p.env);
    expect(configs.map((c) => [c.rel, c.format])).toEqual([
      ['package.json', 'package.json'],
      ['packages/a/.lintstagedrc.yml', 'yaml'],
      ['packages/c/lint-staged.config.mjs', 'code'],
    ]);
  });

  it('from a package folder without its own config, also the nearest one above it', async () => {
    const p = project({ '.lintstagedrc.json': '{}', 'web/package.json': '{ "name": "web" }' });
    const configs = await findLintStagedConfigs(`${p.dir}/web`, p.dir, p.env);
    expect(configs.map((c) => c.rel)).toEqual(['.lintstagedrc.json']);
  });
});
