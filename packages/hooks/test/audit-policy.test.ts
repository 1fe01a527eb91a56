import path from 'node:path';
import { defaultPolicy, parsePolicy } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import { auditDatabaseDir } from '../src/audit/audit-check.js';
import { pythonProjects } from './helpers/audit-projects.js';
import { git, makeRepo, seckit } from './helpers/git-repo.js';

/** The policy's errors for one `audit` section, written as people write it (one key per line). */
function errorsOf(audit: unknown): string[] {
  const result = parsePolicy(JSON.stringify({ audit }, null, 2));
  return result.ok ? [] : result.errors;
}

describe('the audit section of .seckit/policy.json', () => {
  it('defaults: the user cache, 7 days, OSV’s bucket, both ecosystems, no exceptions', () => {
    const result = parsePolicy('{}');
    expect(result.ok && result.policy.audit).toEqual({
      updateUrl: 'https://osv-vulnerabilities.storage.googleapis.com',
      maxAgeDays: 7,
      exceptions: [],
    });
    const full = parsePolicy(
      JSON.stringify({
        audit: {
          database: '.cache/osv',
          updateUrl: 'http://mirror.internal.example/osv',
          maxAgeDays: 2,
          ecosystems: ['PyPI'],
          exceptions: [
            { id: 'CVE-2023-32681', package: 'requests', reason: 'no proxies', expires: '2026-12-31' },
          ],
        },
      }),
    );
    expect(full.ok).toBe(true);
  });

  it('every field: a wrong value is an error naming the file, the JSON path, line and column', () => {
    const cases: [unknown, string][] = [
      [{ database: '' }, 'audit.database: '],
      [{ database: 7 }, 'audit.database: '],
      [{ updateUrl: 'ftp://mirror.example.com' }, 'audit.updateUrl: expected an http(s) URL'],
      [{ updateUrl: 'not a url' }, 'audit.updateUrl: expected an http(s) URL'],
      [{ maxAgeDays: 0 }, 'audit.maxAgeDays: expected 1 or more days, got 0'],
      [{ maxAgeDays: 1.5 }, 'audit.maxAgeDays: expected int, got 1.5'],
      [{ maxAgeDays: '7' }, 'audit.maxAgeDays: '],
      [{ ecosystems: ['npm', 'Go'] }, 'audit.ecosystems[1]: expected one of "npm", "PyPI", got "Go"'],
      [{ ecosystems: [] }, 'audit.ecosystems: '],
      [{ ecosystems: ['npm', 'npm'] }, 'audit.ecosystems: lists an ecosystem twice'],
      [{ exceptions: [{ reason: 'x' }] }, 'audit.exceptions[0].id: '],
      [{ exceptions: [{ id: ' ', reason: 'x' }] }, 'audit.exceptions[0].id: '],
      [{ exceptions: [{ id: 'GHSA-x' }] }, 'audit.exceptions[0].reason: '],
      [
        { exceptions: [{ id: 'GHSA-x', reason: '  ' }] },
        'audit.exceptions[0].reason: an exception needs a reason',
      ],
      [
        { exceptions: [{ id: 'GHSA-x', reason: 'r', expires: '31/12/2026' }] },
        'audit.exceptions[0].expires: expected a date as YYYY-MM-DD',
      ],
      [{ exceptions: [{ id: 'GHSA-x', reason: 'r', package: '' }] }, 'audit.exceptions[0].package: '],
      [{ exceptions: [{ id: 'GHSA-x', reason: 'r', until: '2026-12-31' }] }, 'audit.exceptions[0]'],
      [{ ignore: [] }, 'audit'],
    ];
    for (const [audit, expected] of cases) {
      const errors = errorsOf(audit);
      expect(errors, JSON.stringify(audit)).toHaveLength(1);
      expect(errors[0], JSON.stringify(audit)).toContain(`.seckit/policy.json: ${expected}`);
      expect(errors[0], JSON.stringify(audit)).toMatch(/\(line \d+, column \d+\)$/);
    }
    // An unknown key says which (a typo, or the old "ignore").
    expect(errorsOf({ ignore: [] })[0]).toContain('ignore');
  });

  it('seckit audit stops on a bad audit section: exit 2, every problem listed, no stack trace', async () => {
    const dir = makeRepo({
      ...pythonProjects().uv!,
      '.seckit/policy.json': `{
  "audit": {
    "maxAgeDays": -1,
    "exceptions": [{ "id": "GHSA-jh3w-4vvf-mjgr", "reason": "" }]
  }
}
`,
    });
    git(dir, 'add', '.');
    const r = await seckit(dir, 'audit');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '.seckit/policy.json: audit.maxAgeDays: expected 1 or more days, got -1 (line 3, column 5)',
    );
    expect(r.stderr).toContain(
      '.seckit/policy.json: audit.exceptions[0].reason: an exception needs a reason',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('where the database is: --db, then audit.database (from the repository), then osv-scanner’s variable, then the user cache', () => {
    const root = path.resolve('/repo');
    const policy = defaultPolicy();
    const withDb = { ...policy, audit: { ...policy.audit, database: '.cache/osv' } };
    const env = {
      OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY: '/shared/osv',
      XDG_CACHE_HOME: '/xdg',
      HOME: '/home/me',
    };
    expect(auditDatabaseDir(root, withDb, env, '/flag')).toBe('/flag');
    expect(auditDatabaseDir(root, withDb, env)).toBe(path.join(root, '.cache/osv'));
    expect(auditDatabaseDir(root, policy, env)).toBe('/shared/osv');
    expect(auditDatabaseDir(root, policy, { XDG_CACHE_HOME: '/xdg', HOME: '/home/me' })).toBe(
      path.join('/xdg', 'seckit', 'osv'),
    );
    expect(auditDatabaseDir(root, policy, { HOME: '/home/me' })).toBe(
      path.join('/home/me', '.cache', 'seckit', 'osv'),
    );
  });
});
