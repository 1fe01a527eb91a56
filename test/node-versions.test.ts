import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../packages/hooks/test/helpers/make-zip.mjs';

const SECKIT = fileURLToPath(new URL('../packages/hooks/bin/seckit.js', import.meta.url));
const RECORDS = fileURLToPath(new URL('../packages/hooks/test/fixtures/osv/records', import.meta.url));

// Users run 20, 22 and 24: the same built CLI must block the same commit on each. Other majors come
// from the npm package `node` (a binary shipped inside a registry package), cached by npx.
describe.each(['20', '22', '24'])('on Node %s', (major) => {
  it('scans the index and blocks a staged secret without printing it', () => {
    const env = isolatedEnv({ NO_COLOR: '1' });
    const dir = tempDir('seckit-node-');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    git('init', '-q');
    // Built at runtime: the value never sits in this file.
    const value = ['Qm9vZ3Vz', 'Tm9kZVZl', 'cnNpb25z', 'VGVzdEtl', 'eTAxMjM0'].join('');
    writeFileSync(path.join(dir, 'app.env.txt'), `AWS_SECRET_ACCESS_KEY=${value}\n`);
    git('add', '.');
    const node = major === '20' ? [process.execPath] : ['npx', '-y', `node@${major}`];
    const [cmd, ...pre] = node as [string, ...string[]];
    const r = spawnSync(cmd, [...pre, SECKIT, 'scan', '--staged'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const version = spawnSync(cmd, [...pre, '--version'], { env, encoding: 'utf8' }).stdout.trim();
    expect(version.startsWith(`v${major}.`)).toBe(true);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('app.env.txt');
    expect(r.stdout + r.stderr).not.toContain(value);
  });

  it('audits locked versions against the offline database with the same verdicts', () => {
    const env = isolatedEnv({ NO_COLOR: '1' });
    const dir = tempDir('seckit-node-audit-');
    const db = tempDir('seckit-node-osv-');
    for (const ecosystem of ['npm', 'PyPI']) {
      const records = path.join(RECORDS, ecosystem);
      mkdirSync(path.join(db, 'osv-scanner', ecosystem), { recursive: true });
      writeFileSync(
        path.join(db, 'osv-scanner', ecosystem, 'all.zip'),
        makeZip(readdirSync(records).map((f) => ({ name: f, data: readFileSync(path.join(records, f)) }))),
      );
    }
    spawnSync('git', ['init', '-q'], { cwd: dir, env });
    writeFileSync(
      path.join(dir, 'requirements.txt'),
      'requests==2.31.0rc1\ndjango==4.2.2\nminimist==1.2.6\n',
    );
    spawnSync('git', ['add', '.'], { cwd: dir, env });
    const node = major === '20' ? [process.execPath] : ['npx', '-y', `node@${major}`];
    const [cmd, ...pre] = node as [string, ...string[]];
    const r = spawnSync(cmd, [...pre, SECKIT, 'audit', '--db', db, '--format', 'json'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { properties: { package: string; advisory: string; fixed?: string } }[];
    };
    expect(
      report.findings.map((f) => [f.properties.package, f.properties.advisory, f.properties.fixed]),
    ).toEqual([
      ['django', 'GHSA-jh3w-4vvf-mjgr', '4.2.3'],
      ['requests', 'GHSA-j8r2-6x86-q33q', '2.31.0'],
    ]);
  });
});
