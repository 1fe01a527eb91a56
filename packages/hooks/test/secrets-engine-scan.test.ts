import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPolicy, type Report } from '@seckit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRepo } from '../src/git/resolve-repo.js';
import { scan } from '../src/scan.js';
import { stagedFiles } from '../src/targets/staged-files.js';
import { pathFiles } from '../src/targets/tree-files.js';
import { plantedFiles, realFiles } from './helpers/engine-corpus.js';
import { git, makeRepo } from './helpers/git-repo.js';

/** What must not depend on how the work was split: everything but timings. */
function essence(report: Report) {
  return {
    findings: report.findings,
    suppressed: report.suppressed,
    errors: report.errors,
    warnings: report.warnings,
    stats: { ...report.stats, durationMs: 0 },
    decision: report.decision,
  };
}

let dir: string;

beforeAll(() => {
  const real = realFiles(1_500_000);
  dir = makeRepo();
  for (const file of [...real, ...plantedFiles(7, 400, real)]) {
    mkdirSync(path.join(dir, path.dirname(file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  // What every scan must pass over, and say so.
  mkdirSync(path.join(dir, 'odd'));
  writeFileSync(path.join(dir, 'odd/big.txt'), Buffer.alloc(6 * 1024 * 1024, 0x61));
  writeFileSync(path.join(dir, 'odd/image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  writeFileSync(path.join(dir, 'odd/app.min.js'), 'var a=1;');
  symlinkSync('/etc/hostname', path.join(dir, 'odd/link.txt'));
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(dir, 'odd/pipe')]);
});

describe('scan: one thread or many, the same report', () => {
  it('working-tree files: workers read and scan them, with identical findings, ids and stats', async () => {
    const repo = await resolveRepo(dir);
    const target = () => pathFiles(repo.root, repo.root, ['.']);
    const policy = defaultPolicy();
    const now = new Date('2026-01-01T00:00:00Z');
    const single = await scan({
      repo,
      scope: 'paths',
      target: await target(),
      policy,
      now,
      parallel: { workers: 0 },
    });
    const pooled = await scan({
      repo,
      scope: 'paths',
      target: await target(),
      policy,
      now,
      parallel: { workers: 2, afterMs: 0, mainThreadScans: false },
    });
    expect(single.report.findings.length).toBeGreaterThan(200);
    expect(essence(pooled.report)).toEqual(essence(single.report));
    // Skips are counted, never silent: the large file, the binary, the minified bundle, the symlink.
    expect(single.report.stats.skipped).toBe(4);
    expect(single.report.errors).toEqual([]);
  });

  it('blobs from the index: contents handed to the workers give the same report', async () => {
    git(dir, 'add', '-A');
    const repo = await resolveRepo(dir);
    const policy = defaultPolicy();
    const now = new Date('2026-01-01T00:00:00Z');
    const single = await scan({
      repo,
      scope: 'staged',
      target: await stagedFiles(repo.root),
      policy,
      now,
      parallel: { workers: 0 },
    });
    const pooled = await scan({
      repo,
      scope: 'staged',
      target: await stagedFiles(repo.root),
      policy,
      now,
      parallel: { workers: 2, afterMs: 0, mainThreadScans: false },
    });
    expect(single.report.findings.length).toBeGreaterThan(200);
    expect(essence(pooled.report)).toEqual(essence(single.report));
  });
});
