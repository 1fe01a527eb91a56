import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixPinsCommand } from '../src/cli/fix-pins-command.js';
import { fixture } from './fixtures/deps/helpers.js';
import { makeRepo } from './helpers/git-repo.js';

async function fixPins(dir: string, options: { dryRun?: boolean; paths?: string[]; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await fixPinsCommand(
    { cwd: options.cwd ?? dir, root: dir, dryRun: options.dryRun ?? false, paths: options.paths ?? [] },
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
  );
  return { code, stdout, stderr };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('seckit fix pins', () => {
  it('pins ranges, tags, aliases and registry tarball URLs to the locked versions, and nothing else', async () => {
    const files = fixture('npm');
    const dir = makeRepo(files);
    const r = await fixPins(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = files['package.json']!.replace('"^4.17.21"', '"4.18.1"')
      .replace('"~3.0.1"', '"3.0.1"')
      .replace('"npm:string-width@^4.2.0"', '"npm:string-width@4.2.3"')
      .replace('"https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"', '"1.3.0"')
      .replace('"latest"', '"6.0.3"');
    expect(read(dir, 'package.json')).toBe(expected);
    expect(read(dir, 'packages/a/package.json')).toBe(
      files['packages/a/package.json']!.replace('"^2.1.3"', '"2.1.3"'),
    );
    expect(read(dir, 'package-lock.json')).toBe(files['package-lock.json']); // the lockfile is the package manager's job
    expect(r.stdout).toContain('package.json:10:15: lodash: ^4.17.21 → 4.18.1');
    expect(r.stdout).toMatch(
      /Pinned 6 specifiers in package\.json, packages\/a\/package\.json\. Run your package manager's install/,
    );
    expect((await fixPins(dir)).stdout).toBe(
      'Nothing to pin: every specifier the policy wants pinned already is.\n',
    );
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const files = fixture('npm');
    const dir = makeRepo(files);
    const r = await fixPins(dir, { dryRun: true, paths: ['packages/a'] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '--- a/packages/a/package.json',
        '+++ b/packages/a/package.json',
        '@@ -2,7 +2,7 @@',
        '   "name": "@fixture/a",',
        '   "version": "1.0.0",',
        '   "dependencies": {',
        '-    "ms": "^2.1.3"',
        '+    "ms": "2.1.3"',
        '   },',
        '   "peerDependencies": {',
        '     "is-number": "^7.0.0"',
        'packages/a/package.json:5:11: ms: ^2.1.3 → 2.1.3',
        'Would pin 1 specifier in 1 file (dry run: nothing written).',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'packages/a/package.json')).toBe(files['packages/a/package.json']);
  });

  it('keeps the file byte for byte elsewhere: tabs, CRLF, odd spacing, a BOM, no final newline', async () => {
    const files = fixture('npm');
    const odd =
      '\uFEFF{\r\n\t"name" : "fixture-app",\r\n\t"version": "1.0.0",\r\n\t"workspaces": ["packages/*"],\r\n\t"dependencies":{"ms":"2.1.3",\r\n\t\t"lodash"  :   "^4.17.21"  },\r\n\t"devDependencies": { "kind-of": "latest" }\r\n}';
    const dir = makeRepo({ ...files, 'package.json': odd });
    const r = await fixPins(dir, { paths: ['package.json'] });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      odd.replace('"^4.17.21"', '"4.18.1"').replace('"latest"', '"6.0.3"'),
    );
  });

  it('rewrites a pnpm catalog entry in pnpm-workspace.yaml, keeping its quoting', async () => {
    const files = fixture('pnpm');
    const quoted = files['pnpm-workspace.yaml']!.replace(
      'lodash: ^4.17.21',
      "lodash: '^4.17.21' # security fixes only",
    );
    const dir = makeRepo({ ...files, 'pnpm-workspace.yaml': quoted });
    const r = await fixPins(dir);
    expect(r.code).toBe(0);
    expect(read(dir, 'pnpm-workspace.yaml')).toBe(quoted.replace("'^4.17.21'", "'4.18.1'"));
    expect(read(dir, 'package.json')).toContain('"lodash": "catalog:legacy"');
  });

  it('lists what it cannot pin, with why, and exits 1', async () => {
    const files = fixture('npm');
    const manifest = JSON.parse(files['package.json']!);
    manifest.dependencies.gitdep = 'github:acme/gitdep#main';
    manifest.dependencies.fork = 'https://files.acme.example/ms-2.1.3.tgz';
    manifest.dependencies['not-installed'] = '^1.0.0';
    const dir = makeRepo({ ...files, 'package.json': `${JSON.stringify(manifest, null, 2)}\n` });
    const r = await fixPins(dir, { paths: ['package.json'] });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'gitdep: github:acme/gitdep#main: not pinned — a git dependency: pin it to a full commit id by hand',
    );
    expect(r.stdout).toContain(
      'not-installed: ^1.0.0: not pinned — no lockfile records a version for it: install first',
    );
    expect(r.stdout).toContain('fork: https://files.acme.example/ms-2.1.3.tgz: not pinned');
    expect(read(dir, 'package.json')).toContain('"lodash": "4.18.1"');
  });

  it('follows the policy: the library preset leaves dependencies as ranges', async () => {
    const files = fixture('npm');
    const dir = makeRepo({
      ...files,
      '.seckit/policy.json': '{ "dependencies": { "preset": "library" } }\n',
    });
    const r = await fixPins(dir, { paths: ['package.json'] });
    expect(r.code).toBe(0);
    expect(read(dir, 'package.json')).toBe(files['package.json']!.replace('"latest"', '"6.0.3"'));
  });

  it('refuses paths that are not package.json files or are outside the repository', async () => {
    const dir = makeRepo(fixture('npm'));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect(await fixPins(dir, { paths: ['notes.txt'] })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('rewrites package.json files'),
    });
    expect(await fixPins(dir, { paths: ['../elsewhere'] })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('outside the repository'),
    });
    expect(await fixPins(dir, { paths: ['missing.json'] })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such file'),
    });
  });
});
