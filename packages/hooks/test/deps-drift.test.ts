import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicy } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import { runDependencyChecks } from '../src/deps/index.js';
import { brief, check, fixture } from './fixtures/deps/helpers.js';
import { git, makeRepo, writeFiles } from './helpers/git-repo.js';

const DRIFT = /^seckit\/(lockfile-drift|lockfile-not-staged)/;
const drift = async (files: Record<string, string>, options: Parameters<typeof check>[1] = {}) =>
  brief((await check(files, options)).findings.filter((f) => DRIFT.test(f.ruleId)));

function withDep(manifest: string, name: string, spec: string): string {
  const json = JSON.parse(manifest);
  json.dependencies = { ...json.dependencies, [name]: spec };
  return `${JSON.stringify(json, null, 2)}\n`;
}

describe('in the hook: a manifest staged without its lockfile', () => {
  const npm = fixture('npm');
  const head = { 'package.json': npm['package.json']! };

  it('blocks when dependencies changed against HEAD', async () => {
    const files = { ...npm, 'package.json': withDep(npm['package.json']!, 'left-pad', '1.3.0') };
    const found = await check(files, {
      scope: 'staged',
      targets: ['package.json'],
      staged: ['package.json'],
      head,
    });
    const notStaged = found.findings.filter((f) => f.ruleId === 'seckit/lockfile-not-staged');
    expect(notStaged).toHaveLength(1);
    expect(notStaged[0]).toMatchObject({ severity: 'high', location: { path: 'package.json' } });
    expect(notStaged[0]!.message).toBe(
      'package.json changes dependencies but package-lock.json is not staged: the commit would carry a lockfile that no longer matches',
    );
    expect(notStaged[0]!.fix).toContain('git add package-lock.json');
  });

  it('passes when only other fields changed (scripts, version)', async () => {
    const json = JSON.parse(npm['package.json']!);
    json.scripts = { test: 'vitest' };
    json.version = '1.0.1';
    const files = { ...npm, 'package.json': JSON.stringify(json, null, 4) };
    expect(
      await drift(files, { scope: 'staged', targets: ['package.json'], staged: ['package.json'], head }),
    ).toEqual([]);
  });

  it('counts a manifest new to the repository as changed', async () => {
    const files = { ...npm };
    expect(
      await drift(files, {
        scope: 'staged',
        targets: ['packages/a/package.json'],
        staged: ['packages/a/package.json'],
        head: {},
      }),
    ).toEqual(['seckit/lockfile-not-staged packages/a/package.json:5']);
  });

  it('compares with the lockfile when both are staged, and says what differs', async () => {
    const files = { ...npm, 'package.json': withDep(npm['package.json']!, 'left-pad', '1.3.0') };
    const staged = ['package.json', 'package-lock.json'];
    const { findings } = await check(files, { scope: 'staged', targets: staged, staged, head });
    const drifts = findings.filter((f) => f.ruleId === 'seckit/lockfile-drift');
    expect(drifts.map((f) => f.message)).toEqual([
      '"left-pad" is "1.3.0" in dependencies but package-lock.json recorded "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz": the lockfile no longer matches package.json, so a frozen install (CI) fails or installs something else',
    ]);
  });

  it('pnpm-workspace.yaml: a catalog change needs the lockfile too', async () => {
    const pnpm = fixture('pnpm');
    const ws = pnpm['pnpm-workspace.yaml']!.replace('lodash: ^4.17.21', 'lodash: 4.18.1');
    const files = { ...pnpm, 'pnpm-workspace.yaml': ws };
    const options = {
      scope: 'staged' as const,
      targets: ['pnpm-workspace.yaml'],
      head: { 'pnpm-workspace.yaml': pnpm['pnpm-workspace.yaml']! },
    };
    expect(await drift(files, { ...options, staged: ['pnpm-workspace.yaml'] })).toEqual([
      'seckit/lockfile-not-staged pnpm-workspace.yaml:9',
    ]);
    expect(await drift(files, { ...options, staged: ['pnpm-workspace.yaml', 'pnpm-lock.yaml'] })).toEqual([
      'seckit/lockfile-drift pnpm-workspace.yaml:9',
    ]);
  });
});

describe('manifest ↔ lockfile record, per package manager', () => {
  it.each([
    ['npm', 'package-lock.json'],
    ['npm-v2', 'package-lock.json'],
    ['pnpm', 'pnpm-lock.yaml'],
    ['pnpm-multidoc', 'pnpm-lock.yaml'],
    ['bun', 'bun.lock'],
    ['berry', 'yarn.lock'],
    ['yarn1', 'yarn.lock'],
  ])('%s: in sync as generated, out of sync after an edit', async (name) => {
    const files = fixture(name);
    expect(await drift(files)).toEqual([]);
    const json = JSON.parse(files['package.json']!);
    json.dependencies['is-odd'] = '~3.0.0'; // a range the lockfile never saw
    const edited = { ...files, 'package.json': `${JSON.stringify(json, null, 2)}\n` };
    const line = edited['package.json']!.split('\n').findIndex((l) => l.includes('"is-odd"')) + 1;
    expect(await drift(edited)).toEqual([`seckit/lockfile-drift package.json:${line}`]);
  });

  it.each(['npm', 'pnpm', 'bun', 'berry'])('%s: a dependency added without relocking', async (name) => {
    const files = fixture(name);
    const edited = { ...files, 'package.json': withDep(files['package.json']!, 'left-pad2', '1.0.0') };
    expect((await drift(edited)).length).toBe(1);
  });

  it('npm: a dependency removed from package.json but still recorded', async () => {
    const files = fixture('npm');
    const json = JSON.parse(files['package.json']!);
    delete json.dependencies['is-odd'];
    const { findings } = await check({ ...files, 'package.json': JSON.stringify(json, null, 2) });
    expect(findings.filter((f) => f.ruleId === 'seckit/lockfile-drift').map((f) => f.message)).toEqual([
      expect.stringContaining(
        '"is-odd" is gone from dependencies but package-lock.json still records "~3.0.1"',
      ),
    ]);
  });

  it('pnpm: auto-installed peers are not drift', async () => {
    // packages/a has is-number as a peer; pnpm records it in the importer's dependencies.
    expect(await drift(fixture('pnpm'))).toEqual([]);
  });

  it('uv: pyproject requirements against uv.lock requires-dist', async () => {
    const uv = fixture('uv');
    expect(await drift(uv)).toEqual([]);
    const edited = {
      ...uv,
      'pyproject.toml': uv['pyproject.toml']!.replace('"requests>=2.31"', '"requests>=2.32"'),
    };
    expect(await drift(edited)).toEqual(['seckit/lockfile-drift pyproject.toml:6']);
  });

  it('a nested package that no lockfile records is a missing lockfile', async () => {
    const files = {
      ...fixture('npm'),
      'tools/x/package.json': '{ "name": "x", "dependencies": { "ms": "2.1.3" } }',
    };
    const { findings } = await check(files);
    expect(findings.filter((f) => f.ruleId === 'seckit/missing-lockfile').map((f) => f.message)).toEqual([
      'tools/x/package.json declares 1 dependency but package-lock.json does not record tools/x/package.json as one of its projects: every install resolves them anew',
    ]);
  });

  it('a package.json with dependencies and no lockfile at all', async () => {
    const { findings } = await check({
      'package.json': '{ "name": "x", "dependencies": { "ms": "2.1.3" } }',
    });
    expect(brief(findings)).toEqual(['seckit/missing-lockfile package.json:1']);
  });

  it('only local or workspace dependencies need no lockfile', async () => {
    const { findings } = await check({
      'package.json': '{ "name": "x", "dependencies": { "a": "workspace:*", "b": "file:../b" } }',
    });
    expect(findings).toEqual([]);
  });
});

describe('with real git: HEAD is read through git', () => {
  it('staged manifest, unstaged lockfile, in a repository', async () => {
    const npm = fixture('npm');
    const dir = makeRepo(npm);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    writeFiles(dir, { 'package.json': withDep(npm['package.json']!, 'left-pad', '1.3.0') });
    git(dir, 'add', 'package.json');
    const staged = new Set(
      execFileSync('git', ['diff', '--cached', '--name-only'], { cwd: dir, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean),
    );
    const readIndex = async (p: string) => {
      try {
        return execFileSync('git', ['show', `:${p}`], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return undefined;
      }
    };
    const result = await runDependencyChecks({
      root: dir,
      scope: 'staged',
      files: [...staged].map((p) => ({ path: p, content: readFileSync(path.join(dir, p)) })),
      policy: defaultPolicy(),
      readRepoFile: readIndex,
      stagedPaths: staged,
    });
    expect(result.errors).toEqual([]);
    // It points at the dependency that changed.
    const line =
      readFileSync(path.join(dir, 'package.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"left-pad"')) + 1;
    expect(brief(result.findings).filter((f) => f.startsWith('seckit/lockfile'))).toEqual([
      `seckit/lockfile-not-staged package.json:${line}`,
    ]);
  });
});
