import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { type InstallOptions, install } from '../src/install/install.js';
import { runSecInit } from '../src/install/run-sec-init.js';
import { HOOKS_VERSION } from '../src/install/versions.js';

// These tests run the real installer against real git repositories and the real husky (linked from
// this workspace), skipping only the package-manager step; test/e2e-commit.test.ts covers that.

const cleanEnv = (): NodeJS.ProcessEnv => isolatedEnv();

function findWorkspaceHusky(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', 'husky');
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('husky is not installed in this workspace');
    dir = parent;
  }
}

const HUSKY = findWorkspaceHusky();

/** `env` with a PATH holding git and nothing else (husky is started with this Node, by path). */
function onlyGitOnPath(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bin = tempDir('seckit-bin-');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8', env }).trim();
  symlinkSync(realGit, path.join(bin, 'git'));
  return { ...env, PATH: bin };
}

function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

/** A temp git repository holding `files`, with husky in node_modules as a package manager would leave it. */
function project(files: Record<string, string> = {}, options: { husky?: boolean } = {}) {
  const env = cleanEnv();
  const dir = tempDir('seckit-init-');
  git(dir, env, 'init', '-q');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  if (options.husky !== false) {
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    symlinkSync(HUSKY, path.join(dir, 'node_modules', 'husky'), 'dir');
  }
  const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
  const run = (extra: Partial<InstallOptions> = {}) =>
    install({ dir, env, installDependencies: false, ...extra });
  const cli = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runSecInit(argv, {
      cwd: dir,
      env,
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
    return { code, stdout, stderr };
  };
  /** Every file sec-init or husky may touch, with its bytes and mode. */
  const snapshot = () => {
    const files = [
      'package.json',
      '.husky/pre-commit',
      ...readdirSync(path.join(dir, '.husky', '_')).map((f) => `.husky/_/${f}`),
    ];
    return {
      files: Object.fromEntries(
        files.map((rel) => [rel, `${statSync(path.join(dir, rel)).mode.toString(8)} ${read(rel)}`]),
      ),
      hooksPath: git(dir, env, 'config', '--get', 'core.hooksPath'),
    };
  };
  return { dir, env, read, run, cli, snapshot };
}

/**
 * package.json text whose devDependencies, together with the node_modules `project()` leaves,
 * count as installed, so `runSecInit` (which always installs what is missing) starts no package
 * manager.
 */
const DEPS = `"devDependencies": { "@seckit/hooks": "${HOOKS_VERSION}", "husky": "9.1.7" }`;
const HOOKS_INSTALLED = {
  'node_modules/@seckit/hooks/package.json': `{ "name": "@seckit/hooks", "version": "${HOOKS_VERSION}" }`,
};

const PRE_COMMIT_BLOCK =
  '# >>> seckit >>> (managed by sec-init; edit outside these markers)\nseckit scan --staged\n# <<< seckit <<<\n';

describe('install (dependencies step skipped)', () => {
  it('wires a fresh repository: package.json, prepare, .husky/pre-commit, core.hooksPath', async () => {
    const p = project({}, {});
    const result = await p.run();
    expect(result).toMatchObject({ status: 'installed', packageManager: { name: 'npm' } });
    if (result.status !== 'installed') return;
    expect(result.changes.map((change) => change.target)).toEqual([
      'package.json',
      'package.json',
      '.husky/pre-commit',
      'core.hooksPath',
    ]);
    expect(JSON.parse(p.read('package.json'))).toEqual({
      name: path.basename(p.dir).toLowerCase(),
      private: true,
      scripts: { prepare: 'husky' },
    });
    expect(p.read('package.json').endsWith('}\n')).toBe(true);
    expect(p.read('.husky/pre-commit')).toBe(PRE_COMMIT_BLOCK);
    expect(statSync(path.join(p.dir, '.husky/pre-commit')).mode & 0o777).toBe(0o755);
    expect(git(p.dir, p.env, 'config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(existsSync(path.join(p.dir, '.husky/_/pre-commit'))).toBe(true);
  });

  it('a second run changes nothing, byte for byte, and says so', async () => {
    const p = project({ ...HOOKS_INSTALLED, 'package.json': `{\n\t"name": "tabs",\n\t${DEPS}\n}\n` });
    expect((await p.run()).status).toBe('installed');
    const before = p.snapshot();
    const second = await p.cli();
    expect(second).toEqual({
      code: 0,
      stdout: `sec-init: Nothing changed: seckit is already installed in ${p.dir}.\n`,
      stderr: '',
    });
    expect(p.snapshot()).toEqual(before);
    expect(p.read('package.json')).toBe(
      `{\n\t"name": "tabs",\n\t"devDependencies": {\n\t\t"@seckit/hooks": "${HOOKS_VERSION}",\n\t\t"husky": "9.1.7"\n\t},\n\t"scripts": {\n\t\t"prepare": "husky"\n\t}\n}\n`,
    );
  });

  it('extends an existing prepare script and keeps an existing hook', async () => {
    const p = project({
      'package.json': '{\n  "name": "app",\n  "scripts": {\n    "prepare": "tsc -b"\n  }\n}\n',
      '.husky/pre-commit': 'npm run lint\n',
    });
    const result = await p.run();
    expect(result.status).toBe('installed');
    expect(JSON.parse(p.read('package.json')).scripts.prepare).toBe('tsc -b && husky');
    expect(p.read('.husky/pre-commit')).toBe(`npm run lint\n${PRE_COMMIT_BLOCK}`);
    // An existing file that was not executable becomes executable.
    expect(statSync(path.join(p.dir, '.husky/pre-commit')).mode & 0o111).toBe(0o111);
  });

  it('re-wires husky when .husky/_ is missing (a fresh clone or worktree) and reports only that', async () => {
    const p = project();
    await p.run();
    rmSync(path.join(p.dir, '.husky', '_'), { recursive: true });
    const result = await p.run();
    expect(result).toMatchObject({ status: 'installed', changes: [{ target: 'core.hooksPath' }] });
    expect(existsSync(path.join(p.dir, '.husky/_/h'))).toBe(true);
  });

  it('skips the install when the wanted versions are declared and present', async () => {
    const p = project({ ...HOOKS_INSTALLED, 'package.json': `{ "name": "x", ${DEPS} }` });
    // installDependencies left on, with no package manager on PATH: the run can only succeed if
    // it decided that nothing needs installing.
    const progress: string[] = [];
    const result = await install({
      dir: p.dir,
      env: onlyGitOnPath(p.env),
      onProgress: (m) => progress.push(m),
    });
    expect(progress).toEqual([]);
    expect(result.status).toBe('installed');
    if (result.status === 'installed')
      expect(result.changes.map((c) => c.target)).not.toContain('node_modules');
  });

  it('fails with a clear message when the package manager is not on PATH', async () => {
    const p = project({ 'package.json': '{"name":"x","packageManager":"bun@1.2.0"}' });
    const result = await install({ dir: p.dir, env: onlyGitOnPath(p.env) });
    expect(result).toMatchObject({ status: 'failed', code: 'E_PACKAGE_MANAGER_NOT_FOUND' });
    if (result.status === 'failed') {
      expect(result.message).toContain('bun is not on PATH, but this project uses it');
    }
  });

  it('refuses a malformed seckit block without touching the file', async () => {
    const text = '# >>> seckit >>> (managed by sec-init; edit outside these markers)\nseckit scan --staged\n';
    const p = project({ 'package.json': '{}', '.husky/pre-commit': text });
    const result = await p.run();
    expect(result).toMatchObject({
      status: 'failed',
      code: 'E_HOOK_FILE',
      file: path.join(p.dir, '.husky/pre-commit'),
    });
    expect(p.read('.husky/pre-commit')).toBe(text);
  });

  it('reports husky missing from node_modules with what to do', async () => {
    const p = project({ 'package.json': '{}' }, { husky: false });
    const result = await p.run();
    expect(result).toMatchObject({ status: 'failed', code: 'E_HUSKY' });
    if (result.status === 'failed') expect(result.message).toContain('husky is not installed in');
  });
});

describe('runSecInit exit codes and messages', () => {
  it('not a git repository: exit 2, a clear message, nothing written', async () => {
    const dir = tempDir('seckit-nogit-');
    const out: string[] = [];
    const code = await runSecInit([dir], {
      cwd: '/',
      env: cleanEnv(),
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(s),
    });
    expect(code).toBe(2);
    expect(out.join('')).toContain(`${dir} is not inside a git repository`);
    expect(out.join('')).toContain('git init');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a foreign core.hooksPath: exit 1, the snippet, nothing changed; --force takes over', async () => {
    const p = project({ 'package.json': '{"name":"x"}\n' });
    git(p.dir, p.env, 'config', 'core.hooksPath', '.githooks');
    const refused = await p.cli('--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('core.hooksPath = .githooks, set in .git/config');
    expect(refused.stderr).toContain(
      `  1. Install it:  npm install -D -E --no-audit --no-fund @seckit/hooks@${HOOKS_VERSION}\n`,
    );
    expect(refused.stderr).toContain('Add these lines to .githooks/pre-commit');
    expect(refused.stderr).toContain('./node_modules/.bin/seckit scan --staged || exit $?');
    expect(p.read('package.json')).toBe('{"name":"x"}\n');
    expect(existsSync(path.join(p.dir, '.husky'))).toBe(false);
    expect(git(p.dir, p.env, 'config', '--get', 'core.hooksPath').trim()).toBe('.githooks');

    const forced = await p.run({ force: true });
    expect(forced.status).toBe('installed');
    if (forced.status === 'installed') {
      expect(forced.changes.at(-1)?.summary).toBe(
        'set to .husky/_ by husky (was .githooks; those hooks no longer run)',
      );
    }
    expect(git(p.dir, p.env, 'config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
  });

  it('accepts husky 4-8 style .husky as ours and moves it to .husky/_', async () => {
    const p = project({ 'package.json': '{}' });
    git(p.dir, p.env, 'config', 'core.hooksPath', '.husky');
    expect((await p.run()).status).toBe('installed');
    expect(git(p.dir, p.env, 'config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
  });

  it('a subfolder of the repository: exit 2 pointing at the root', async () => {
    const p = project({ 'app/package.json': '{}' });
    const r = await p.cli('app');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path.join(p.dir, 'app')} is inside the git repository ${p.dir} but is not its top folder`,
    );
    expect(r.stderr).toContain(`npx sec-init ${p.dir}`);
  });

  it('HUSKY=0: exit 2 before any change', async () => {
    const p = project();
    const out: string[] = [];
    const code = await runSecInit([p.dir], {
      cwd: '/',
      env: { ...p.env, HUSKY: '0' },
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(s),
    });
    expect(code).toBe(2);
    expect(out.join('')).toContain('HUSKY=0 is set');
    expect(existsSync(path.join(p.dir, 'package.json'))).toBe(false);
  });

  it('invalid package.json: exit 2 naming the file, no stack trace', async () => {
    const p = project({ 'package.json': '{ "name": ' });
    const r = await p.cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(p.dir, 'package.json')} is not valid JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors and --help', async () => {
    const p = project();
    expect(await p.cli('--nope')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--nope'"),
    });
    const help = await p.cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sec-init [dir] [options]');
    expect(existsSync(path.join(p.dir, 'package.json'))).toBe(false);
  });

  it('prints what changed, naming each file', async () => {
    const p = project({ ...HOOKS_INSTALLED, 'package.json': `{ "scripts": { "prepare": "tsc" }, ${DEPS} }` });
    const r = await p.cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`sec-init: seckit is installed in ${p.dir}.`);
    expect(r.stdout).toContain('  package.json: extended scripts.prepare from "tsc" to "tsc && husky"');
    expect(r.stdout).toContain('  .husky/pre-commit: created it with the seckit block');
    expect(r.stdout).toContain('  core.hooksPath: set to .husky/_ by husky');
  });
});
