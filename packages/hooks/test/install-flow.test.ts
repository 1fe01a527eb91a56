import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { withEnvFilesIgnored, withNodeModulesIgnored, withoutSeckitLines } from '../src/install/gitignore.js';
import { Transaction } from '../src/install/transaction.js';
import { CORE_VERSION, HOOKS_VERSION } from '../src/install/versions.js';
import { gitStatus, linkTools, preinstalled, project, writeFiles } from './helpers/install-project.js';

// The installer end to end on real repositories with the real husky and lint-staged, except the
// package manager (installDependencies: false); test/e2e-*.test.ts covers that with npm, pnpm, yarn.

const VERSIONS = { hooks: HOOKS_VERSION, core: CORE_VERSION };
// Assembled at runtime, so this repository's own secret scan does not flag this file.
const FAKE_SECRET = ['Fake0Seckit0Flow', '/Not0A0Real0Key/', 'Abcd1234'].join('');

const WITH_ENV_LINES =
  'node_modules/\n# seckit: environment files hold secrets (keep the templates)\n.env\n.env.*\n!.env.example\n!.env.sample\n!.env.template\n';

describe('a fresh repository', () => {
  it('gets package.json, lint-staged config, hook, policy, baseline and core.hooksPath; the hook is executable', async () => {
    const p = project();
    const result = await p.run();
    expect(result).toMatchObject({ status: 'installed', packageManager: { name: 'npm' } });
    const pkg = JSON.parse(p.read('package.json'));
    expect(pkg).toMatchObject({ private: true, scripts: { prepare: 'husky || true' } });
    expect(pkg.devDependencies).toEqual({
      '@seckit/core': CORE_VERSION,
      '@seckit/hooks': HOOKS_VERSION,
      husky: '9.1.7',
      'lint-staged': '16.4.0',
    });
    // Created as a module config: the task runs inside lint-staged's process.
    const config = p.read('.lintstagedrc.mjs');
    expect(config).toContain("import seckitTask from '@seckit/hooks/lint-staged';");
    expect(config).toContain("export default {\n  '*': seckitTask(),\n};\n");
    expect(p.exists('.lintstagedrc.json')).toBe(false);
    expect(p.read('.husky/pre-commit')).toContain('\nnode_modules/.bin/lint-staged\n');
    expect(p.mode('.husky/pre-commit') & 0o111).toBe(0o111);
    expect(p.read('.gitignore')).toBe(WITH_ENV_LINES);
    expect(JSON.parse(p.read('.seckit/policy.json')).$schema).toBe(
      '../node_modules/@seckit/core/schema/policy.schema.json',
    );
    // Whatever a full scan finds now is accepted; the .env gap is closed, not baselined.
    const baseline = JSON.parse(p.read('.seckit/baseline.json'));
    expect(baseline.version).toBe(1);
    expect(baseline.entries.map((e: { ruleId: string }) => e.ruleId)).not.toContain('seckit/gitignore-env');
    expect(baseline.entries.every((e: { path: string }) => !e.path.startsWith('.husky'))).toBe(true);
    expect(p.git('config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(p.exists('.husky/_/pre-commit')).toBe(true);
  });

  it('a second run changes nothing, byte for byte, and says so', async () => {
    const p = project(preinstalled(VERSIONS, { name: 'tabs' }));
    expect((await p.cli('--yes')).code).toBe(0);
    const before = p.snapshot();
    const second = await p.cli('--yes');
    expect(second).toEqual({
      code: 0,
      stdout: `sec-init: Nothing changed: seckit is already installed in ${p.dir}.\n`,
      stderr: '',
    });
    expect(p.snapshot()).toEqual(before);
  });

  it('baselines what is already committed and says so; new findings will block', async () => {
    const p = project(
      { ...preinstalled(VERSIONS), 'config/old.env': `AWS_SECRET_ACCESS_KEY=${FAKE_SECRET}\n` },
      { commit: true },
    );
    const r = await p.cli('--yes');
    expect(r.stdout).toMatch(/\n\d+ existing findings? baselined; new ones will block\.\n/);
    const entries = JSON.parse(p.read('.seckit/baseline.json')).entries;
    expect(entries).toContainEqual(
      expect.objectContaining({ path: 'config/old.env', ruleId: '@secretlint/secretlint-rule-aws' }),
    );
    expect(r.stdout).toContain(
      `${entries.length} existing finding${entries.length === 1 ? '' : 's'} baselined`,
    );
    expect(p.read('.seckit/baseline.json')).not.toContain(FAKE_SECRET.slice(0, 8));
  });
});

describe('existing setups are extended, never replaced', () => {
  it('keeps package.json layout: tabs, CRLF, inline arrays, key order, missing final newline', async () => {
    const text =
      '{\r\n\t"name": "app",\r\n\t"files": ["dist", "bin"],\r\n\t"scripts": {\r\n\t\t"prepare": "tsc -b"\r\n\t}\r\n}';
    const p = project({ 'package.json': text });
    await p.run();
    const after = p.read('package.json');
    expect(
      after.startsWith(
        '{\r\n\t"name": "app",\r\n\t"files": ["dist", "bin"],\r\n\t"scripts": {\r\n\t\t"prepare": "tsc -b && (husky || true)"\r\n\t},',
      ),
    ).toBe(true);
    expect(after.endsWith('}')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('appends the block after the lines of an existing hook and makes it executable', async () => {
    const p = project({ 'package.json': '{}\n', '.husky/pre-commit': 'npm run lint\n' });
    chmodSync(path.join(p.dir, '.husky/pre-commit'), 0o644);
    await p.run();
    expect(p.read('.husky/pre-commit').startsWith('npm run lint\n# >>> seckit >>>')).toBe(true);
    expect(p.mode('.husky/pre-commit') & 0o111).toBe(0o111);
  });

  it('adds the task to an existing lint-staged config; a hook that runs lint-staged gets only a comment block', async () => {
    const p = project({
      'package.json': '{\n  "name": "app",\n  "lint-staged": {\n    "*.js": "eslint"\n  }\n}\n',
      '.husky/pre-commit': 'npx lint-staged\n',
    });
    const result = await p.run();
    expect(result.status).toBe('installed');
    expect(JSON.parse(p.read('package.json'))['lint-staged']).toEqual({
      '*.js': 'eslint',
      '*': 'seckit scan --staged',
    });
    const hook = p.read('.husky/pre-commit');
    expect(hook.startsWith('npx lint-staged\n')).toBe(true);
    expect(hook.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual(['npx lint-staged']);
    expect(p.exists('.lintstagedrc.json')).toBe(false);
  });

  it('adds the task to every lint-staged config of a monorepo, from any package, and installs at the root', async () => {
    const p = project({
      'package.json': '{ "name": "mono", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/a/package.json': '{ "name": "a" }\n',
      'packages/a/.lintstagedrc.yaml': '"*.ts": eslint\n',
      '.lintstagedrc.json': '{ "*.md": "prettier --check" }\n',
    });
    const result = await p.run({ dir: path.join(p.dir, 'packages/a') });
    expect(result).toMatchObject({ status: 'installed', installRoot: p.dir });
    expect(p.read('packages/a/.lintstagedrc.yaml')).toBe('"*.ts": eslint\n"*": seckit scan --staged\n');
    expect(JSON.parse(p.read('.lintstagedrc.json'))).toEqual({
      '*.md': 'prettier --check',
      '*': 'seckit scan --staged',
    });
    expect(JSON.parse(p.read('package.json')).devDependencies['@seckit/hooks']).toBe(HOOKS_VERSION);
    expect(p.exists('packages/a/.husky')).toBe(false);
  });

  it('a pnpm workspace package installs at the workspace root', async () => {
    const p = project({
      'package.json': '{ "name": "ws", "private": true }\n',
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'apps/web/package.json': '{ "name": "web" }\n',
    });
    const result = await p.run({ dir: path.join(p.dir, 'apps/web') });
    expect(result).toMatchObject({
      status: 'installed',
      installRoot: p.dir,
      packageManager: { name: 'pnpm' },
    });
    expect(p.read('apps/web/package.json')).toBe('{ "name": "web" }\n');
  });
});

describe('a package in a subfolder (husky’s cd form)', () => {
  it('wires husky from the root for frontend/.husky and checks files outside the package too', async () => {
    const p = project({ 'frontend/package.json': '{ "name": "web" }\n', 'backend/app.py': 'print(1)\n' });
    rmSync(path.join(p.dir, 'node_modules'), { recursive: true });
    linkTools(path.join(p.dir, 'frontend'));
    const result = await p.run({ dir: path.join(p.dir, 'frontend') });
    expect(result).toMatchObject({ status: 'installed', installRoot: path.join(p.dir, 'frontend') });
    expect(JSON.parse(p.read('frontend/package.json')).scripts.prepare).toBe(
      'cd .. && (husky frontend/.husky || true)',
    );
    expect(p.git('config', '--get', 'core.hooksPath').trim()).toBe('frontend/.husky/_');
    expect(p.read('frontend/.husky/pre-commit')).toContain('(\n  cd frontend || exit 1\n');
    expect(p.read('frontend/.lintstagedrc.mjs')).toContain(
      "export default {\n  '*': seckitTask(),\n  '../**': seckitTask(),\n};\n",
    );
    expect(JSON.parse(p.read('.seckit/policy.json')).$schema).toBe(
      '../frontend/node_modules/@seckit/core/schema/policy.schema.json',
    );
    expect(p.exists('frontend/.husky/_/pre-commit')).toBe(true);
  });
});

describe('other hook managers', () => {
  it('a custom core.hooksPath: exit 1, the lines to add, nothing changed; --force takes over; --uninstall puts it back', async () => {
    const p = project({ 'package.json': '{"name":"x"}\n', '.githooks/pre-commit': '#!/bin/sh\necho mine\n' });
    p.git('config', 'core.hooksPath', '.githooks');
    const before = p.snapshot();
    const refused = await p.cli('--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('core.hooksPath = .githooks, set in .git/config');
    expect(refused.stderr).toContain('Add these lines to .githooks/pre-commit');
    expect(refused.stderr).toContain('node_modules/.bin/seckit scan --staged || exit $?');
    expect(p.snapshot()).toEqual(before);

    const forced = await p.run({ force: true });
    expect(forced.status).toBe('installed');
    if (forced.status === 'installed') {
      expect(forced.changes.find((c) => c.target === 'core.hooksPath')?.summary).toContain('was .githooks');
    }
    expect(p.git('config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
    expect((await p.remove()).status).toBe('uninstalled');
    expect(p.snapshot()).toEqual(before);
  });

  it('lefthook and the pre-commit framework get the snippet for their own config', async () => {
    const lefty = project({ 'package.json': '{}', 'lefthook.yml': 'pre-commit:\n  commands: {}\n' });
    lefty.git('config', 'core.hooksPath', '.lefthook-hooks');
    const a = await lefty.cli('--yes');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('Add to lefthook.yml:');
    expect(a.stderr).toContain('run: node_modules/.bin/seckit scan --staged');

    // pre-commit installs into .git/hooks; husky's core.hooksPath would switch it off silently.
    const py = project({
      '.pre-commit-config.yaml': 'repos: []\n',
      'requirements.txt': 'requests==2.32.3\n',
    });
    writeFileSync(
      path.join(py.dir, '.git/hooks/pre-commit'),
      '#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n',
    );
    chmodSync(path.join(py.dir, '.git/hooks/pre-commit'), 0o755);
    const b = await py.cli('--yes');
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(
      'git runs the hooks in .git/hooks (pre-commit), set up by the pre-commit framework',
    );
    expect(b.stderr).toContain('- repo: local');
    expect(py.exists('package.json')).toBe(false);
  });

  it('a lint-staged config in code: exit 1 with the snippet; --force runs seckit from the hook instead', async () => {
    const p = project({
      'package.json': '{}\n',
      'lint-staged.config.mjs': "export default { '*.js': 'eslint' };\n",
    });
    const before = p.snapshot();
    const refused = await p.cli('--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('lint-staged is configured in code (lint-staged.config.mjs)');
    expect(refused.stderr).toContain("'*': 'seckit scan --staged',");
    expect(p.snapshot()).toEqual(before);

    expect((await p.run({ force: true })).status).toBe('installed');
    expect(p.read('lint-staged.config.mjs')).toBe("export default { '*.js': 'eslint' };\n");
    expect(p.read('.husky/pre-commit')).toContain('\nnode_modules/.bin/seckit scan --staged\n');
  });
});

describe('--dry-run, --uninstall, rollback', () => {
  it('--dry-run prints a unified diff of every change and writes nothing', async () => {
    const p = project({ 'package.json': '{\n  "name": "app"\n}\n' });
    const before = p.snapshot();
    const r = await p.cli('--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/package.json\n+++ b/package.json\n@@ ');
    expect(r.stdout).toContain('+    "prepare": "husky || true"');
    expect(r.stdout).toContain('--- /dev/null\n+++ b/.husky/pre-commit\n');
    expect(r.stdout).toContain('+\thooksPath = .husky/_');
    expect(r.stdout).toContain('# then: npm install --no-audit --no-fund');
    expect(p.snapshot()).toEqual(before);
    expect(existsSync(path.join(p.dir, '.git', 'seckit'))).toBe(false);
  });

  it('--uninstall restores every file byte for byte and removes what sec-init created', async () => {
    const p = project({
      'package.json': '{\n    "name": "app",\n    "scripts": { "prepare": "tsc" }\n}',
      '.husky/pre-commit': 'npm test\n',
    });
    const before = p.snapshot();
    await p.run();
    expect(p.snapshot()).not.toEqual(before);
    const dry = await p.cli('--uninstall', '--dry-run');
    expect(dry.stdout).toContain('--- a/package.json');
    const r = await p.cli('--uninstall', '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('package.json: restored to what it was before sec-init');
    expect(p.snapshot()).toEqual(before);
    expect(existsSync(path.join(p.dir, '.git', 'seckit'))).toBe(false);
    expect(await p.cli('--uninstall')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Nothing to undo'),
    });
  });

  it('--uninstall after the user edited package.json removes only sec-init’s parts', async () => {
    const p = project({ 'package.json': '{\n  "name": "app"\n}\n' });
    await p.run();
    const pkg = JSON.parse(p.read('package.json'));
    pkg.description = 'edited later';
    writeFileSync(path.join(p.dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const r = await p.remove();
    expect(r.status).toBe('uninstalled');
    expect(JSON.parse(p.read('package.json'))).toEqual({ name: 'app', description: 'edited later' });
  });

  it('--uninstall without its record still deletes the lint-staged config it created, unless it was edited', async () => {
    const untouched = project({ 'package.json': '{\n  "name": "app"\n}\n' });
    await untouched.run();
    rmSync(path.join(untouched.dir, '.git', 'seckit', 'install.json'));
    expect((await untouched.remove()).status).toBe('uninstalled');
    expect(untouched.exists('.lintstagedrc.mjs')).toBe(false);

    const edited = project({ 'package.json': '{\n  "name": "app"\n}\n' });
    await edited.run();
    rmSync(path.join(edited.dir, '.git', 'seckit', 'install.json'));
    const mine = `${edited.read('.lintstagedrc.mjs')}// my own line\n`;
    writeFileSync(path.join(edited.dir, '.lintstagedrc.mjs'), mine);
    expect((await edited.remove()).status).toBe('uninstalled');
    expect(edited.read('.lintstagedrc.mjs')).toBe(mine);
  });

  it('a package manager that fails part-way: every file byte-identical to before, node_modules gone', async () => {
    const p = project(
      { 'package.json': '{\n  "name": "app"\n}\n', '.husky/pre-commit': 'npm test\n' },
      { tools: false },
    );
    // An npm that writes a lockfile and node_modules, then fails, as a broken registry would.
    const bin = tempDir('seckit-bin-');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    symlinkSync(realGit, path.join(bin, 'git'));
    writeFileSync(
      path.join(bin, 'npm'),
      '#!/bin/sh\necho "{}" > package-lock.json\nmkdir -p node_modules/x\necho "npm ERR! 503 Service Unavailable" >&2\nexit 1\n',
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    const before = p.snapshot();
    const r = await p.run({ installDependencies: true, env: { ...p.env, PATH: bin } });
    expect(r).toMatchObject({ status: 'failed', code: 'E_INSTALL_FAILED', rolledBack: true });
    if (r.status === 'failed') {
      expect(r.message).toContain('503 Service Unavailable');
      expect(r.message).toContain('put back as it was');
    }
    expect(p.snapshot()).toEqual(before);
    expect(readdirSync(p.dir).sort()).toEqual(['.git', '.husky', 'package.json']);
  });

  it('a run killed half-way is rolled back by the next one before it does anything', async () => {
    const p = project({ 'package.json': '{\n  "name": "app"\n}\n' });
    const before = p.snapshot();
    const tx = await Transaction.begin({
      gitRoot: p.dir,
      stateDir: path.join(p.dir, '.git', 'seckit'),
      env: p.env,
      files: ['package.json', '.seckit/policy.json'],
      dirs: [],
      gitConfigKeys: ['core.hooksPath'],
    });
    expect(tx.snapshot.files.map((f) => f.path)).toEqual(['package.json', '.seckit/policy.json']);
    writeFiles(p.dir, { 'package.json': 'half-written', '.seckit/policy.json': '{}' });
    p.git('config', 'core.hooksPath', 'elsewhere');
    const r = await p.run({ dryRun: true });
    expect(r.status).toBe('failed'); // dry run does not recover: package.json is still broken
    const real = await p.cli('--uninstall');
    expect(real.code).toBe(0);
    expect(p.snapshot()).toEqual(before);
  });
});

describe('environments', () => {
  it('a Python project gets a private package.json, node_modules ignored, and is told it needs Node', async () => {
    const p = project({ 'requirements.txt': 'requests==2.32.3\n', 'app.py': 'print(1)\n' });
    const r = await p.cli('--dry-run');
    expect(r.stdout).toContain(
      'This is not a Node.js project (requirements.txt), but seckit and its hook run on Node.js.',
    );
    expect(r.stdout).toContain('needs Node.js >= 20.19');
    const result = await p.run();
    expect(result.status).toBe('installed');
    expect(JSON.parse(p.read('package.json'))).toMatchObject({
      private: true,
      scripts: { prepare: 'husky || true' },
    });
    expect(p.read('.gitignore')).toBe(WITH_ENV_LINES);
  });

  it('HUSKY=0: the files are written, husky is not run, and it says so', async () => {
    const p = project({ 'package.json': '{}\n' });
    const result = await p.run({ env: { ...p.env, HUSKY: '0' } });
    expect(result.status).toBe('installed');
    if (result.status === 'installed') expect(result.notes.join('\n')).toContain('HUSKY=0 is set here');
    expect(gitStatus(p.dir, p.env, 'config', '--get', 'core.hooksPath')).toBe(1);
  });

  it('a linked worktree installs in its own folder; the state stays in that worktree’s git folder', async () => {
    const main = project({ 'package.json': '{ "name": "app" }\n' }, { commit: true, tools: false });
    const wt = path.join(tempDir('seckit-wt-'), 'wt');
    main.git('worktree', 'add', '-q', wt);
    linkTools(wt);
    const result = await main.run({ dir: wt });
    expect(result).toMatchObject({ status: 'installed', gitRoot: wt });
    expect(existsSync(path.join(wt, '.husky/_/pre-commit'))).toBe(true);
    expect(existsSync(path.join(main.dir, '.git/worktrees/wt/seckit/install.json'))).toBe(true);
    expect(existsSync(path.join(main.dir, '.husky'))).toBe(false);
  });

  it('yarn Plug’n’Play is refused with what to change', async () => {
    const p = project({
      'package.json': '{ "packageManager": "yarn@4.9.2" }\n',
      '.yarnrc.yml': 'enableTelemetry: false\n',
    });
    expect(await p.run()).toMatchObject({
      status: 'failed',
      code: 'E_YARN_PNP',
      message: expect.stringContaining('nodeLinker: node-modules'),
    });
  });

  it('not a git repository, invalid package.json, usage: exit 2 with a message and no stack trace', async () => {
    const dir = tempDir('seckit-nogit-');
    const p = project({ 'package.json': '{ "name": ' });
    const outside = await p.cli(dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`${dir} is not inside a git work tree`);
    expect(readdirSync(dir)).toEqual([]);
    const invalid = await p.cli();
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${path.join(p.dir, 'package.json')} is not valid JSON`);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect(await p.cli('--nope')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--nope'"),
    });
  });
});

describe('--ci github', () => {
  it('writes a workflow with every action pinned by full commit SHA; a second run leaves it', async () => {
    const p = project({ 'package.json': '{}\n' });
    await p.run({ ci: 'github' });
    const workflow = p.read('.github/workflows/seckit.yml');
    const uses = [...workflow.matchAll(/uses: (\S+)/g)].map((m) => m[1]);
    expect(uses.length).toBe(4);
    for (const u of uses) expect(u).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
    expect(workflow).toContain('seckit.js scan --format sarif --output seckit-full.sarif');
    expect(workflow).toContain(`scan --diff "$${'{{'} github.event.pull_request.base.sha }}" --format sarif`);
    expect(workflow).toContain('npm ci --ignore-scripts');
    expect((await p.run({ ci: 'github' })).status).toBe('unchanged');
  });

  it('does not overwrite a workflow of the same name that is not ours', async () => {
    const p = project({ 'package.json': '{}\n', '.github/workflows/seckit.yml': 'name: mine\n' });
    expect(await p.run({ ci: 'github' })).toMatchObject({ status: 'failed', code: 'E_WORKFLOW' });
    expect(p.read('.github/workflows/seckit.yml')).toBe('name: mine\n');
  });
});

describe('.gitignore and environment files', () => {
  it('adds .env lines to an existing .gitignore, keeps its bytes, and --uninstall takes them out again', async () => {
    const original = 'dist/\r\nnode_modules/'; // CRLF, no final newline
    const p = project({ ...preinstalled(VERSIONS), '.gitignore': original });
    const dry = await p.cli('--dry-run');
    expect(dry.stdout).toContain('+.env.*');
    expect((await p.cli('--yes')).code).toBe(0);
    expect(p.read('.gitignore')).toBe(
      'dist/\r\nnode_modules/\r\n# seckit: environment files hold secrets (keep the templates)\r\n.env\r\n.env.*\r\n!.env.example\r\n!.env.sample\r\n!.env.template\r\n',
    );
    // git now ignores a .env and keeps the template committable
    expect(gitStatus(p.dir, p.env, 'check-ignore', '-q', '.env.production')).toBe(0);
    expect(gitStatus(p.dir, p.env, 'check-ignore', '-q', '.env.example')).toBe(1);
    expect((await p.cli('--uninstall', '--yes')).code).toBe(0);
    expect(p.read('.gitignore')).toBe(original);
  });

  it('leaves a .gitignore alone when it already ignores .env files, or un-ignores them on purpose', async () => {
    for (const ignore of ['node_modules/\n.env*\n', 'node_modules/\n!.env\n']) {
      const p = project({ ...preinstalled(VERSIONS), '.gitignore': ignore });
      expect((await p.cli('--yes')).code).toBe(0);
      expect(p.read('.gitignore')).toBe(ignore);
    }
  });
});

describe('withoutSeckitLines (uninstall of a .gitignore edited since)', () => {
  it("removes exactly the lines sec-init added and keeps the user's later lines", () => {
    const installed = withEnvFilesIgnored(withNodeModulesIgnored('dist/\n'));
    expect(withoutSeckitLines(`${installed}coverage/\n`)).toBe('dist/\ncoverage/\n');
    expect(withoutSeckitLines(withEnvFilesIgnored(withNodeModulesIgnored(undefined)))).toBeUndefined();
    // a user-added .env line outside our block stays
    expect(withoutSeckitLines(`${installed}.env\n`)).toBe('dist/\n.env\n');
  });
});
