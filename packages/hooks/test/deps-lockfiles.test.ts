import { describe, expect, it } from 'vitest';
import { readLockfile } from '../src/deps/lockfile/read-lockfile.js';
import { brief, check, fixture, fixtureBytes, policy } from './fixtures/deps/helpers.js';

const LOCK_RULES = /^seckit\/(lockfile-|missing-lockfile)/;
const lockFindings = async (files: Record<string, string>, options: Parameters<typeof check>[1] = {}) =>
  brief((await check(files, options)).findings.filter((f) => LOCK_RULES.test(f.ruleId)));

/** 1-based line of the first occurrence of `needle` (expected places are computed, not guessed). */
function lineOf(text: string, needle: string | RegExp): number {
  const at = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  if (at < 0) throw new Error(`${String(needle)} is not in the text`);
  return text.slice(0, at).split('\n').length;
}

/** Replaces exactly one occurrence, so a fixture change that breaks a test shows up here. */
function edit(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one ${String(from)} in the fixture, found ${count}`);
  return text.replace(from, to);
}

describe('real lockfiles, as the package managers wrote them', () => {
  it.each([
    ['npm', 'package-lock.json', 3, 20],
    ['npm-no-resolved', 'package-lock.json', 3, 20],
    ['npm-v2', 'package-lock.json', 2, 20],
    ['npm-shrinkwrap', 'npm-shrinkwrap.json', 3, 20],
    ['pnpm', 'pnpm-lock.yaml', 9, 15],
    ['pnpm-multidoc', 'pnpm-lock.yaml', 9, 16],
    ['yarn1', 'yarn.lock', 1, 15],
    ['berry', 'yarn.lock', 10, 15],
    ['bun', 'bun.lock', 1, 15],
    ['uv', 'uv.lock', 1, 10],
    ['poetry', 'poetry.lock', 2, 10],
  ])('%s: every package entry is read (never "0 packages checked")', async (name, file, major, atLeast) => {
    const files = fixture(name);
    const lock = await readLockfile(file, files[file]!);
    expect(lock).toBeDefined();
    expect(String(lock!.version)).toMatch(new RegExp(`^${major}(\\.|$)`));
    expect(lock!.entries.length).toBeGreaterThanOrEqual(atLeast);
  });

  it.each([
    ['npm', []],
    ['npm-no-resolved', []],
    ['npm-v2', []],
    ['npm-shrinkwrap', []],
    ['pnpm', []],
    ['pnpm-multidoc', []],
    // Yarn 1 records no integrity for URL dependencies: a real gap in a real lockfile.
    ['yarn1', ['seckit/lockfile-missing-integrity yarn.lock:75']],
    ['berry', []],
    ['bun', []],
    // Git sources are hosts too: github.com is not an allowed registry by default.
    ['uv', ['seckit/lockfile-untrusted-host uv.lock:123']],
    ['poetry', ['seckit/lockfile-untrusted-host poetry.lock:140']],
  ])('%s: lockfile findings', async (name, expected) => {
    expect(await lockFindings(fixture(name))).toEqual(expected);
  });

  it('names the version to pin to, from each lockfile', async () => {
    for (const name of ['npm', 'pnpm', 'yarn1', 'berry', 'bun']) {
      const { findings } = await check(fixture(name));
      const lodash = findings.find(
        (f) => f.ruleId === 'seckit/unpinned-dependency' && f.message.startsWith('lodash'),
      );
      expect(lodash?.properties?.lockedVersion, name).toMatch(/^4\.\d+\.\d+$/);
      expect(lodash?.fix).toContain(`"${lodash?.properties?.lockedVersion}"`.replace(/^"|"$/g, ''));
    }
  });

  it('a finding points at the specifier, with the class and a docs link', async () => {
    const { findings } = await check(fixture('npm'));
    const isOdd = findings.find((f) => f.message.startsWith('is-odd'))!;
    expect(isOdd).toMatchObject({
      ruleId: 'seckit/unpinned-dependency',
      category: 'dependency',
      severity: 'high',
      location: { path: 'package.json', startLine: 11, startColumn: 15, endLine: 11, endColumn: 23 },
      properties: {
        specifierClass: 'range',
        dependencyType: 'dependencies',
        verdict: 'unpinned',
        lockedVersion: '3.0.1',
      },
      docsUrl:
        'https://github.com/seckit/seckit/blob/main/packages/hooks/docs/dependencies.md#seckitunpinned-dependency',
    });
  });
});

describe('tampered lockfiles', () => {
  const npm = fixture('npm');
  const MS = 'https://registry.npmjs.org/ms/-/ms-2.1.3.tgz';
  const withLock = (lock: string, extra: Record<string, string> = {}) => ({
    ...npm,
    'package-lock.json': lock,
    ...extra,
  });

  it('plain http is refused', async () => {
    const lock = edit(npm['package-lock.json']!, MS, MS.replace('https:', 'http:'));
    const line = lineOf(lock, 'http://registry');
    expect(await lockFindings(withLock(lock))).toEqual([
      `seckit/lockfile-insecure-url package-lock.json:${line}`,
    ]);
  });

  it('an unknown host is refused unless the policy or .npmrc allows it', async () => {
    const lock = edit(npm['package-lock.json']!, MS, 'https://npm.evil.example/ms/-/ms-2.1.3.tgz');
    const line = lineOf(lock, 'npm.evil.example');
    expect(await lockFindings(withLock(lock))).toEqual([
      `seckit/lockfile-untrusted-host package-lock.json:${line}`,
    ]);
    expect(
      await lockFindings(withLock(lock), {
        policy: policy({ registries: { allowed: ['npm.evil.example'] } }),
      }),
    ).toEqual([]);
    expect(
      await lockFindings(withLock(lock), { policy: policy({ registries: { allowed: ['*.evil.example'] } }) }),
    ).toEqual([]);
    expect(await lockFindings(withLock(lock, { '.npmrc': 'registry=https://npm.evil.example/\n' }))).toEqual(
      [],
    );
    expect(
      await lockFindings(withLock(lock, { '.npmrc': '@acme:registry=https://npm.evil.example/\n' })),
    ).toEqual([]);
  });

  it('without the default registries, even registry.npmjs.org is refused — one finding per host', async () => {
    const { findings } = await check(npm, {
      policy: policy({ registries: { includeDefaults: false, allowed: ['npm.acme.example'] } }),
    });
    const hosts = findings.filter((f) => f.ruleId === 'seckit/lockfile-untrusted-host');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.properties).toMatchObject({ host: 'registry.npmjs.org' });
    expect(hosts[0]!.properties?.packages).toBeGreaterThan(10);
    expect(hosts[0]!.message).toMatch(/^\d+ packages \(.*, …\) come from registry\.npmjs\.org/);
  });

  it('a URL prefix allows one registry path on a shared host', async () => {
    const url = 'https://acme.jfrog.example/artifactory/api/npm/npm-remote/ms/-/ms-2.1.3.tgz';
    const lock = edit(npm['package-lock.json']!, MS, url);
    const allowed = policy({
      registries: { allowed: ['https://acme.jfrog.example/artifactory/api/npm/npm-remote/'] },
    });
    expect(await lockFindings(withLock(lock), { policy: allowed })).toEqual([]);
    const other = policy({
      registries: { allowed: ['https://acme.jfrog.example/artifactory/api/npm/other/'] },
    });
    expect(await lockFindings(withLock(lock), { policy: other })).toEqual([
      `seckit/lockfile-untrusted-host package-lock.json:${lineOf(lock, 'acme.jfrog')}`,
    ]);
  });

  it('a missing integrity is a finding, a sha1 one a weaker finding', async () => {
    const ms = /\n {6}"integrity": "sha512-6Flz[^"]+",/;
    const missing = edit(npm['package-lock.json']!, ms, '');
    // No integrity to point at: the entry's key.
    expect(await lockFindings(withLock(missing))).toEqual([
      `seckit/lockfile-missing-integrity package-lock.json:${lineOf(missing, '"node_modules/ms"')}`,
    ]);
    const sha1 = edit(
      npm['package-lock.json']!,
      ms,
      '\n      "integrity": "sha1-V0XR0QaZb8NQ87BDyZrqvR9lWeM=",',
    );
    const found = (await check(withLock(sha1))).findings.filter(
      (f) => f.ruleId === 'seckit/lockfile-weak-integrity',
    );
    expect(found.map((f) => [f.severity, f.location.startLine])).toEqual([['medium', lineOf(sha1, 'sha1-')]]);
  });

  it('a weak integrity can be excepted for that package and rule, with a reason', async () => {
    const sha1 = edit(
      npm['package-lock.json']!,
      /"integrity": "sha512-6Flz[^"]+"/,
      '"integrity": "sha1-V0XR0QaZb8NQ87BDyZrqvR9lWeM="',
    );
    const excepted = policy({
      dependencies: {
        exceptions: [
          { package: 'ms', rule: 'seckit/lockfile-weak-integrity', reason: 'registry serves sha1 only' },
        ],
      },
    });
    expect(await lockFindings(withLock(sha1), { policy: excepted })).toEqual([]);
  });

  it('a tarball of another package behind a name is refused (alias confusion)', async () => {
    const lock = edit(
      npm['package-lock.json']!,
      MS,
      'https://registry.npmjs.org/evil-ms/-/evil-ms-2.1.3.tgz',
    );
    const { findings } = await check(withLock(lock));
    const mismatch = findings.filter((f) => f.ruleId === 'seckit/lockfile-name-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toContain('a tarball of "evil-ms"');
    // Path tricks are normalised like the registry would: ms/../evil-ms is still evil-ms.
    const dots = edit(
      npm['package-lock.json']!,
      MS,
      'https://registry.npmjs.org/ms/../evil-ms/-/evil-ms-2.1.3.tgz',
    );
    expect(await lockFindings(withLock(dots))).toContain(
      `seckit/lockfile-name-mismatch package-lock.json:${lineOf(dots, 'evil-ms')}`,
    );
  });

  it('an alias no package.json declares is refused; a declared one is fine', async () => {
    const undeclared = edit(
      npm['package-lock.json']!,
      '"string-width-cjs": "npm:string-width@^4.2.0"',
      '"string-width-cjs": "^4.2.0"',
    );
    expect(await lockFindings(withLock(undeclared))).toContain(
      `seckit/lockfile-name-mismatch package-lock.json:${lineOf(undeclared, '"node_modules/string-width-cjs"')}`,
    );
    expect(await lockFindings(npm)).toEqual([]);
  });

  it('credentials in a resolved URL never reach the finding', async () => {
    const token = ['npm_', 'Zx9', 'Qw8Er7Ty6Ui5Op4As3Df2Gh1'].join('');
    const lock = edit(
      npm['package-lock.json']!,
      MS,
      `https://ci:${token}@npm.acme.example/ms/-/ms-2.1.3.tgz?token=${token}`,
    );
    const { findings } = await check(withLock(lock));
    const serialized = JSON.stringify(findings);
    expect(findings.some((f) => f.ruleId === 'seckit/lockfile-untrusted-host')).toBe(true);
    expect(serialized).not.toContain(token);
    expect(serialized).toContain('***@npm.acme.example');
  });

  it('pnpm: a tarball URL over http, and an http registry in .npmrc', async () => {
    const pnpm = fixture('pnpm');
    const lock = edit(
      pnpm['pnpm-lock.yaml']!,
      /ms@2\.1\.3:\n {4}resolution: \{integrity: ([^}]+)\}/,
      'ms@2.1.3:\n    resolution: {integrity: $1, tarball: http://npm.internal.example/ms/-/ms-2.1.3.tgz}',
    );
    const line = lineOf(lock, 'tarball: http');
    expect(await lockFindings({ ...pnpm, 'pnpm-lock.yaml': lock })).toEqual([
      `seckit/lockfile-insecure-url pnpm-lock.yaml:${line}`,
      `seckit/lockfile-untrusted-host pnpm-lock.yaml:${line}`,
    ]);
    expect(await lockFindings({ ...pnpm, '.npmrc': 'registry=http://npm.internal.example/\n' })).toEqual([
      'seckit/lockfile-insecure-url pnpm-lock.yaml:1',
    ]);
  });

  it('pnpm: a registry entry without integrity', async () => {
    const pnpm = fixture('pnpm');
    const lock = edit(
      pnpm['pnpm-lock.yaml']!,
      /ms@2\.1\.3:\n {4}resolution: \{integrity: [^}]+\}/,
      'ms@2.1.3:\n    resolution: {}',
    );
    expect(await lockFindings({ ...pnpm, 'pnpm-lock.yaml': lock })).toEqual([
      `seckit/lockfile-missing-integrity pnpm-lock.yaml:${lineOf(lock, 'resolution: {}')}`,
    ]);
  });

  it('yarn 1: a foreign host and a stripped integrity', async () => {
    const yarn = fixture('yarn1');
    const host = edit(
      yarn['yarn.lock']!,
      'https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz',
      'https://yarn.evil.example/ms/-/ms-2.1.3.tgz',
    );
    expect(await lockFindings({ ...yarn, 'yarn.lock': host })).toContain(
      `seckit/lockfile-untrusted-host yarn.lock:${lineOf(host, 'yarn.evil')}`,
    );
    const stripped = edit(yarn['yarn.lock']!, /\n {2}integrity sha512-6Flz\S+/, '');
    expect(await lockFindings({ ...yarn, 'yarn.lock': stripped })).toContain(
      `seckit/lockfile-missing-integrity yarn.lock:${lineOf(stripped, /^ms@/m)}`,
    );
  });

  it('yarn berry: a missing checksum, and an http registry in .yarnrc.yml', async () => {
    const berry = fixture('berry');
    const stripped = edit(
      berry['yarn.lock']!,
      /("ms@npm:2\.1\.3[^\n]*\n(?: {2}.*\n)*?) {2}checksum: \S+\n/,
      '$1',
    );
    expect(await lockFindings({ ...berry, 'yarn.lock': stripped })).toEqual([
      expect.stringMatching(/^seckit\/lockfile-missing-integrity yarn\.lock:\d+$/),
    ]);
    const yarnrc = edit(berry['.yarnrc.yml']!, 'https://registry.npmjs.org', 'http://npm.internal.example');
    expect(await lockFindings({ ...berry, '.yarnrc.yml': yarnrc })).toEqual([
      'seckit/lockfile-insecure-url yarn.lock:1',
    ]);
  });

  it('yarn berry: platform-only packages without checksums are one medium finding', async () => {
    const berry = fixture('berry');
    const platform = (os: string) =>
      `\n"@esbuild/${os}-x64@npm:0.18.20":\n  version: 0.18.20\n  resolution: "@esbuild/${os}-x64@npm:0.18.20"\n  conditions: os=${os} & cpu=x64\n  languageName: node\n  linkType: hard\n`;
    const lock = `${berry['yarn.lock']}${platform('darwin')}${platform('win32')}`;
    const { findings } = await check({ ...berry, 'yarn.lock': lock });
    const missing = findings.filter((f) => f.ruleId === 'seckit/lockfile-missing-integrity');
    expect(missing.map((f) => [f.severity, f.location.startLine])).toEqual([
      ['medium', lineOf(lock, '"@esbuild/darwin')],
    ]);
    expect(missing[0]!.message).toMatch(/^2 platform-only packages have no checksum/);
    expect(missing[0]!.fix).toContain('supportedArchitectures');
  });

  it('bun: a stripped integrity, and a foreign registry in the tuple', async () => {
    const bun = fixture('bun');
    const stripped = edit(bun['bun.lock']!, /("ms": \["ms@2\.1\.3", "", \{\}), "sha512-[^"]+"\]/, '$1]');
    expect(await lockFindings({ ...bun, 'bun.lock': stripped })).toEqual([
      `seckit/lockfile-missing-integrity bun.lock:${lineOf(stripped, '"ms": ["ms@2.1.3"')}`,
    ]);
    const foreign = edit(
      bun['bun.lock']!,
      '"ms": ["ms@2.1.3", ""',
      '"ms": ["ms@2.1.3", "http://npm.evil.example/"',
    );
    const line = lineOf(foreign, 'npm.evil');
    expect(await lockFindings({ ...bun, 'bun.lock': foreign })).toEqual([
      `seckit/lockfile-insecure-url bun.lock:${line}`,
      `seckit/lockfile-untrusted-host bun.lock:${line}`,
    ]);
  });

  it('uv and Poetry: missing and weak hashes, plain http', async () => {
    const uv = fixture('uv');
    const idna = uv['uv.lock']!.indexOf('name = "idna"');
    const next = uv['uv.lock']!.indexOf('[[package]]', idna);
    const before = uv['uv.lock']!.slice(0, idna);
    const after = uv['uv.lock']!.slice(next);
    const idnaBlock = uv['uv.lock']!.slice(idna, next);
    const noHash =
      before +
      edit(idnaBlock, /(wheels = \[\n {4}\{ url = "[^"]+"), hash = "sha256:[0-9a-f]+"/, '$1') +
      after;
    expect(await lockFindings({ ...uv, 'uv.lock': noHash })).toContain(
      `seckit/lockfile-missing-integrity uv.lock:${lineOf(noHash, 'name = "idna"') + 3}`,
    );
    const md5 =
      before +
      edit(
        idnaBlock,
        /(sdist = \{ url = "[^"]+", hash = )"sha256:[0-9a-f]+"/,
        '$1"md5:0cc175b9c0f1b6a831c399e269772661"',
      ) +
      after;
    expect(await lockFindings({ ...uv, 'uv.lock': md5 })).toContain(
      `seckit/lockfile-weak-integrity uv.lock:${lineOf(md5, 'md5:')}`,
    );
    const http = uv['uv.lock']!.replaceAll('https://files.pythonhosted.org', 'http://files.pythonhosted.org');
    const insecure = (await check({ ...uv, 'uv.lock': http })).findings.filter(
      (f) => f.ruleId === 'seckit/lockfile-insecure-url',
    );
    expect(insecure.map((f) => f.properties?.packages)).toEqual([9]);
    const poetry = fixture('poetry');
    const empty = edit(poetry['poetry.lock']!, /(name = "idna"[\s\S]*?)files = \[[^\]]*\]/, '$1files = []');
    expect(await lockFindings({ ...poetry, 'poetry.lock': empty })).toContain(
      `seckit/lockfile-missing-integrity poetry.lock:${lineOf(empty, 'files = []')}`,
    );
  });
});

describe('lockfiles that cannot be read are findings with a place, never "no issues"', () => {
  it.each([
    ['npm-truncated', 'package-lock.json', 145, /invalid JSON: unterminated string/],
    ['npm-v1', 'package-lock.json', 4, /lockfileVersion 1 \(npm 6\) is not supported/],
    ['pnpm-conflict', 'pnpm-lock.yaml', 126, /merge conflict markers/],
    ['pnpm-missing-colon', 'pnpm-lock.yaml', 126, /invalid YAML/],
    ['pnpm-unknown-version', 'pnpm-lock.yaml', 1, /unknown lockfileVersion "99.0"/],
    ['yarn1-garbage', 'yarn.lock', 83, /a quoted string is not closed on its line/],
    ['berry-unknown-version', 'yarn.lock', 5, /unknown __metadata.version 99/],
    ['bun-empty', 'bun.lock', 1, /empty/],
    ['bun-trailing-garbage', 'bun.lock', 82, /unexpected text after the end/],
    ['uv-bad-toml', 'uv.lock', 47, /invalid TOML/],
    ['uv-unknown-version', 'uv.lock', 1, /unknown uv.lock version 7/],
    ['poetry-unknown-version', 'poetry.lock', 145, /unknown lock-version "9.0"/],
  ])('%s', async (name, file, line, message) => {
    const { findings, errors } = await check(fixture(`broken/${name}`));
    expect(errors).toEqual([]);
    const unreadable = findings.filter((f) => f.ruleId === 'seckit/lockfile-unreadable');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({
      severity: 'high',
      category: 'lockfile',
      location: { path: file, startLine: line },
    });
    expect(unreadable[0]!.message).toMatch(message);
  });

  it('bun.lockb is binary: unreadable, with what to do', async () => {
    const { findings } = await check({ 'bun.lockb': fixtureBytes('broken/bun-binary', 'bun.lockb') });
    expect(findings.map((f) => f.ruleId)).toEqual(['seckit/lockfile-unreadable']);
    expect(findings[0]!.message).toContain('bun install --save-text-lockfile');
  });

  it.each([
    ['package-json-bad', 'package.json', 7],
    ['pyproject-bad', 'pyproject.toml', 5],
  ])('manifest %s', async (name, file, line) => {
    const { findings } = await check(fixture(`broken/${name}`));
    expect(findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([
      ['seckit/manifest-unreadable', file, line],
    ]);
  });

  it('a manifest whose lockfile is unreadable still gets its pin findings', async () => {
    const files = {
      ...fixture('npm'),
      'package-lock.json': fixture('broken/npm-truncated')['package-lock.json']!,
    };
    const { findings } = await check(files);
    expect(findings.filter((f) => f.ruleId === 'seckit/lockfile-unreadable')).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === 'seckit/unpinned-dependency').length).toBeGreaterThan(3);
    expect(findings.some((f) => f.ruleId === 'seckit/missing-lockfile')).toBe(false);
  });
});
