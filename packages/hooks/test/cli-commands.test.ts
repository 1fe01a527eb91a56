import { describe, expect, it } from 'vitest';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';

describe('seckit fix pins and seckit doctor through the CLI', () => {
  it('fix pins rewrites a range to the locked version, --dry-run shows a diff and writes nothing', async () => {
    const pkg = '{\n  "name": "app",\n  "dependencies": {\n    "left-pad": "^1.3.0"\n  }\n}\n';
    const lock = JSON.stringify(
      {
        name: 'app',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'app', dependencies: { 'left-pad': '^1.3.0' } },
          'node_modules/left-pad': {
            version: '1.3.0',
            resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
            integrity:
              'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEItb+dJz5AdSDWvBvaGw4AjLeVAxnZnldpdvlA3Rm7fwNA==',
          },
        },
      },
      null,
      2,
    );
    const dir = makeRepo({ 'package.json': pkg, 'package-lock.json': `${lock}\n` });
    git(dir, 'add', '.');
    const dry = await seckit(dir, 'fix', 'pins', '--dry-run');
    expect(dry.stdout).toContain('-    "left-pad": "^1.3.0"');
    expect(dry.stdout).toContain('+    "left-pad": "1.3.0"');
    const scanBefore = await seckit(dir, 'scan', '--format', 'json');
    expect(
      JSON.parse(scanBefore.stdout).findings.some((f: { category: string }) => f.category === 'dependency'),
    ).toBe(true);
    const fixed = await seckit(dir, 'fix', 'pins');
    expect(fixed.code).toBe(0);
    writeFiles(dir, {});
    const after = await seckit(dir, 'scan', '--format', 'json');
    expect(
      JSON.parse(after.stdout).findings.filter((f: { category: string }) => f.category === 'dependency'),
    ).toEqual([]);
  });

  it('fix without a target, and doctor with arguments, are usage errors', async () => {
    const dir = makeRepo();
    expect((await seckit(dir, 'fix')).stderr).toContain('`seckit fix pins [package.json…]`');
    expect((await seckit(dir, 'doctor', 'now')).code).toBe(2);
  });

  it('doctor reports a repository without the hook, with the fix, exit 1', async () => {
    const dir = makeRepo();
    const r = await seckit(dir, 'doctor');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/sec-init/);
  });
});

describe('hygiene on a full scan of the working tree', () => {
  it('flags a file larger than the secret scan reads (6 MB) as seckit/large-file', async () => {
    const dir = makeRepo({ 'data/dump.sql': 'x'.repeat(6 * 1024 * 1024) });
    git(dir, 'add', '.');
    const r = await seckit(dir, 'scan', '--format', 'json');
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; location: { path: string } }[] };
    expect(report.findings.map((f) => [f.ruleId, f.location.path])).toContainEqual([
      'seckit/large-file',
      'data/dump.sql',
    ]);
    expect(r.code).toBe(1);
  });
});
