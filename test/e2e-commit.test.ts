import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { beforeAll, describe, expect, inject, it } from 'vitest';

// The whole path a user takes, with real parts only: `sec-init --from <packed tarballs>` runs real
// npm, real husky and git in a scratch repository, then `git commit` runs the installed
// `seckit scan --staged` through husky's hook.

const SEC_INIT = fileURLToPath(new URL('../packages/sec-init/bin/sec-init.js', import.meta.url));

// Assembled at runtime from obviously fake parts, so that this repository's own secret scan does
// not flag this file: the source never holds the 40-character value next to its variable name.
const FAKE_SECRET = ['Fake0Seckit0E2E0', 'Test/Not0A0Real+', 'Key0Wxyz'].join('');
const SECRET_LINE = `AWS_SECRET_ACCESS_KEY=${FAKE_SECRET}\n`;

const cleanEnv = (): NodeJS.ProcessEnv => isolatedEnv({ NO_COLOR: '1' });

interface Run {
  code: number | null;
  /** stdout and stderr together, as a person would see them. */
  output: string;
}

function toRun(result: SpawnSyncReturns<string>): Run {
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A scratch git repository with a local identity. */
function scratchRepo(env: NodeJS.ProcessEnv, files: Record<string, string> = {}): string {
  const dir = tempDir('seckit-e2e-');
  git(dir, env, 'init', '-q', '-b', 'main');
  git(dir, env, 'config', 'user.name', 'seckit e2e');
  git(dir, env, 'config', 'user.email', 'e2e@example.invalid');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): Run {
  return toRun(spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' }));
}

function secInit(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Run {
  return toRun(spawnSync(process.execPath, [SEC_INIT, ...args], { cwd, env, encoding: 'utf8' }));
}

/** Asserts that no 8-character piece of the secret appears (the redacted form shows at most 4). */
function expectNoSecretIn(text: string): void {
  expect(text).not.toContain(FAKE_SECRET);
  for (let i = 0; i + 8 <= FAKE_SECRET.length; i++) expect(text).not.toContain(FAKE_SECRET.slice(i, i + 8));
}

/** Bytes and modes of the files sec-init and husky write, for "nothing changed" checks. */
function snapshot(dir: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const files = [
    'package.json',
    'package-lock.json',
    '.husky/pre-commit',
    '.husky/_/h',
    '.husky/_/pre-commit',
  ];
  const entries = files.map((rel) => {
    const abs = path.join(dir, rel);
    return [rel, `${statSync(abs).mode.toString(8)}:${readFileSync(abs, 'utf8')}`] as const;
  });
  return {
    ...Object.fromEntries(entries),
    hooksPath: git(dir, env, 'config', '--get', 'core.hooksPath').output,
  };
}

describe('sec-init in a fresh npm project, then git commit', () => {
  const env = cleanEnv();
  let dir: string;
  let install: Run;

  beforeAll(() => {
    dir = scratchRepo(env);
    expect(toRun(spawnSync('npm', ['init', '-y'], { cwd: dir, env, encoding: 'utf8' })).code).toBe(0);
    install = secInit(dir, env, dir, '--from', inject('tarballDir'), '--yes');
  });

  it('installs with npm and says what it changed', () => {
    expect(install.output).toContain(`seckit is installed in ${dir}.`);
    expect(install.code).toBe(0);
    expect(install.output).toContain('node_modules: installed @seckit/core@');
    expect(install.output).toContain('package.json: set scripts.prepare to "husky"');
    expect(install.output).toContain('.husky/pre-commit: created it with the seckit block');
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare).toBe('husky');
    expect(pkg.devDependencies.husky).toBe('9.1.7');
    expect(pkg.devDependencies['@seckit/hooks']).toMatch(/^file:.*seckit-hooks-.*\.tgz$/);
    expect(existsSync(path.join(dir, 'package-lock.json'))).toBe(true);
    expect(git(dir, env, 'config', '--get', 'core.hooksPath').output.trim()).toBe('.husky/_');
  });

  it('blocks a commit that stages a secret, naming file and rule, without printing the secret', () => {
    writeFileSync(path.join(dir, 'deploy.env'), SECRET_LINE);
    git(dir, env, 'add', 'deploy.env');
    const commit = git(dir, env, 'commit', '-m', 'add deploy settings');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('deploy.env');
    expect(commit.output).toContain('secretlint-rule-aws');
    expect(commit.output).toContain('husky - pre-commit script failed (code 1)');
    expectNoSecretIn(commit.output);
    // Nothing was committed.
    expect(git(dir, env, 'rev-parse', '--verify', '-q', 'HEAD').code).not.toBe(0);
  });

  it('lets a clean commit through', () => {
    git(dir, env, 'rm', '-q', '--cached', 'deploy.env');
    writeFileSync(path.join(dir, 'index.js'), "console.log('hello');\n");
    git(dir, env, 'add', 'index.js', '.husky/pre-commit');
    const commit = git(dir, env, 'commit', '-m', 'first clean commit');
    expect(commit.output).not.toContain('Commit blocked');
    expect(commit.code).toBe(0);
    expect(git(dir, env, 'log', '--format=%s').output.trim()).toBe('first clean commit');
  });

  it('a second sec-init run changes nothing and says so', () => {
    const before = snapshot(dir, env);
    const again = secInit(dir, env, '--from', inject('tarballDir'), '--yes');
    expect(again).toEqual({
      code: 0,
      output: `sec-init: Nothing changed: seckit is already installed in ${dir}.\n`,
    });
    expect(snapshot(dir, env)).toEqual(before);
  });
});

describe('sec-init in a project that already has a prepare script and a pre-commit hook', () => {
  const env = cleanEnv();
  const userHook = 'echo "user hook ran" > .git/user-hook-ran\n';
  let dir: string;
  let install: Run;

  beforeAll(() => {
    dir = scratchRepo(env, {
      'package.json': `${JSON.stringify({ name: 'existing', private: true, scripts: { prepare: 'node -e 0' } }, null, 4)}\n`,
      '.husky/pre-commit': userHook,
    });
    install = secInit(dir, env, '.', '--from', inject('tarballDir'), '--yes');
  });

  it('extends the prepare script and keeps the indentation', () => {
    expect(install.code).toBe(0);
    const text = readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(JSON.parse(text).scripts.prepare).toBe('node -e 0 && husky');
    expect(text).toMatch(/^ {4}"scripts": \{$/m);
    expect(install.output).toContain('extended scripts.prepare from "node -e 0" to "node -e 0 && husky"');
  });

  it('keeps the existing hook lines and appends the seckit block; both run on commit', () => {
    const hook = readFileSync(path.join(dir, '.husky/pre-commit'), 'utf8');
    expect(hook.startsWith(userHook)).toBe(true);
    expect(hook).toContain('# >>> seckit >>>');
    expect(statSync(path.join(dir, '.husky/pre-commit')).mode & 0o111).toBe(0o111);

    writeFileSync(path.join(dir, 'secret.env'), SECRET_LINE);
    git(dir, env, 'add', 'secret.env');
    const commit = git(dir, env, 'commit', '-m', 'oops');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('secret.env');
    expectNoSecretIn(commit.output);
    expect(existsSync(path.join(dir, '.git/user-hook-ran'))).toBe(true);
  });
});

describe('sec-init refusals (no install happens)', () => {
  it('outside a git repository: exit 2 with a clear message', () => {
    const env = cleanEnv();
    const dir = tempDir('seckit-e2e-nogit-');
    const run = secInit(dir, env, '--from', inject('tarballDir'));
    expect(run.code).toBe(2);
    expect(run.output).toContain(`${dir} is not inside a git repository`);
    expect(run.output).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
  });

  it('a foreign core.hooksPath is not overwritten: exit 1 and the lines to add there', () => {
    const env = cleanEnv();
    const dir = scratchRepo(env, { 'package.json': '{ "name": "lefty" }\n' });
    git(dir, env, 'config', 'core.hooksPath', '.githooks');
    const run = secInit(dir, env, '--from', inject('tarballDir'), '--yes');
    expect(run.code).toBe(1);
    expect(run.output).toContain('core.hooksPath = .githooks');
    expect(run.output).toContain('./node_modules/.bin/seckit scan --staged || exit $?');
    expect(git(dir, env, 'config', '--get', 'core.hooksPath').output.trim()).toBe('.githooks');
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{ "name": "lefty" }\n');
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });
});
