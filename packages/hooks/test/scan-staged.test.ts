import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsSecretLine, FAKE } from './fixtures/fake-secrets.js';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';

const SECRET = awsSecretLine();

async function stagedScan(dir: string) {
  const r = await seckit(dir, 'scan', '--staged', '--format', 'json');
  return { ...r, report: r.code === 2 ? undefined : JSON.parse(r.stdout) };
}

describe('seckit scan --staged reads the index', () => {
  it('blocks a secret on the first commit (no HEAD yet) and never prints it', async () => {
    const dir = makeRepo({ 'config.cfg': `${SECRET}\n` });
    git(dir, 'add', '.');
    const r = await seckit(dir, 'scan', '--staged');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('config.cfg');
    expect(r.stdout + r.stderr).not.toContain(FAKE.awsSecretAccessKey);
    expect(r.stdout).toContain('wJal****');
  });

  it('blocks a secret that was staged and then removed from the working tree', async () => {
    const dir = makeRepo({ 'a.cfg': `${SECRET}\n` });
    git(dir, 'add', 'a.cfg');
    writeFileSync(path.join(dir, 'a.cfg'), 'clean\n');
    const { code, report } = await stagedScan(dir);
    expect(code).toBe(1);
    expect(report.findings[0].location).toMatchObject({ path: 'a.cfg', startLine: 1, startColumn: 23 });
  });

  it('does not block a secret that is only in unstaged edits', async () => {
    const dir = makeRepo({ 'a.cfg': 'clean\n' });
    git(dir, 'add', 'a.cfg');
    writeFileSync(path.join(dir, 'a.cfg'), `${SECRET}\n`);
    const { code, report } = await stagedScan(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.scope).toBe('staged');
  });

  it('judges the staged half of a partially staged file', async () => {
    const dir = makeRepo({ 'p.txt': 'one\ntwo\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    writeFileSync(path.join(dir, 'p.txt'), `one\ntwo\n${SECRET}\n`);
    git(dir, 'add', 'p.txt');
    writeFileSync(path.join(dir, 'p.txt'), 'one\ntwo\nlater edit removes it\n');
    expect((await stagedScan(dir)).code).toBe(1);
  });

  it('ignores deletions and follows renames to the new path', async () => {
    const dir = makeRepo({ 'old.cfg': `${SECRET}\n`, 'gone.txt': 'x\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init', '--no-verify');
    git(dir, 'mv', 'old.cfg', 'new name.cfg');
    git(dir, 'rm', '-q', 'gone.txt');
    const { report } = await stagedScan(dir);
    expect(report.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual([
      'new name.cfg',
    ]);
  });

  it('handles spaces, unicode, (group) and [param] paths, and CRLF files', async () => {
    const files = {
      'app/(group)/[param]/page.ts': `const k = "${FAKE.githubToken}";\n`,
      'dossier été/clé.cfg': `${SECRET}\r\nOTHER=1\r\n`,
    };
    const dir = makeRepo(files);
    git(dir, 'add', '.');
    const { report } = await stagedScan(dir);
    const paths = report.findings.map((f: { location: { path: string } }) => f.location.path).sort();
    expect(paths).toEqual(['app/(group)/[param]/page.ts', 'dossier été/clé.cfg']);
    const crlf = report.findings.find((f: { location: { path: string } }) =>
      f.location.path.endsWith('.cfg'),
    );
    expect(crlf.location.endLine).toBe(1);
  });

  it('does not follow a symlink that points outside the repository', async () => {
    const outside = makeRepo({ 'secret.cfg': `${SECRET}\n` });
    const dir = makeRepo();
    symlinkSync(path.join(outside, 'secret.cfg'), path.join(dir, 'link.cfg'));
    git(dir, 'add', 'link.cfg');
    const { code, report } = await stagedScan(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped).toBe(1);
    rmSync(outside, { recursive: true, force: true });
  });

  it('sees what `git commit -a` would add once staged, not before', async () => {
    const dir = makeRepo({ 'a.txt': 'clean\n' });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    writeFileSync(path.join(dir, 'a.txt'), `${SECRET}\n`);
    expect((await stagedScan(dir)).code).toBe(0);
    git(dir, 'add', '-u'); // what `commit -a` does before the pre-commit hook runs
    expect((await stagedScan(dir)).code).toBe(1);
  });
});

describe('seckit scan over the tree and paths', () => {
  it('scans tracked files, skips binaries, and reports stats', async () => {
    const dir = makeRepo({
      'src/a.ts': `export const k = "${FAKE.awsAccessKeyId}";\n`,
      'img.bin': 'GIF\0\0binary',
    });
    git(dir, 'add', '.');
    writeFiles(dir, { 'untracked.cfg': `${SECRET}\n` });
    const r = await seckit(dir, 'scan', '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(report.scope).toBe('full');
    const secrets = report.findings.filter((f: { category: string }) => f.category === 'secret');
    expect(secrets.map((f: { location: { path: string } }) => f.location.path)).toEqual(['src/a.ts']);
    // No .gitignore: the repository-level advisory says .env files are not covered.
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('seckit/gitignore-env');
    expect(report.stats).toMatchObject({ files: 1, skipped: 1 });
  });

  it('scans explicit paths, including untracked files and folders', async () => {
    const dir = makeRepo({ 'a/one.cfg': `${SECRET}\n`, 'b/two.cfg': 'clean\n' });
    const r = await seckit(path.join(dir, 'a'), 'scan', '.', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).scope).toBe('paths');
    const clean = await seckit(dir, 'scan', 'b/two.cfg');
    expect(clean.code).toBe(0);
  });

  it('rejects paths outside the repository and missing ones, with what to do', async () => {
    const dir = makeRepo({ 'a.txt': 'x' });
    const outside = await seckit(dir, 'scan', '../elsewhere');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the repository');
    const missing = await seckit(dir, 'scan', 'nope.txt');
    expect(missing.stderr).toContain('nope.txt: no such file or folder');
  });

  it('keeps finding ids when lines move', async () => {
    const dir = makeRepo({ 'a.cfg': `${SECRET}\n` });
    const first = JSON.parse((await seckit(dir, 'scan', 'a.cfg', '--format', 'json')).stdout);
    writeFiles(dir, { 'a.cfg': `# moved down\n\n\nOTHER=1\n${SECRET}\n` });
    const second = JSON.parse((await seckit(dir, 'scan', 'a.cfg', '--format', 'json')).stdout);
    expect(second.findings[0].id).toBe(first.findings[0].id);
    expect(second.findings[0].location.startLine).toBe(5);
    writeFiles(dir, { 'a.cfg': `${awsSecretLine(FAKE.otherAwsSecret)}\n` });
    const third = JSON.parse((await seckit(dir, 'scan', 'a.cfg', '--format', 'json')).stdout);
    expect(third.findings[0].id).not.toBe(first.findings[0].id);
  });
});

describe('seckit scan --staged <paths…> (as lint-staged calls it)', () => {
  it('judges the index content of just those paths, absolute or relative', async () => {
    const dir = makeRepo({ 'a.cfg': `${SECRET}\n`, 'b.txt': 'clean\n' });
    git(dir, 'add', '.');
    writeFileSync(path.join(dir, 'a.cfg'), 'unstaged edit hides nothing\n');
    const both = await seckit(dir, 'scan', '--staged', path.join(dir, 'a.cfg'), 'b.txt');
    expect(both.code).toBe(1);
    const onlyB = await seckit(dir, 'scan', '--staged', 'b.txt');
    expect(onlyB.code).toBe(0);
  });
});
