import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  awsLine,
  commit,
  doctor,
  e2eEnv,
  exists,
  expectNoSecretIn,
  fakeSecret,
  git,
  head,
  must,
  readJson,
  run,
  scratchRepo,
  secInit,
  secInitFrom,
  snapshot,
  writeFiles,
} from './e2e-helpers.js';

// The whole path of an npm user: `sec-init --from <packed tarballs>` runs real npm, husky and
// lint-staged in a scratch repository; then real `git commit`s go through the installed hook.

const SECRET = fakeSecret('npm');
const PACKAGE_JSON = `${JSON.stringify(
  {
    name: 'shop',
    version: '1.0.0',
    description: '',
    main: 'index.js',
    scripts: { test: 'node --test' },
    dependencies: {},
    license: 'ISC',
  },
  null,
  2,
)}\n`;

/** Test files live under work/, so the uninstall check can compare everything else. */
const withoutWork = (snap: Record<string, string>) =>
  Object.fromEntries(Object.entries(snap).filter(([file]) => !file.startsWith('work/')));

describe('npm app: sec-init, then git commit', () => {
  const env = e2eEnv();
  let dir: string;
  let before: Record<string, string>;
  let install: { code: number | null; output: string };

  beforeAll(() => {
    dir = scratchRepo(env, {
      'package.json': PACKAGE_JSON,
      'index.js': "console.log('hi');\n",
      '.gitignore': 'node_modules/\n',
    });
    before = snapshot(dir, env);
    install = secInitFrom(dir, env);
  });

  it('installs with npm, says what it changed and what it baselined', () => {
    expect(install.output).toContain(`seckit is installed in ${dir} (package manager: npm`);
    expect(install.code).toBe(0);
    expect(install.output).toMatch(/\n\d+ existing findings? baselined; new ones will block\.\n/);
    const pkg = readJson(dir, 'package.json');
    expect(pkg.scripts).toEqual({ test: 'node --test', prepare: 'husky || true' });
    expect(Object.keys(pkg.devDependencies)).toEqual([
      '@seckit/core',
      '@seckit/hooks',
      '@seckit/secretlint-rule-preset',
      'husky',
      'lint-staged',
    ]);
    expect(pkg.devDependencies.husky).toBe('9.1.7');
    expect(exists(dir, 'package-lock.json')).toBe(true);
    // The policy's $schema resolves on disk, so editors complete it.
    const policy = readJson(dir, '.seckit/policy.json');
    expect(exists(path.join(dir, '.seckit'), policy.$schema)).toBe(true);
    expect(git(dir, env, 'config', '--get', 'core.hooksPath').output.trim()).toBe('.husky/_');
  });

  it("sec-init's own changes pass its own hook", () => {
    must(git(dir, env, 'add', '-A'), 'git add');
    const r = commit(dir, env, 'add seckit');
    expect(r.output).not.toContain('Commit blocked');
    expect(r.code).toBe(0);
  });

  it('blocks a staged secret with exit 1, naming file, rule and the ways forward, never the secret', () => {
    const at = head(dir, env);
    writeFiles(dir, { 'work/deploy.config': awsLine(SECRET) });
    git(dir, env, 'add', 'work/deploy.config');
    const r = commit(dir, env, 'add deploy settings');
    expect(r.code).toBe(1);
    expect(r.output).toContain('work/deploy.config');
    expect(r.output).toContain('@secretlint/secretlint-rule-aws');
    expect(r.output).toContain('Commit blocked');
    expect(r.output).toContain('Ways forward:');
    expect(r.output).toContain('rotate it');
    expect(r.output).toContain('husky - pre-commit script failed (code 1)');
    expectNoSecretIn(r.output, SECRET);
    expect(head(dir, env)).toBe(at);
    must(git(dir, env, 'rm', '-q', '--cached', 'work/deploy.config'), 'git rm');
  });

  it('checks what is staged, not the working tree (partially staged files)', () => {
    // Staged: the secret. Working tree: fixed. Still blocked: the commit would contain it.
    writeFiles(dir, { 'work/app.config': awsLine(SECRET) });
    git(dir, env, 'add', 'work/app.config');
    writeFiles(dir, { 'work/app.config': 'AWS_REGION=eu-west-1\n' });
    expect(commit(dir, env, 'staged secret').code).toBe(1);
    // Staged: clean. Working tree: a secret not staged. Passes, and the unstaged line survives.
    writeFiles(dir, { 'work/app.config': 'AWS_REGION=eu-west-1\n' });
    git(dir, env, 'add', 'work/app.config');
    writeFiles(dir, { 'work/app.config': `AWS_REGION=eu-west-1\n${awsLine(SECRET)}` });
    const r = commit(dir, env, 'staged clean part');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'work/app.config'), 'utf8')).toBe(
      `AWS_REGION=eu-west-1\n${awsLine(SECRET)}`,
    );
    expect(git(dir, env, 'show', 'HEAD:work/app.config').output).toBe('AWS_REGION=eu-west-1\n');
    writeFiles(dir, { 'work/app.config': 'AWS_REGION=eu-west-1\n' });
  });

  it('blocks an unpinned dependency', () => {
    const at = head(dir, env);
    const pkg = readJson(dir, 'package.json');
    pkg.dependencies = { 'left-pad': '^1.3.0' };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    git(dir, env, 'add', 'package.json');
    const r = commit(dir, env, 'add left-pad');
    // Should the check let it through, take the commit back so the other tests see the install.
    if (head(dir, env) !== at) must(git(dir, env, 'reset', '-q', '--soft', at), 'git reset --soft');
    must(git(dir, env, 'reset', '-q', 'package.json'), 'git reset');
    must(git(dir, env, 'checkout', '--', 'package.json'), 'git checkout');
    expect(r.output).toContain('seckit/unpinned-dependency');
    expect(r.code).toBe(1);
  });

  it('lets a clean change through', () => {
    writeFiles(dir, { 'work/hello.js': "export const hello = 'world';\n" });
    git(dir, env, 'add', 'work/hello.js');
    const r = commit(dir, env, 'clean change');
    expect(r.code).toBe(0);
    expect(git(dir, env, 'log', '-1', '--format=%s').output.trim()).toBe('clean change');
  });

  it('a second sec-init changes nothing and says so; doctor finds everything in place', () => {
    const snap = snapshot(dir, env);
    const again = secInitFrom(dir, env);
    expect(again).toEqual({
      code: 0,
      output: `sec-init: Nothing changed: seckit is already installed in ${dir}.\n`,
    });
    expect(snapshot(dir, env)).toEqual(snap);
    const d = doctor(dir, dir, env);
    expect(d.output).not.toContain('✗');
    expect(d.code).toBe(0);
  });

  it('never breaks installs of a clone: --omit=dev, HUSKY=0, CI=true', () => {
    // A sibling clone, at the same depth as the repository, so the relative tarball paths resolve.
    const clone = path.join(tempDir('seckit-e2e-clone-'), 'c');
    must(git(path.dirname(clone), env, 'clone', '-q', dir, clone), 'git clone');
    const omit = run('npm', ['install', '--omit=dev'], clone, env);
    expect(omit.code, omit.output).toBe(0);
    expect(omit.output).toContain('husky: not found');
    const huskyOff = run('npm', ['ci'], clone, { ...env, HUSKY: '0' });
    expect(huskyOff.code, huskyOff.output).toBe(0);
    expect(git(clone, env, 'config', '--get', 'core.hooksPath').code).toBe(1);
    const ci = run('npm', ['ci'], clone, { ...env, CI: 'true' });
    expect(ci.code, ci.output).toBe(0);
    expect(git(clone, env, 'config', '--get', 'core.hooksPath').output.trim()).toBe('.husky/_');
  });

  it('--uninstall restores the original files byte for byte', () => {
    const r = secInit(dir, env, '--uninstall', '--yes');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('package.json: restored to what it was before sec-init');
    expect(withoutWork(snapshot(dir, env))).toEqual(before);
    expect(exists(dir, 'node_modules')).toBe(false);
  });
});
