import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { choosePackageManager } from '../src/install/detect-package-manager.js';
import { findTarballs } from '../src/install/find-tarballs.js';
import { formatCommand, installCommand, wantedPackages } from '../src/install/install-command.js';
import { HOOKS_VERSION, HUSKY_VERSION } from '../src/install/versions.js';

const none = { packageManagerField: undefined, lockfiles: [], userAgent: undefined };

describe('choosePackageManager', () => {
  it('defaults to npm', () => {
    expect(choosePackageManager(none)).toEqual({ name: 'npm', source: 'the default' });
  });

  it('uses the user agent when the project declares nothing', () => {
    expect(
      choosePackageManager({ ...none, userAgent: 'pnpm/10.34.8 npm/? node/v20.20.2 linux x64' }).name,
    ).toBe('pnpm');
    expect(choosePackageManager({ ...none, userAgent: 'bun/1.2.0 npm/? node/v22' }).name).toBe('bun');
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
  });

  it('reads packageManager before lockfiles, and lockfiles in a fixed order', () => {
    expect(
      choosePackageManager({ ...none, packageManagerField: 'bun@1.2.0', lockfiles: ['yarn.lock'] }).name,
    ).toBe('bun');
    expect(choosePackageManager({ ...none, lockfiles: ['package-lock.json', 'yarn.lock'] }).name).toBe(
      'yarn',
    );
    expect(choosePackageManager({ ...none, lockfiles: ['bun.lockb'] }).name).toBe('bun');
    expect(choosePackageManager({ ...none, packageManagerField: 'cnpm@1', lockfiles: [] }).name).toBe('npm');
  });
});

describe('installCommand', () => {
  const specs = ['@seckit/hooks@1.0.0', 'husky@9.1.7'];
  it.each([
    ['npm', 'npm install -D -E --no-audit --no-fund @seckit/hooks@1.0.0 husky@9.1.7'],
    ['pnpm', 'pnpm add -D -E @seckit/hooks@1.0.0 husky@9.1.7'],
    ['yarn', 'yarn add -D -E @seckit/hooks@1.0.0 husky@9.1.7'],
    ['bun', 'bun add -d -E @seckit/hooks@1.0.0 husky@9.1.7'],
  ] as const)('%s', (name, expected) => {
    expect(formatCommand(installCommand(name, specs))).toBe(expected);
  });

  it('adds -w for a pnpm workspace root', () => {
    expect(installCommand('pnpm', specs, { workspaceRoot: true }).args).toEqual([
      'add',
      '-D',
      '-E',
      '-w',
      ...specs,
    ]);
  });

  it('keeps a path with spaces as one argument and quotes it only for display', () => {
    const command = installCommand('npm', ["/tmp/it's here/seckit-hooks-1.0.0.tgz"]);
    expect(command.args.at(-1)).toBe("/tmp/it's here/seckit-hooks-1.0.0.tgz");
    expect(formatCommand(command)).toContain(`'/tmp/it'\\''s here/seckit-hooks-1.0.0.tgz'`);
  });
});

describe('wantedPackages', () => {
  it('pins @seckit/hooks to our own version and husky to the catalog version', () => {
    expect(wantedPackages(undefined).map((want) => want.spec)).toEqual([
      `@seckit/hooks@${HOOKS_VERSION}`,
      `husky@${HUSKY_VERSION}`,
    ]);
  });

  it('keeps HUSKY_VERSION equal to the pnpm catalog entry', () => {
    const workspace = readFileSync(new URL('../../../pnpm-workspace.yaml', import.meta.url), 'utf8');
    expect(workspace).toMatch(new RegExp(`^\\s+husky: ${HUSKY_VERSION.replace(/\./g, '\\.')}$`, 'm'));
  });
});

describe('findTarballs', () => {
  const folder = (names: string[]) => {
    const dir = tempDir('seckit-tgz-');
    for (const name of names) writeFileSync(path.join(dir, name), '');
    return dir;
  };

  it('finds our packed packages and ignores everything else', async () => {
    const dir = folder([
      'seckit-hooks-0.2.0.tgz',
      'seckit-core-0.2.0-rc.1.tgz',
      'sec-init-0.2.0.tgz',
      'notes.txt',
    ]);
    expect(await findTarballs(dir)).toEqual([
      { name: '@seckit/core', version: '0.2.0-rc.1', file: path.join(dir, 'seckit-core-0.2.0-rc.1.tgz') },
      { name: '@seckit/hooks', version: '0.2.0', file: path.join(dir, 'seckit-hooks-0.2.0.tgz') },
    ]);
    expect(wantedPackages(await findTarballs(dir)).map((want) => want.spec)).toEqual([
      path.join(dir, 'seckit-core-0.2.0-rc.1.tgz'),
      path.join(dir, 'seckit-hooks-0.2.0.tgz'),
      `husky@${HUSKY_VERSION}`,
    ]);
  });

  it.each([
    [['seckit-core-0.2.0.tgz'], 'has no seckit-hooks-<version>.tgz'],
    [['seckit-hooks-0.1.0.tgz', 'seckit-hooks-0.2.0.tgz'], 'two tarballs of @seckit/hooks'],
  ])('refuses %j', async (names, message) => {
    await expect(findTarballs(folder(names))).rejects.toMatchObject({
      code: 'E_TARBALLS',
      message: expect.stringContaining(message),
    });
  });

  it('says when the folder cannot be read', async () => {
    await expect(findTarballs('/nonexistent/seckit')).rejects.toMatchObject({
      code: 'E_TARBALLS',
      message: expect.stringContaining('Cannot read the --from folder /nonexistent/seckit'),
    });
  });
});
