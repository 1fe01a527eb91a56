import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_END,
  BLOCK_START,
  removeSeckitBlock,
  seckitBlock,
  upsertSeckitBlock,
  userRunsLintStaged,
} from '../src/install/hook-block.js';

const LINT = seckitBlock({ kind: 'lint-staged', cd: '', installHint: 'npm install' });

describe('seckitBlock', () => {
  it('runs lint-staged by path, never through npx, failing closed when it is missing', () => {
    expect(LINT.startsWith(`${BLOCK_START}\n`)).toBe(true);
    expect(LINT.endsWith(`${BLOCK_END}\n`)).toBe(true);
    expect(LINT).toContain('\nnode_modules/.bin/lint-staged\n');
    expect(LINT).toContain('[ -x node_modules/.bin/lint-staged ] || {');
    expect(LINT).not.toContain('npx');
  });

  it('below the repository root, cds in a subshell so the user lines keep their directory', () => {
    const block = seckitBlock({ kind: 'lint-staged', cd: 'web app', installHint: 'pnpm install' });
    expect(block).toContain("(\n  cd 'web app' || exit 1\n");
    expect(block).toContain('  node_modules/.bin/lint-staged\n)\n');
  });

  it('direct: runs seckit itself; comment: names the configs and runs nothing', () => {
    expect(seckitBlock({ kind: 'direct', cd: '', installHint: 'npm install' })).toContain(
      '\nnode_modules/.bin/seckit scan --staged\n',
    );
    const comment = seckitBlock({
      kind: 'comment',
      cd: '',
      installHint: 'npm install',
      configs: ['package.json'],
    });
    expect(comment.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
    expect(comment).toContain('package.json');
  });

  it('is valid sh that exits 1 with the message when the tool is missing', () => {
    const dir = tempDir('seckit-block-');
    writeFileSync(
      path.join(dir, 'hook'),
      seckitBlock({ kind: 'lint-staged', cd: '', installHint: 'npm install' }),
    );
    let status = 0;
    let stderr = '';
    try {
      execFileSync('sh', ['-e', 'hook'], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain('node_modules/.bin/lint-staged is missing');
    expect(stderr).toContain('Run `npm install` first');
  });

  it('passes the exit code of the tool through (sh -e, as husky runs hooks)', () => {
    const dir = tempDir('seckit-block-');
    mkdirSync(path.join(dir, 'sub', 'node_modules', '.bin'), { recursive: true });
    const tool = path.join(dir, 'sub', 'node_modules', '.bin', 'lint-staged');
    writeFileSync(tool, '#!/bin/sh\npwd > ../ran-in\nexit 3\n');
    chmodSync(tool, 0o755);
    writeFileSync(
      path.join(dir, 'hook'),
      `${seckitBlock({ kind: 'lint-staged', cd: 'sub', installHint: 'npm install' })}echo after\n`,
    );
    let status = 0;
    try {
      execFileSync('sh', ['-e', 'hook'], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(3);
  });
});

describe('upsertSeckitBlock', () => {
  it('creates, appends after user lines (adding a missing newline), and is a no-op on its own output', () => {
    expect(upsertSeckitBlock(undefined, LINT)).toEqual({
      ok: true,
      content: LINT,
      changed: true,
      action: 'created',
    });
    expect(upsertSeckitBlock('npm test', LINT)).toMatchObject({
      content: `npm test\n${LINT}`,
      action: 'appended',
    });
    for (const input of [undefined, 'npm test\n', '#!/bin/sh\nlint\n']) {
      const first = upsertSeckitBlock(input, LINT);
      if (!first.ok) throw new Error('unexpected');
      expect(upsertSeckitBlock(first.content, LINT)).toMatchObject({ changed: false, action: 'unchanged' });
    }
  });

  it('replaces an outdated block in place, keeping lines on both sides', () => {
    const old = `npm run lint\n# >>> seckit >>> (old text)\nnpx seckit scan --staged --old\n${BLOCK_END}\nnpm test\n`;
    expect(upsertSeckitBlock(old, LINT)).toEqual({
      ok: true,
      content: `npm run lint\n${LINT}npm test\n`,
      changed: true,
      action: 'updated',
    });
  });

  it.each([
    [`${BLOCK_START}\nseckit scan --staged\n`, 'incomplete'],
    [`${BLOCK_END}\n${BLOCK_START}\n`, 'incomplete'],
    [`${LINT}${LINT}`, 'more than one'],
  ])('refuses a malformed block: %j', (input, reason) => {
    const result = upsertSeckitBlock(input, LINT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('removeSeckitBlock', () => {
  it('gives back the user lines exactly, or nothing when only the block was there', () => {
    const user = '#!/bin/sh\nnpm run lint\n';
    const added = upsertSeckitBlock(user, LINT);
    if (!added.ok) throw new Error('unexpected');
    expect(removeSeckitBlock(added.content)).toBe(user);
    expect(removeSeckitBlock(LINT)).toBeUndefined();
  });
});

describe('userRunsLintStaged', () => {
  it.each([
    ['npx lint-staged\n', true],
    ['pnpm exec lint-staged --concurrent false\n', true],
    ['node_modules/.bin/lint-staged\n', true],
    ['# npx lint-staged\nnpm test\n', false],
    ['npm test\n', false],
    [LINT, false],
  ])('%j → %s', (hook, expected) => {
    expect(userRunsLintStaged(hook)).toBe(expected);
  });
});
