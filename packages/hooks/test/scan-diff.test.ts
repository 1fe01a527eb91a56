import { describe, expect, it } from 'vitest';
import { awsSecretLine, FAKE } from './fixtures/fake-secrets.js';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';

describe('seckit scan --diff <base>', () => {
  it('finds a secret added and removed again inside the range, at the commit that added it', async () => {
    const dir = makeRepo({ 'README.md': 'hello\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'deploy.env.txt': `${awsSecretLine()}\n` });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'oops');
    const oops = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'deploy.env.txt': 'removed\n', 'src/ok.ts': 'export const ok = 1;\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'fix');

    const r = await seckit(dir, 'scan', '--diff', base, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.scope).toBe('diff');
    expect(report.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual([
      'deploy.env.txt',
    ]);
    expect(report.findings[0].properties.commit).toBe(oops);
    expect(r.stdout).not.toContain(FAKE.awsSecretAccessKey);
  });

  it('passes a clean range and ignores what was there before the base', async () => {
    const dir = makeRepo({ 'old.txt': `${awsSecretLine()}\n` });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'legacy');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'new.ts': 'export const x = 1;\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'clean');
    const r = await seckit(dir, 'scan', '--diff', base, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.files).toBe(1);
  });
});
