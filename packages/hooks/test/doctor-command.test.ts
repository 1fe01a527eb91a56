import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { doctorCommand } from '../src/doctor/index.js';
import { CORE_VERSION, HOOKS_VERSION } from '../src/install/versions.js';
import { linkTools, preinstalled, project } from './helpers/install-project.js';

async function doctor(cwd: string, env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const code = await doctorCommand(
    { cwd },
    {
      env,
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    },
  );
  return { code, stdout, stderr };
}

/** An installed repository whose @seckit/hooks stub also has the bin the checks look for. */
async function installed() {
  const p = project(preinstalled({ hooks: HOOKS_VERSION, core: CORE_VERSION }));
  expect((await p.run()).status).toBe('installed');
  return p;
}

describe('seckit doctor', () => {
  it('exit 0 and every check passed on a fresh install', async () => {
    const p = await installed();
    const r = await doctor(p.dir, p.env);
    expect(r.stdout).toContain(`seckit doctor: ${p.dir}`);
    expect(r.stdout).toContain('✓ core.hooksPath = .husky/_ (husky)');
    expect(r.stdout).toContain("✓ husky's runner is in place (.husky/_/)");
    expect(r.stdout).toContain('✓ .husky/pre-commit runs node_modules/.bin/lint-staged');
    expect(r.stdout).toContain('✓ lint-staged runs seckit (.lintstagedrc.mjs)');
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('a worktree or clone without husky’s runner: the silent skip, with its fix', async () => {
    const p = await installed();
    rmSync(path.join(p.dir, '.husky', '_'), { recursive: true });
    const r = await doctor(p.dir, p.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✗ .husky/_/ is missing in this work tree, so git silently runs no pre-commit hook here',
    );
    expect(r.stdout).toContain('fix: run `npm install` here (its prepare script runs husky)');
  });

  it('core.hooksPath unset, a hook that is not executable, a config without the task, tools missing', async () => {
    const p = await installed();
    p.git('config', '--unset', 'core.hooksPath');
    let r = await doctor(p.dir, p.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ core.hooksPath is not set');

    p.git('config', 'core.hooksPath', '.husky/_');
    chmodSync(path.join(p.dir, '.husky/_/pre-commit'), 0o644);
    writeFileSync(path.join(p.dir, '.lintstagedrc.json'), '{ "*.js": "eslint" }\n');
    rmSync(path.join(p.dir, 'node_modules', '.bin', 'lint-staged'));
    r = await doctor(p.dir, p.env);
    expect(r.stdout).toContain('✗ .husky/_/pre-commit is not executable, so git skips it');
    expect(r.stdout).toContain('✗ .husky/pre-commit runs node_modules/.bin/lint-staged, which is missing');
    expect(r.stdout).toContain('✗ .lintstagedrc.json has no "seckit scan --staged" task');
    expect(r.stdout).toContain('3 problems found');
  });

  it('a hook whose lines no longer start lint-staged or seckit is a problem', async () => {
    const p = await installed();
    writeFileSync(
      path.join(p.dir, '.husky/pre-commit'),
      '# >>> seckit >>> (managed by sec-init)\n# seckit runs as a lint-staged task\n# <<< seckit <<<\n',
    );
    const r = await doctor(p.dir, p.env);
    expect(r.stdout).toContain('✗ .husky/pre-commit neither runs seckit nor lint-staged');
    expect(r.code).toBe(1);
  });

  it('another hook manager that runs seckit is fine; one that does not is a problem', async () => {
    const p = project({
      'package.json': '{}\n',
      '.githooks/pre-commit': '#!/bin/sh\nnode_modules/.bin/seckit scan --staged\n',
    });
    chmodSync(path.join(p.dir, '.githooks/pre-commit'), 0o755);
    p.git('config', 'core.hooksPath', '.githooks');
    expect((await doctor(p.dir, p.env)).stdout).toContain(
      '✓ hooks run from .githooks (custom), which runs seckit',
    );
    writeFileSync(path.join(p.dir, '.githooks/pre-commit'), '#!/bin/sh\nnpm test\n');
    const r = await doctor(p.dir, p.env);
    expect(r.stdout).toContain('✗ hooks run from .githooks (custom), which does not run seckit');
    expect(r.code).toBe(1);
  });

  it('an invalid policy is a problem naming the place; HUSKY=0 a warning', async () => {
    const p = await installed();
    writeFileSync(path.join(p.dir, '.seckit/policy.json'), '{ "blockOn": "sometimes" }\n');
    const r = await doctor(p.dir, { ...p.env, HUSKY: '0' });
    expect(r.stdout).toContain('✗ .seckit/policy.json');
    expect(r.stdout).toContain('blockOn');
    expect(r.stdout).toContain('! HUSKY=0 is set in this shell');
    expect(r.code).toBe(1);
  });

  it('exit 2 outside a repository, without a stack trace', async () => {
    const dir = tempDir('seckit-doctor-');
    const r = await doctor(dir, process.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`seckit doctor: ${dir} is not inside a git work tree`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a linked worktree where husky never ran is reported, while the main one is fine', async () => {
    const p = await installed();
    p.git('add', '-A');
    p.git('commit', '-q', '--no-verify', '-m', 'install');
    const wt = path.join(tempDir('seckit-wt-'), 'wt');
    p.git('worktree', 'add', '-q', wt);
    linkTools(wt);
    const r = await doctor(wt, p.env);
    expect(r.stdout).toContain('✗ .husky/_/ is missing in this work tree');
    expect((await doctor(p.dir, p.env)).code).toBe(0);
  });
});
