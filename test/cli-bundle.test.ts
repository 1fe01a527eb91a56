import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';

const BUNDLE = fileURLToPath(new URL('../packages/hooks/dist/bundle/', import.meta.url));
const SECKIT = fileURLToPath(new URL('../packages/hooks/bin/seckit.js', import.meta.url));

/** The bundle files `entries` load before running anything: their static `import … from './x.js'`, transitively. */
function staticClosure(entries: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    const text = readFileSync(path.join(BUNDLE, file), 'utf8');
    files.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\b[^;'"]*?["']\.\/([^"']+)["']/gm))
      visit(m[1] as string);
  };
  for (const entry of entries) visit(entry);
  return files;
}

function holding(files: Map<string, string>, marker: string): string[] {
  return [...files].filter(([, text]) => text.includes(marker)).map(([file]) => file);
}

// The bundler marks each inlined package's files with a comment naming its path in node_modules.
const ZOD = 'node_modules/zod/';
const JSONC = 'node_modules/jsonc-parser/';

describe('the CLI bundle (what a commit loads)', () => {
  it('a commit loads neither zod nor jsonc-parser: they come only when a policy must be validated', () => {
    // lint-staged.js is what .lintstagedrc.mjs imports; cli-run.js the command runner it loads
    // (main.js, the `seckit` binary, loads the same runner).
    const commit = staticClosure(['lint-staged.js', 'cli-run.js', 'main.js']);
    expect(holding(commit, ZOD)).toEqual([]);
    expect(holding(commit, JSONC)).toEqual([]);
    expect([...commit.values()].some((text) => /from\s*["'](zod|jsonc-parser)["']/.test(text))).toBe(false);
    // The control: the validator chunk the runner imports on a cache miss does hold both.
    const validator = readdirSync(BUNDLE).find((f) => f.startsWith('validate-config-'));
    expect(validator).toBeDefined();
    const validation = staticClosure([validator as string]);
    expect(holding(validation, ZOD).length).toBeGreaterThan(0);
    expect(holding(validation, JSONC).length).toBeGreaterThan(0);
  });

  it("carries its build's identity, which keys the cache of validated configuration", () => {
    // A hash of every other file of the bundle: a rebuild that changes any chunk (the schemas among
    // them) is another build, whatever the version and the files' times (npm fixes those).
    const hash = createHash('sha256');
    for (const name of readdirSync(BUNDLE)
      .filter((n) => n !== 'build-id.txt')
      .sort())
      hash.update(`${name}\0`).update(readFileSync(path.join(BUNDLE, name)));
    expect(readFileSync(path.join(BUNDLE, 'build-id.txt'), 'utf8')).toBe(`${hash.digest('hex')}\n`);
  });

  it('validates a policy once, then reuses the result until the file changes', () => {
    const env = isolatedEnv({ NO_COLOR: '1' });
    const dir = tempDir('seckit-bundle-cache-');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    const seckit = () =>
      spawnSync(process.execPath, [SECKIT, 'scan', '--staged'], { cwd: dir, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'init');
    const policy = path.join(dir, '.seckit', 'policy.json');
    mkdirSync(path.dirname(policy), { recursive: true });
    writeFileSync(policy, '{ "blockOn": "high" }\n');
    writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
    git('add', '.');
    const cacheDir = path.join(dir, '.git', 'seckit', 'validated-config');

    const first = seckit();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    const second = seckit();
    expect(second.status).toBe(0);
    expect(readdirSync(cacheDir)).toEqual(entries);

    // A broken edit is reported (file, key, what is allowed), never served from the cache.
    writeFileSync(policy, '{ "blockOn": "severe" }\n');
    for (let i = 0; i < 2; i++) {
      const broken = seckit();
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain('.seckit/policy.json');
      expect(broken.stderr).toContain('blockOn');
      expect(broken.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(cacheDir)).toEqual(entries);
  });
});
