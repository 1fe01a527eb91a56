import { describe, expect, it } from 'vitest';
import { FAKE } from './fixtures/fake-secrets.js';
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

describe('docs URLs of secret findings', () => {
  it("point at the rule's README section (one fragment), and at secretlint's docs for its rules", async () => {
    const dir = makeRepo({
      'app.js': `const password = "${['Zk8#mQ2!', 'vR9xLp4W'].join('')}";\n`, // seckit-allow: fake password for tests
      '.env.example': `AWS_SECRET_ACCESS_KEY=${FAKE.awsSecretAccessKey}\n`,
    });
    git(dir, 'add', '.');
    const report = JSON.parse((await seckit(dir, 'scan', '--format', 'json')).stdout) as {
      findings: { ruleId: string; docsUrl?: string }[];
    };
    const urls = new Map(report.findings.map((f) => [f.ruleId, f.docsUrl]));
    expect(urls.get('@seckit/secretlint-rule-generic-secret-assignment')).toBe(
      'https://github.com/seckit/seckit/blob/main/packages/secretlint-rule-preset/README.md#generic-secret-assignment',
    );
    expect(urls.get('@secretlint/secretlint-rule-aws')).toBe(
      'https://github.com/secretlint/secretlint/blob/master/packages/%40secretlint/secretlint-rule-aws/README.md#AWSSecretAccessKey',
    );
  });
});
