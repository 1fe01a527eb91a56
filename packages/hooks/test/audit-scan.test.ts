import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from '@seckit/vitest-config/test-utils';
import { describe, expect, it } from 'vitest';
import { nodeProjects, pythonProjects } from './helpers/audit-projects.js';
import { git, makeRepo, seckit, writeFiles } from './helpers/git-repo.js';
import { fixtureDatabase } from './helpers/osv-db.js';

interface Json {
  findings: { ruleId: string; location: { path: string }; properties?: Record<string, unknown> }[];
  errors: { path?: string; message: string }[];
  warnings: string[];
  decision: { blocked: boolean };
}

const db = fixtureDatabase();
const policy = (audit: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ checks: { audit: true }, audit: { database: db, ...audit }, ...extra });
const node = nodeProjects()['pnpm v9']!;
const py = pythonProjects().uv!;
const twoProjects = {
  'web/package.json': node['package.json']!,
  'web/pnpm-lock.yaml': node['pnpm-lock.yaml']!,
  'api/pyproject.toml': py['pyproject.toml']!,
  'api/uv.lock': py['uv.lock']!,
};

async function scanJson(dir: string, ...args: string[]) {
  const r = await seckit(dir, 'scan', '--format', 'json', ...args);
  return { ...r, report: JSON.parse(r.stdout) as Json };
}
const auditPaths = (j: Json) => [
  ...new Set(
    j.findings.filter((f) => f.ruleId === 'seckit/vulnerable-dependency').map((f) => f.location.path),
  ),
];

describe('the opt-in audit check of seckit scan', () => {
  it('off by default; on, a full scan audits every tracked lockfile and merges the findings', async () => {
    const dir = makeRepo(twoProjects);
    git(dir, 'add', '.');
    const off = await scanJson(dir);
    expect(auditPaths(off.report)).toEqual([]);
    writeFiles(dir, { '.seckit/policy.json': policy() });
    git(dir, 'add', '.');
    const on = await scanJson(dir);
    expect(auditPaths(on.report).sort()).toEqual(['api/uv.lock', 'web/pnpm-lock.yaml']);
    expect(on.report.errors).toEqual([]);
    expect(on.code).toBe(1);
  });

  it('--staged audits the staged lockfiles only, as staged (the index, not the working tree)', async () => {
    const dir = makeRepo({ ...twoProjects, '.seckit/policy.json': policy() });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init', '--no-verify');
    // Stage an upgrade of Django that still is affected (4.2.2 -> 4.1.9), then fix it in the
    // working tree only: the commit would contain 4.1.9.
    const staged = py['uv.lock']!.replace('version = "4.2.2"', 'version = "4.1.9"');
    writeFiles(dir, { 'api/uv.lock': staged });
    git(dir, 'add', 'api/uv.lock');
    writeFiles(dir, { 'api/uv.lock': staged.replace('version = "4.1.9"', 'version = "4.2.3"') });
    const r = await scanJson(dir, '--staged');
    expect(auditPaths(r.report)).toEqual(['api/uv.lock']);
    expect(
      r.report.findings
        .filter((f) => f.properties?.package === 'django')
        .map((f) => [f.properties?.version, f.properties?.fixed]),
    ).toEqual([['4.1.9', '4.1.10']]);
    expect(r.code).toBe(1);
  });

  it('in the hook, no database is a warning, not a block: a commit must not depend on a download', async () => {
    const dir = makeRepo({ ...py, '.seckit/policy.json': policy({ database: path.join(db, 'missing') }) });
    git(dir, 'add', '.');
    const hook = await scanJson(dir, '--staged');
    expect(hook.report.errors).toEqual([]);
    expect(hook.report.warnings.join('\n')).toContain('audit skipped: no advisory database for PyPI at');
    expect(hook.code).toBe(0);
    // In CI (a full scan) the same is an error: nothing was audited, so the run fails closed.
    const ci = await scanJson(dir);
    expect(ci.report.errors.map((e) => e.message).join('\n')).toContain('no advisory database for PyPI');
    expect(ci.code).toBe(1);
  });

  it('a damaged database blocks the hook (fail closed) unless onError is "pass"', async () => {
    const broken = fixtureDatabase({ PyPI: Buffer.from('not a zip') });
    const dir = makeRepo({ ...py, '.seckit/policy.json': policy({ database: broken }) });
    git(dir, 'add', '.');
    const closed = await scanJson(dir, '--staged');
    expect(closed.report.errors[0]!.message).toMatch(/is not a readable zip/);
    expect(closed.code).toBe(1);
    writeFiles(dir, { '.seckit/policy.json': policy({ database: broken }, { onError: 'pass' }) });
    git(dir, 'add', '.');
    const open = await scanJson(dir, '--staged');
    expect(open.report.errors).toHaveLength(1);
    expect(open.code).toBe(0);
  });

  it('on, with no lockfile tracked: a full scan says nothing was audited', async () => {
    const dir = makeRepo({ 'README.md': '# hi\n', '.seckit/policy.json': policy() });
    git(dir, 'add', '.');
    const r = await scanJson(dir);
    expect(r.report.warnings).toContain(
      'checks.audit is on but no lockfile or requirements file is tracked: nothing was audited',
    );
  });

  it('the hook does not load the audit’s code unless checks.audit is on (module list of a real `seckit scan --staged`)', () => {
    const bin = fileURLToPath(new URL('../bin/seckit.js', import.meta.url));
    const tools = tempDir('seckit-loaded-');
    const log = path.join(tools, 'loaded.txt');
    // A module hook that writes down every module Node loads.
    writeFileSync(
      path.join(tools, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
    );
    writeFileSync(
      path.join(tools, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(tools, 'hooks.mjs')).href)});\n`,
    );
    const loaded = (dir: string) => {
      writeFileSync(log, '');
      const r = spawnSync(
        process.execPath,
        ['--import', pathToFileURL(path.join(tools, 'register.mjs')).href, bin, 'scan', '--staged'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      return { status: r.status, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
    };
    const isAudit = (url: string) =>
      /\/audit(?:-[\w-]+)?\.js$|\/audit\/|pep440/.test(url) && !url.includes('/node_modules/.pnpm/vitest');

    const dir = makeRepo(py);
    git(dir, 'add', '.');
    const off = loaded(dir);
    expect(off.modules.some((m) => m.endsWith('/bundle/main.js'))).toBe(true);
    expect(off.modules.filter(isAudit)).toEqual([]);

    writeFiles(dir, { '.seckit/policy.json': policy() });
    git(dir, 'add', '.');
    const on = loaded(dir);
    expect(on.status).toBe(1); // Django 4.2.2, high
    expect(on.modules.filter(isAudit).length).toBeGreaterThan(0);
  });
});
