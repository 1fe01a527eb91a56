import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seckit } from './helpers/git-repo.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('this repository', () => {
  it('passes its own scan: every fake credential goes through a reviewed seckit-allow comment', async () => {
    const r = await seckit(repoRoot, 'scan', '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual([]);
    expect(r.code).toBe(0);
    for (const s of report.suppressed) {
      expect(s.suppression.kind).toBe('inline');
      expect(s.suppression.justification).toMatch(/^seckit-allow(-next-line)?: .*fake/i);
    }
  });
});
