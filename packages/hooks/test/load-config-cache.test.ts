import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSeckitError } from '@seckit/core';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE_DIR, loadConfig } from '../src/cli/load-config.js';
import { makeRepo } from './helpers/git-repo.js';

const POLICY = `{
  "$schema": "./node_modules/@seckit/core/schema/policy.schema.json",
  "blockOn": "medium",
  "exceptions": [
    { "path": "fixtures/**", "reason": "  test data  " },

    { "rule": "seckit/generic-secret", "reason": "reviewed", "expires": "2099-01-01" }
  ]
}
`;
const BASELINE = `{
  "version": 1,
  "entries": [
    { "id": "0123456789abcdef0123456789abcdef", "ruleId": "seckit/generic-secret", "path": "a.txt" }
  ]
}
`;

function repoWith(files: Record<string, string>): { root: string; gitDir: string } {
  const root = makeRepo(Object.fromEntries(Object.entries(files).map(([k, v]) => [`.seckit/${k}`, v])));
  return { root, gitDir: path.join(root, '.git') };
}

function cacheFiles(gitDir: string): string[] {
  try {
    return readdirSync(path.join(gitDir, CONFIG_CACHE_DIR)).sort();
  } catch {
    return [];
  }
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSeckitError(error)) throw new Error(`expected a SeckitError, got ${String(error)}`);
  return error.message;
}

describe('loadConfig: the cache of validated policy and baseline', () => {
  it('gives from the cache exactly what validation gives (policy, warnings, exception lines, baseline)', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': POLICY, 'baseline.json': BASELINE });
    const uncached = await loadConfig(root);
    expect(cacheFiles(gitDir)).toEqual([]);
    const first = await loadConfig(root, { gitDir });
    expect(cacheFiles(gitDir)).toHaveLength(2);
    const second = await loadConfig(root, { gitDir });
    for (const loaded of [first, second]) {
      expect(loaded.policy).toEqual(uncached.policy);
      expect(loaded.baseline).toEqual(uncached.baseline);
      expect(loaded.warnings).toEqual(uncached.warnings);
      expect(loaded.baselineExists).toBe(true);
      expect([0, 1, 2].map(loaded.exceptionLine)).toEqual([5, 7, undefined]);
    }
    // zod's trimming and defaults survive the JSON round trip.
    expect(second.policy.exceptions[0]?.reason).toBe('test data');
    expect(second.policy.blockOn).toBe('medium');
  });

  it('uses the stored result while the bytes are the same, and validates again once they change', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': '{ "blockOn": "high" }\n' });
    await loadConfig(root, { gitDir });
    const [entry] = cacheFiles(gitDir).filter((n) => {
      const stored = JSON.parse(readFileSync(path.join(gitDir, CONFIG_CACHE_DIR, n), 'utf8'));
      return stored.kind === 'policy';
    });
    if (entry === undefined) throw new Error('no policy entry was stored');
    // Rewrite the stored result: when loadConfig returns it, the file was not validated again.
    const file = path.join(gitDir, CONFIG_CACHE_DIR, entry);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.policy.blockOn = 'low';
    writeFileSync(file, JSON.stringify(stored));
    expect((await loadConfig(root, { gitDir })).policy.blockOn).toBe('low');
    // Any edit, even whitespace, is another key: validated, not served from the stored entry.
    writeFileSync(path.join(root, '.seckit/policy.json'), '{ "blockOn": "high" }\n\n');
    expect((await loadConfig(root, { gitDir })).policy.blockOn).toBe('high');
  });

  it('never caches a broken file: an edit that breaks a validated policy is reported every time', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': '{ "blockOn": "high" }\n' });
    await loadConfig(root, { gitDir });
    const stored = cacheFiles(gitDir);
    writeFileSync(path.join(root, '.seckit/policy.json'), '{ "blockOn": "severe" }\n');
    for (let i = 0; i < 2; i++) {
      const message = await errorOf(loadConfig(root, { gitDir }));
      expect(message).toContain('.seckit/policy.json');
      expect(message).toContain('blockOn');
    }
    expect(cacheFiles(gitDir)).toEqual(stored);
    writeFileSync(path.join(root, '.seckit/baseline.json'), '{ "version": 2, "entries": [] }\n');
    writeFileSync(path.join(root, '.seckit/policy.json'), '{ "blockOn": "high" }\n');
    expect(await errorOf(loadConfig(root, { gitDir }))).toContain('.seckit/baseline.json');
  });

  it('treats a damaged entry as absent', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': '{ "blockOn": "low" }\n' });
    await loadConfig(root, { gitDir });
    for (const name of cacheFiles(gitDir)) {
      writeFileSync(path.join(gitDir, CONFIG_CACHE_DIR, name), '{"format":1,"kind":"policy","val');
    }
    expect((await loadConfig(root, { gitDir })).policy.blockOn).toBe('low');
  });

  it('works when the cache cannot be written (a file where its folder would be; root ignores modes)', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': '{ "blockOn": "low" }\n' });
    mkdirSync(path.join(gitDir, 'seckit'));
    writeFileSync(path.join(gitDir, CONFIG_CACHE_DIR), 'not a folder');
    expect((await loadConfig(root, { gitDir })).policy.blockOn).toBe('low');
    const file = path.join(tempDir('seckit-nodir-'), 'plain-file');
    writeFileSync(file, '');
    expect((await loadConfig(root, { gitDir: path.join(file, 'git') })).policy.blockOn).toBe('low');
  });

  it('keeps at most 16 entries, dropping the oldest', async () => {
    const { root, gitDir } = repoWith({ 'policy.json': '{}\n' });
    for (let i = 0; i < 20; i++) {
      writeFileSync(path.join(root, '.seckit/policy.json'), `{ "blockOn": "high" ${' '.repeat(i)}}\n`);
      await loadConfig(root, { gitDir });
    }
    expect(cacheFiles(gitDir).length).toBeLessThanOrEqual(16);
  });

  it('without a policy or baseline file: the defaults, the default policy cached too', async () => {
    const { root, gitDir } = repoWith({});
    const loaded = await loadConfig(root, { gitDir });
    expect(loaded.policy.blockOn).toBe('high');
    expect(loaded.baseline).toEqual({ version: 1, entries: [] });
    expect(loaded.baselineExists).toBe(false);
    expect(loaded.warnings).toEqual([]);
    expect(cacheFiles(gitDir)).toHaveLength(1);
    expect((await loadConfig(root, { gitDir })).policy).toEqual(loaded.policy);
  });

  it('an unreadable file is an error naming it, for policy and baseline alike', async () => {
    const { root, gitDir } = repoWith({});
    mkdirSync(path.join(root, '.seckit/policy.json'), { recursive: true });
    mkdirSync(path.join(root, '.seckit/baseline.json'), { recursive: true });
    const message = await errorOf(loadConfig(root, { gitDir }));
    expect(message).toMatch(/\.seckit\/policy\.json: cannot be read/);
    expect(message).toMatch(/\.seckit\/baseline\.json: cannot be read/);
    expect(message).toContain('it must be a readable JSON file');
  });
});
