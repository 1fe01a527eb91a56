import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { choosePackageManager, detectPackageManager } from '../src/install/detect-package-manager.js';
import { findTarballs } from '../src/install/find-tarballs.js';
import { findWorkspaceRoot, matchesWorkspace } from '../src/install/find-workspace-root.js';
import { addCommand, formatCommand, syncCommand, wantedPackages } from '../src/install/install-command.js';
import { CORE_VERSION, HOOKS_VERSION, HUSKY_VERSION, LINT_STAGED_VERSION } from '../src/install/versions.js';
import { writeFiles } from './helpers/install-project.js';

const none = { packageManagerField: undefined, lockfiles: [], userAgent: undefined };

describe('choosePackageManager', () => {
  it('defaults to npm, and uses the user agent only when the project declares nothing', () => {
    expect(choosePackageManager(none)).toEqual({ name: 'npm', source: 'the default' });
    expect(
      choosePackageManager({ ...none, userAgent: 'pnpm/10.34.8 npm/? node/v20.20.2 linux x64' }).name,
    ).toBe('pnpm');
  });

  it('prefers the project over the user agent (`npx sec-init` in a pnpm project installs with pnpm)', () => {
    const npx = 'npm/11.1.0 node/v20.20.2 linux x64 workspaces/false';
    expect(choosePackageManager({ ...none, userAgent: npx, lockfiles: ['pnpm-lock.yaml'] })).toEqual({
      name: 'pnpm',
      source: 'pnpm-lock.yaml',
    });
    expect(
      choosePackageManager({ ...none, userAgent: npx, packageManagerField: 'yarn@4.6.0+sha512.abc' }).name,
    ).toBe('yarn');
    expect(
      choosePackageManager({ ...none, packageManagerField: 'bun@1.2.0', lockfiles: ['yarn.lock'] }).name,
    ).toBe('bun');
    expect(choosePackageManager({ ...none, lockfiles: ['package-lock.json', 'yarn.lock'] }).name).toBe(
      'yarn',
    );
  });

  it('tells yarn 2+ from yarn 1, and Plug’n’Play from node_modules', () => {
    const dir = tempDir('seckit-pm-');
    writeFiles(dir, { 'yarn.lock': '# yarn lockfile v1\n' });
    expect(detectPackageManager(dir, undefined, {})).toEqual({ name: 'yarn', source: 'yarn.lock' });
    writeFiles(dir, { '.yarnrc.yml': 'nodeLinker: node-modules\n' });
    expect(detectPackageManager(dir, undefined, {})).toMatchObject({ berry: true, plugAndPlay: false });
    writeFiles(dir, { '.yarnrc.yml': 'enableTelemetry: false\n' });
    expect(detectPackageManager(dir, 'yarn@4.9.2', {})).toMatchObject({ berry: true, plugAndPlay: true });
  });
});

describe('install commands', () => {
  it('syncs with the plain install, never frozen', () => {
    expect(formatCommand(syncCommand({ name: 'npm', source: '' }))).toBe('npm install --no-audit --no-fund');
    expect(formatCommand(syncCommand({ name: 'pnpm', source: '' }))).toBe(
      'pnpm install --no-frozen-lockfile',
    );
    expect(syncCommand({ name: 'yarn', source: '', berry: true }).env).toEqual({
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    });
  });

  it('shows the add command as a person would type it, quoting only for display', () => {
    expect(formatCommand(addCommand({ name: 'pnpm', source: '' }, ['@seckit/hooks@1.0.0'], true))).toBe(
      'pnpm add -D -E -w @seckit/hooks@1.0.0',
    );
    expect(formatCommand(addCommand({ name: 'npm', source: '' }, ["/tmp/it's/x.tgz"], false))).toContain(
      `'/tmp/it'\\''s/x.tgz'`,
    );
  });

  it('pins ours to this version, core next to it, and the tools to the catalog versions', () => {
    expect(wantedPackages(undefined, '/r').map((w) => `${w.name}@${w.spec}`)).toEqual([
      `@seckit/core@${CORE_VERSION}`,
      `@seckit/hooks@${HOOKS_VERSION}`,
      `husky@${HUSKY_VERSION}`,
      `lint-staged@${LINT_STAGED_VERSION}`,
    ]);
    const workspace = readFileSync(new URL('../../../pnpm-workspace.yaml', import.meta.url), 'utf8');
    expect(workspace).toMatch(new RegExp(`^\\s+husky: ${HUSKY_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    expect(workspace).toMatch(
      new RegExp(`^\\s+lint-staged: ${LINT_STAGED_VERSION.replace(/\./g, '\\.')}$`, 'm'),
    );
  });
});

/** A .tgz holding `package/package.json` (ustar, with a pax header like npm writes). */
function tarball(manifest: Record<string, unknown>): Buffer {
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name, 0);
    h.write('0000644\0', 100);
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    h.write(type, 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.fill(' ', 148, 156);
    let sum = 0;
    for (const byte of h) sum += byte;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return h;
  };
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
  const body = Buffer.from(JSON.stringify(manifest));
  const pax = Buffer.from('30 mtime=1700000000.000000000\n');
  return gzipSync(
    Buffer.concat([
      header('PaxHeader', pax.length, 'x'),
      pad(pax),
      header('package/package.json', body.length, '0'),
      pad(body),
      Buffer.alloc(1024),
    ]),
  );
}

describe('findTarballs', () => {
  const folder = (files: Record<string, Record<string, unknown> | string>) => {
    const dir = tempDir('seckit-tgz-');
    for (const [name, manifest] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), typeof manifest === 'string' ? manifest : tarball(manifest));
    }
    return dir;
  };

  it('takes @seckit/hooks and what it needs from the folder, by the names inside the tarballs', async () => {
    const dir = folder({
      'a.tgz': {
        name: '@seckit/hooks',
        version: '0.2.0',
        dependencies: { '@seckit/core': '0.2.0', '@seckit/preset': '0.2.0', zod: '4' },
      },
      'b.tgz': { name: '@seckit/core', version: '0.2.0', dependencies: { zod: '4' } },
      'c.tgz': { name: '@seckit/preset', version: '0.2.0' },
      'd.tgz': { name: '@seckit/report', version: '0.2.0', dependencies: { '@seckit/core': '0.2.0' } },
      'e.tgz': { name: 'sec-init', version: '0.2.0', dependencies: { '@seckit/hooks': '0.2.0' } },
      'notes.txt': 'not a tarball',
    });
    const found = await findTarballs(dir);
    expect(found.map((t) => `${t.name}@${t.version}`)).toEqual([
      '@seckit/core@0.2.0',
      '@seckit/hooks@0.2.0',
      '@seckit/preset@0.2.0',
    ]);
    expect(
      wantedPackages(found, path.join(dir, 'app'))
        .map((w) => w.spec)
        .slice(0, 3),
    ).toEqual(['file:../b.tgz', 'file:../a.tgz', 'file:../c.tgz']);
  });

  it.each([
    [{ 'x.tgz': { name: '@seckit/core', version: '1.0.0' } }, 'has no tarball of @seckit/hooks'],
    [
      {
        'x.tgz': { name: '@seckit/hooks', version: '1.0.0' },
        'y.tgz': { name: '@seckit/hooks', version: '2.0.0' },
      },
      'two tarballs of @seckit/hooks',
    ],
    [{ 'x.tgz': 'garbage' }, 'is not a readable npm package tarball'],
  ])('refuses %j', async (files, message) => {
    await expect(findTarballs(folder(files))).rejects.toMatchObject({
      code: 'E_TARBALLS',
      message: expect.stringContaining(message),
    });
  });

  it('says when the folder cannot be read', async () => {
    await expect(findTarballs('/nonexistent/seckit')).rejects.toMatchObject({
      message: expect.stringContaining('Cannot read the --from folder /nonexistent/seckit'),
    });
  });
});

describe('workspace roots', () => {
  it('matches workspace globs, negations included', () => {
    expect(matchesWorkspace(['packages/*'], 'packages/a')).toBe(true);
    expect(matchesWorkspace(['packages/*'], 'packages/a/b')).toBe(false);
    expect(matchesWorkspace(['apps/**', '!apps/legacy'], 'apps/legacy')).toBe(false);
    expect(matchesWorkspace(['./tools/cli/'], 'tools/cli')).toBe(true);
  });

  it('finds the pnpm or package.json workspace that lists a package, never above the repository', () => {
    const dir = tempDir('seckit-ws-');
    writeFiles(dir, {
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
      'packages/a/package.json': '{}',
      'other/package.json': '{}',
      'npm/package.json': '{ "workspaces": { "packages": ["libs/*"] } }',
      'npm/libs/x/package.json': '{}',
    });
    expect(findWorkspaceRoot(path.join(dir, 'packages/a'), dir)).toEqual({
      dir,
      kind: 'pnpm-workspace.yaml',
    });
    expect(findWorkspaceRoot(path.join(dir, 'other'), dir)).toBeUndefined();
    expect(findWorkspaceRoot(path.join(dir, 'npm/libs/x'), dir)).toEqual({
      dir: path.join(dir, 'npm'),
      kind: 'package.json workspaces',
    });
    expect(findWorkspaceRoot(path.join(dir, 'packages/a'), path.join(dir, 'packages'))).toBeUndefined();
  });
});
