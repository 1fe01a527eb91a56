import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { type InstallOptions, install } from '../../src/install/install.js';
import { runSecInit } from '../../src/install/run-sec-init.js';
import { type UninstallOptions, uninstall } from '../../src/install/uninstall.js';

// Real git, real husky and lint-staged (linked from this workspace), real files: only the package
// manager step is skipped (installDependencies: false); test/e2e-*.test.ts runs that too.

function findWorkspacePackage(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${name} is not installed in this workspace`);
    dir = parent;
  }
}

export const HUSKY = findWorkspacePackage('husky');
export const LINT_STAGED = findWorkspacePackage('lint-staged');

export function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

export function gitStatus(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): number {
  try {
    execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}

/** Links husky and lint-staged into `<dir>/node_modules` as a package manager would leave them. */
export function linkTools(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(HUSKY, path.join(dir, 'node_modules', 'husky'), 'dir');
  symlinkSync(LINT_STAGED, path.join(dir, 'node_modules', 'lint-staged'), 'dir');
  symlinkSync(
    path.join(LINT_STAGED, 'bin', 'lint-staged.js'),
    path.join(dir, 'node_modules', '.bin', 'lint-staged'),
  );
}

/**
 * Every file below `dir` (node_modules and .git excepted) with its bytes and mode, plus the local
 * core.hooksPath: equal snapshots mean nothing sec-init can touch was changed.
 */
export function snapshot(dir: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      if (name === '.git' || name === 'node_modules') continue;
      const abs = path.join(dir, child);
      const info = lstatSync(abs);
      if (info.isDirectory()) {
        out[`${child}/`] = 'dir';
        walk(child);
      } else out[child] = `${(info.mode & 0o777).toString(8)} ${readFileSync(abs, 'utf8')}`;
    }
  };
  walk('');
  out['core.hooksPath'] =
    gitStatus(dir, env, 'config', '--local', '--get', 'core.hooksPath') === 0
      ? git(dir, env, 'config', '--local', '--get', 'core.hooksPath').trim()
      : '(unset)';
  out['node_modules exists'] = String(existsSync(path.join(dir, 'node_modules')));
  return out;
}

export interface Project {
  dir: string;
  env: NodeJS.ProcessEnv;
  read(rel: string): string;
  exists(rel: string): boolean;
  mode(rel: string): number;
  run(extra?: Partial<InstallOptions>): ReturnType<typeof install>;
  remove(extra?: Partial<UninstallOptions>): ReturnType<typeof uninstall>;
  cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  snapshot(): Record<string, string>;
  git(...args: string[]): string;
}

/** A temporary git repository holding `files`, with husky and lint-staged in node_modules unless told otherwise. */
export function project(
  files: Record<string, string> = {},
  options: { tools?: boolean; commit?: boolean } = {},
): Project {
  const env = isolatedEnv({ NO_COLOR: '1' });
  const dir = tempDir('seckit-init-');
  git(dir, env, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  if (options.commit) {
    git(dir, env, 'add', '-A');
    git(dir, env, 'commit', '-q', '--allow-empty', '-m', 'initial');
  }
  if (options.tools !== false) linkTools(dir);
  return {
    dir,
    env,
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    exists: (rel) => existsSync(path.join(dir, rel)),
    mode: (rel) => statSync(path.join(dir, rel)).mode & 0o777,
    run: (extra = {}) => install({ dir, env, installDependencies: false, ...extra }),
    remove: (extra = {}) => uninstall({ dir, env, ...extra }),
    cli: async (...argv) => {
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
    },
    snapshot: () => snapshot(dir, env),
    git: (...args) => git(dir, env, ...args),
  };
}

/**
 * Declares our packages in package.json text and puts matching stubs into node_modules, so the
 * CLI (which always runs the package manager when something is missing) has nothing to install.
 */
export function preinstalled(
  versions: { hooks: string; core: string },
  pkg: Record<string, unknown> = {},
): Record<string, string> {
  const stub = (name: string, version: string) => `{ "name": "${name}", "version": "${version}" }`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: 'app',
        ...pkg,
        devDependencies: {
          '@seckit/core': versions.core,
          '@seckit/hooks': versions.hooks,
          husky: '9.1.7',
          'lint-staged': '16.4.0',
          ...((pkg.devDependencies as Record<string, string> | undefined) ?? {}),
        },
      },
      null,
      2,
    )}\n`,
    'node_modules/@seckit/hooks/package.json': stub('@seckit/hooks', versions.hooks),
    'node_modules/@seckit/core/package.json': stub('@seckit/core', versions.core),
  };
}
