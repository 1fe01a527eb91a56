import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { beforeAll, expect, inject, it } from 'vitest';

// Shared by the e2e files: real git, real package managers, real husky and lint-staged, and our
// packages from the tarballs global-setup packed, installed by sec-init as a user would.

export const SEC_INIT = fileURLToPath(new URL('../packages/sec-init/bin/sec-init.js', import.meta.url));

export interface Run {
  code: number | null;
  /** stdout and stderr together, as a person would see them. */
  output: string;
}

function toRun(result: SpawnSyncReturns<string>): Run {
  if (result.error) throw result.error;
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * A developer's shell: the runner's variables minus those that steer git and package managers,
 * an empty global git config with an identity, and one npm cache for the whole run.
 */
export function e2eEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // `pnpm exec vitest` puts this workspace's node_modules/.bin (husky, lint-staged, …) on PATH;
  // a user's shell has none of them.
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !/[\\/]node_modules[\\/]\.bin$/.test(entry))
    .join(path.delimiter);
  return isolatedEnv({
    PATH,
    NO_COLOR: '1',
    npm_config_cache: inject('npmCache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  });
}

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  return toRun(spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 }));
}

export function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): Run {
  return run('git', args, dir, env);
}

export function must(result: Run, what: string): Run {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.output}`);
  return result;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}

/**
 * A scratch git repository holding `files`, committed once; `setup` runs in it before that commit
 * (e.g. the package manager's own install, so the repository starts as its users' would).
 */
export function scratchRepo(
  env: NodeJS.ProcessEnv,
  files: Record<string, string>,
  prefix = 'seckit-e2e-',
  setup?: (dir: string) => void,
): string {
  const dir = tempDir(prefix);
  must(git(dir, env, 'init', '-q', '-b', 'main'), 'git init');
  writeFiles(dir, files);
  setup?.(dir);
  must(git(dir, env, 'add', '-A'), 'git add');
  must(git(dir, env, 'commit', '-q', '--no-verify', '-m', 'initial'), 'git commit');
  return dir;
}

export function secInit(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Run {
  return run(process.execPath, [SEC_INIT, ...args], cwd, env);
}

/** `sec-init --from <tarballs> --yes`, as a test would run it. */
export function secInitFrom(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Run {
  return secInit(cwd, env, '--from', inject('tarballDir'), '--yes', ...args);
}

export function commit(dir: string, env: NodeJS.ProcessEnv, message: string): Run {
  return git(dir, env, 'commit', '-m', message);
}

export function head(dir: string, env: NodeJS.ProcessEnv): string {
  return git(dir, env, 'rev-parse', '-q', '--verify', 'HEAD').output.trim();
}

/** A fake credential, assembled at runtime so this repository's own scan never sees one. */
export function fakeSecret(tag: string): string {
  return ['Fake0Seckit0', `${tag}`.padEnd(4, '0').slice(0, 4), '/Not0A0Real0Key/', 'Wxyz1234'].join('');
}

export const awsLine = (secret: string) => `AWS_SECRET_ACCESS_KEY=${secret}\n`;

/** Asserts that no 8-character piece of the secret appears (the redacted form shows at most 4). */
export function expectNoSecretIn(text: string, secret: string): void {
  expect(text).not.toContain(secret);
  for (let i = 0; i + 8 <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + 8));
}

// What installs write and nobody commits: node_modules and Yarn 4's install state and cache.
const INSTALL_OUTPUT = new Set(['.git', 'node_modules', '.yarn/install-state.gz', '.yarn/cache']);

/** Every file of the work tree except .git and install output, with bytes and mode; and core.hooksPath. */
export function snapshot(dir: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      if (INSTALL_OUTPUT.has(child) || name === 'node_modules') continue;
      const info = lstatSync(path.join(dir, child));
      if (info.isDirectory()) walk(child);
      else out[child] = `${(info.mode & 0o777).toString(8)} ${readFileSync(path.join(dir, child), 'utf8')}`;
    }
  };
  walk('');
  out['core.hooksPath'] =
    git(dir, env, 'config', '--local', '--get', 'core.hooksPath').output.trim() || '(unset)';
  return out;
}

/** `seckit doctor`, run with the CLI installed in `installRoot`, in `dir`. */
export function doctor(dir: string, installRoot: string, env: NodeJS.ProcessEnv): Run {
  const bin = path.join(installRoot, 'node_modules', '@seckit', 'hooks', 'bin', 'seckit.js');
  return run(process.execPath, [bin, 'doctor'], dir, env);
}

/** The real path of `name` from the npm package `spec`, fetched once through npx into the run's npm cache. */
function npxBinary(env: NodeJS.ProcessEnv, spec: string, name: string): string {
  const found = spawnSync('npx', ['-y', '-p', spec, 'sh', '-c', `command -v ${name}`], {
    cwd: tempDir('seckit-npx-'),
    env,
    encoding: 'utf8',
  });
  if (found.status !== 0) throw new Error(`npx ${spec} failed:\n${found.stdout}${found.stderr}`);
  return realpathSync(found.stdout.trim().split('\n').at(-1) ?? '');
}

/**
 * A folder with a `yarn` for PATH: Yarn 1.22.22, or another package that ships a `yarn` binary
 * (`@yarnpkg/cli-dist@4.x` for Yarn 4), started directly with node, so each call costs no npx
 * start-up.
 */
export function yarnBin(env: NodeJS.ProcessEnv, spec = 'yarn@1.22.22'): string {
  const yarnJs = npxBinary(env, spec, 'yarn');
  const bin = tempDir('seckit-yarn-bin-');
  writeFileSync(
    path.join(bin, 'yarn'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(yarnJs)} "$@"\n`,
  );
  chmodSync(path.join(bin, 'yarn'), 0o755);
  return bin;
}

/** A folder with `bun` (the npm package's native binary) for PATH. */
export function bunBin(env: NodeJS.ProcessEnv, spec = 'bun@1.3.14'): string {
  const bin = tempDir('seckit-bun-bin-');
  symlinkSync(npxBinary(env, spec, 'bun'), path.join(bin, 'bun'));
  return bin;
}

/** A scenario's `unpinned` change: `manifest` (at `file`) gains a dependency on a caret range. */
export function unpinnedDependency(file: string, manifest: object): [string, string] {
  return [file, `${JSON.stringify({ ...manifest, dependencies: { 'left-pad': '^1.3.0' } }, null, 2)}\n`];
}

export function exists(dir: string, rel: string): boolean {
  return existsSync(path.join(dir, rel));
}

// biome-ignore lint/suspicious/noExplicitAny: test code reads JSON it just wrote, by known paths.
export function readJson(dir: string, rel: string): any {
  return JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
}

export interface Scenario {
  /** The repository before sec-init: its files, committed. */
  files: Record<string, string>;
  /** Where sec-init runs, relative to the repository (a package folder, say). */
  cwd?: string;
  /** A different work tree to run in (a linked worktree), made from the repository. */
  workTree?: (repo: string, env: NodeJS.ProcessEnv) => string;
  env?: Record<string, string>;
  /**
   * How sec-init is run for install, the second run and --uninstall (`--yes` is added): by default
   * the workspace's bin with `--from` the packed tarballs (not for --uninstall).
   */
  secInit?: (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) => Run;
  /** Runs in the repository before its first commit (see scratchRepo). */
  setup?: (dir: string, env: NodeJS.ProcessEnv) => void;
  /** Where staged secrets and clean changes go (repository-relative). */
  secretFile: string;
  cleanFile: string;
  /** A change that makes a dependency unpinned: [file, new content]. */
  unpinned?: [string, string];
}

export interface ScenarioState {
  dir: string;
  env: NodeJS.ProcessEnv;
  install: Run;
}

/**
 * The checks every e2e repository goes through, as `it`s in the calling describe: sec-init
 * installs and its own changes pass the hook; a staged secret is blocked (exit 1) without being
 * printed; an unpinned dependency is blocked; a clean change passes; a second sec-init changes
 * nothing; `--uninstall` gives back the original files byte for byte. `more` adds the
 * repository's own checks after the install ones.
 */
export function scenario(options: Scenario, more?: (state: () => ScenarioState) => void): void {
  const secret = fakeSecret(path.basename(options.secretFile));
  const state: ScenarioState = { dir: '', env: {}, install: { code: null, output: '' } };
  let before: Record<string, string> = {};
  let cwd = '';
  const scratch = (files: string[]) =>
    files.filter((f) => f !== options.secretFile && f !== options.cleanFile);

  beforeAll(() => {
    state.env = e2eEnv(options.env);
    const repo = scratchRepo(state.env, options.files, undefined, (dir) => options.setup?.(dir, state.env));
    state.dir = options.workTree === undefined ? repo : options.workTree(repo, state.env);
    cwd = path.join(state.dir, options.cwd ?? '');
    before = snapshot(state.dir, state.env);
    state.install = options.secInit?.(cwd, state.env, '--yes') ?? secInitFrom(cwd, state.env);
  });

  it('installs, and its own changes pass the hook', () => {
    expect(state.install.code, state.install.output).toBe(0);
    expect(state.install.output).toMatch(/\n\d+ existing findings? baselined; new ones will block\.\n/);
    must(git(state.dir, state.env, 'add', '-A'), 'git add');
    const r = commit(state.dir, state.env, 'add seckit');
    expect(r.code, r.output).toBe(0);
  });

  more?.(() => state);

  it('blocks a staged secret (exit 1) and never prints it', () => {
    const at = head(state.dir, state.env);
    writeFiles(state.dir, { [options.secretFile]: awsLine(secret) });
    must(git(state.dir, state.env, 'add', options.secretFile), 'git add');
    const r = commit(state.dir, state.env, 'add a secret');
    must(git(state.dir, state.env, 'rm', '-q', '--cached', options.secretFile), 'git rm');
    expect(r.output).toContain(options.secretFile);
    expect(r.output).toContain('@secretlint/secretlint-rule-aws');
    expect(r.output).toContain('Commit blocked');
    expect(r.code).toBe(1);
    expectNoSecretIn(r.output, secret);
    expect(head(state.dir, state.env)).toBe(at);
    rmSync(path.join(state.dir, options.secretFile));
  });

  if (options.unpinned !== undefined) {
    const [file, content] = options.unpinned;
    it(`blocks an unpinned dependency (${file})`, () => {
      const at = head(state.dir, state.env);
      const original = readFileSync(path.join(state.dir, file));
      writeFiles(state.dir, { [file]: content });
      must(git(state.dir, state.env, 'add', file), 'git add');
      const r = commit(state.dir, state.env, 'unpinned dependency');
      // Should the check let it through, take the commit back so the other tests see the install.
      if (head(state.dir, state.env) !== at)
        must(git(state.dir, state.env, 'reset', '-q', '--soft', at), 'git reset');
      must(git(state.dir, state.env, 'reset', '-q', file), 'git reset');
      writeFileSync(path.join(state.dir, file), original);
      expect(r.output).toMatch(/seckit\/(unpinned-dependency|python-unpinned)/);
      expect(r.code).toBe(1);
    });
  }

  it('lets a clean change through', () => {
    writeFiles(state.dir, { [options.cleanFile]: `// clean ${Date.now()}\n` });
    must(git(state.dir, state.env, 'add', options.cleanFile), 'git add');
    const r = commit(state.dir, state.env, 'clean change');
    expect(r.code, r.output).toBe(0);
  });

  it('a second sec-init changes nothing and says so', () => {
    const snap = snapshot(state.dir, state.env);
    const again = options.secInit?.(cwd, state.env, '--yes') ?? secInitFrom(cwd, state.env);
    expect(again.output).toContain('Nothing changed: seckit is already installed');
    expect(again.code).toBe(0);
    expect(snapshot(state.dir, state.env)).toEqual(snap);
  });

  it('--uninstall restores the original files byte for byte', () => {
    const r = (options.secInit ?? secInit)(cwd, state.env, '--uninstall', '--yes');
    expect(r.code, r.output).toBe(0);
    const after = snapshot(state.dir, state.env);
    delete after[options.cleanFile];
    expect(after).toEqual(
      Object.fromEntries(Object.entries(before).filter(([f]) => scratch([f]).length > 0)),
    );
    // Nothing of seckit's is left in the git folders either: install state, the hook's cache of
    // validated configuration (shared by all work trees).
    for (const flag of ['--git-dir', '--git-common-dir']) {
      const gitDir = path.resolve(
        state.dir,
        must(git(state.dir, state.env, 'rev-parse', flag), 'rev-parse').output.trim(),
      );
      expect(existsSync(path.join(gitDir, 'seckit')), `${gitDir}/seckit`).toBe(false);
    }
  });
}
