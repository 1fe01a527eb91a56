import { readFileSync, utimesSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NODE_EXPECTED,
  NODE_PACKAGES,
  nodeProjects,
  PYTHON_EXPECTED,
  pythonProjects,
  REQUIREMENTS,
} from './helpers/audit-projects.js';
import { git, makeRepo, seckit } from './helpers/git-repo.js';
import { fixtureDatabase, fixtureRecords, makeZip } from './helpers/osv-db.js';

interface JsonFinding {
  id: string;
  ruleId: string;
  severity: string;
  message: string;
  fix?: string;
  docsUrl?: string;
  location: { path: string; startLine: number };
  properties?: Record<string, unknown>;
}
interface Json {
  findings: JsonFinding[];
  suppressed: (JsonFinding & { suppression: { kind: string; justification: string; expires?: string } })[];
  errors: { path?: string; message: string }[];
  warnings: string[];
  decision: { blocked: boolean };
}

async function audit(files: Record<string, string>, ...args: string[]) {
  const dir = makeRepo(files);
  git(dir, 'add', '.');
  const r = await seckit(dir, 'audit', '--format', 'json', ...args);
  return { ...r, dir, report: r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as Json) : undefined };
}

/** What a finding says, in the terms of the expectations in helpers/audit-projects.ts. */
const verdict = (f: JsonFinding) => ({
  package: f.properties?.package,
  version: f.properties?.version,
  advisory: f.properties?.advisory,
  severity: f.severity,
  via: f.properties?.via,
  fixed: f.properties?.fixed,
});
const byPackage = <T extends { package?: unknown }>(list: T[]) =>
  [...list].sort((a, b) => String(a.package).localeCompare(String(b.package)));

const db = fixtureDatabase();

describe('seckit audit: verdicts on every lockfile format', () => {
  it('Node (npm v3, shrinkwrap, pnpm v9, Yarn 1, Yarn Berry, bun): affected, fixed and boundary versions, with chains', async () => {
    for (const [format, files] of Object.entries(nodeProjects())) {
      const r = await audit(files, '--db', db);
      expect(r.report?.errors, format).toEqual([]);
      expect(byPackage(r.report!.findings.map(verdict)), format).toEqual(NODE_EXPECTED);
      // critical minimist >= blockOn (high)
      expect(r.code, format).toBe(1);
      const lock = Object.keys(files).find((f) => f !== 'package.json')!;
      for (const f of r.report!.findings) {
        expect(f.location.path).toBe(lock);
        expect(files[lock]!.split('\n')[f.location.startLine - 1], `${format} ${f.message}`).toContain(
          String(f.properties?.package),
        );
      }
      expect(r.stderr, format).toContain(
        `Audited ${NODE_PACKAGES} locked package version(s) in 1 file(s) against ${db} (npm: ${fixtureRecords('npm').length} advisories, updated `,
      );
    }
  });

  it('uv and Poetry lockfiles, and pinned requirements: the same Python verdicts', async () => {
    for (const [format, files] of Object.entries(pythonProjects())) {
      const r = await audit(files, '--db', db);
      expect(r.report?.errors, format).toEqual([]);
      // uv writes normalised names (django), Poetry PyPI's own (Django): each shown as written.
      const expected = PYTHON_EXPECTED.map((e) =>
        format === 'uv' ? { ...e, package: e.package.toLowerCase(), via: e.via.toLowerCase() } : e,
      );
      expect(byPackage(r.report!.findings.map(verdict)), format).toEqual(expected);
      expect(r.code, format).toBe(1); // Django is high
    }
    const req = await audit({ 'requirements.txt': REQUIREMENTS }, '--db', db);
    expect(
      byPackage(req.report!.findings.map((f) => ({ ...verdict(f), line: f.location.startLine }))),
    ).toEqual([
      { ...PYTHON_EXPECTED[0], via: undefined, line: 2 },
      { ...PYTHON_EXPECTED[1], via: undefined, line: 4 },
    ]);
  });

  it('a range in a requirements file is never audited (jinja2>=3.0 would "match" at 3.0), and the report says so', async () => {
    const r = await audit({ 'requirements.txt': 'jinja2>=3.0\nrequests~=2.30\n' }, '--db', db);
    expect(r.report!.findings).toEqual([]);
    expect(r.report!.warnings.join('\n')).toContain(
      '2 requirement line(s) pin no exact version and were not audited (a range has no version to judge), e.g. requirements.txt:1 jinja2>=3.0',
    );
    expect(r.code).toBe(0);
    // Pinned to the affected version, it is judged.
    const pinned = await audit({ 'requirements.txt': 'jinja2==3.0.0\n' }, '--db', db);
    expect(pinned.report!.findings.map((f) => f.properties?.advisory)).toEqual(['GHSA-h5c8-rqwp-cp95']);
  });

  it('the finding: message, fix, structured properties, docs link; its id survives moved lines', async () => {
    const files = nodeProjects()['npm v3']!;
    const r = await audit(files, '--db', db);
    const minimist = r.report!.findings.find((f) => f.properties?.package === 'minimist')!;
    expect(minimist).toMatchObject({
      ruleId: 'seckit/vulnerable-dependency',
      severity: 'critical',
      message:
        'minimist@0.0.8 has a known vulnerability: GHSA-xvch-5gv4-984h (CVE-2021-44906) (Prototype Pollution in minimist); upgrade to ≥ 0.2.4; brought in by mkdirp > minimist',
      docsUrl:
        'https://github.com/seckit/seckit/blob/main/packages/hooks/README.md#seckitvulnerable-dependency',
      properties: {
        ecosystem: 'npm',
        aliases: 'CVE-2021-44906 GHSA-xvch-5gv4-984h',
        cvss: 9.8,
        severitySource: 'cvss',
        url: 'https://osv.dev/vulnerability/GHSA-xvch-5gv4-984h',
      },
    });
    expect(minimist.fix).toContain('Upgrade minimist to 0.2.4 or later (through mkdirp, or an override)');
    const lodash = r.report!.findings.find((f) => f.properties?.package === 'lodash')!;
    expect(lodash.message).toMatch(/; a direct dependency$/);

    // An entry added above the others (every line moves): the same ids. Another version: another finding.
    const lock = JSON.parse(files['package-lock.json']!) as { packages: Record<string, unknown> };
    const { '': root, ...rest } = lock.packages;
    lock.packages = { '': root, 'node_modules/abbrev': { version: '1.1.1' }, ...rest };
    const moved = { ...files, 'package-lock.json': JSON.stringify(lock, null, 2) };
    const again = await audit(moved, '--db', db);
    expect(again.report!.findings.map((f) => f.id).sort()).toEqual(
      r.report!.findings.map((f) => f.id).sort(),
    );
    expect(again.report!.findings.map((f) => f.location.startLine)).not.toEqual(
      r.report!.findings.map((f) => f.location.startLine),
    );
    const other = await audit(
      {
        'package-lock.json': files['package-lock.json']!.replace('"version": "7.5.1"', '"version": "7.5.0"'),
      },
      '--db',
      db,
    );
    const semverIds = (j: Json) =>
      j.findings.filter((f) => f.properties?.package === 'semver').map((f) => f.id);
    expect(semverIds(other.report!)).toHaveLength(1);
    expect(semverIds(other.report!)).not.toEqual(semverIds(r.report!));
  });

  it('malicious packages: critical, their own rule, "remove it"', async () => {
    const lock = JSON.stringify({
      name: 'app',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { '-gzip-ize': '1.0.0', 'seckit-fixture-typosquat': '1.0.1' } },
        'node_modules/-gzip-ize': {
          version: '1.0.0',
          resolved: 'https://registry.npmjs.org/-gzip-ize/-/-gzip-ize-1.0.0.tgz',
        },
        'node_modules/seckit-fixture-typosquat': {
          version: '1.0.1',
          resolved:
            'https://registry.npmjs.org/seckit-fixture-typosquat/-/seckit-fixture-typosquat-1.0.1.tgz',
        },
      },
    });
    const r = await audit({ 'package-lock.json': lock }, '--db', db);
    expect(r.code).toBe(1);
    expect(r.report!.findings.map((f) => [f.ruleId, f.severity, f.properties?.package])).toEqual([
      ['seckit/malicious-package', 'critical', '-gzip-ize'],
      ['seckit/malicious-package', 'critical', 'seckit-fixture-typosquat'],
    ]);
    // MAL-2022-6 has a GHSA alias: listed first, the MAL id beside it.
    expect(r.report!.findings[0]!.message).toBe(
      '-gzip-ize@1.0.0 is a known malicious package: GHSA-55c4-jwq7-c38p (MAL-2022-6); no fixed version known; a direct dependency',
    );
    expect(r.report!.findings[0]!.fix).toMatch(
      /^Remove -gzip-ize now and treat every machine that installed it as compromised/,
    );
    expect(r.report!.findings[1]!.docsUrl).toMatch(/README\.md#seckitmalicious-package$/);
  });
});

describe('seckit audit: accepted advisories (audit.exceptions)', () => {
  const policy = (exceptions: unknown[]) => JSON.stringify({ audit: { exceptions } });
  const today = new Date().toISOString().slice(0, 10);

  it('by any id of the group, optionally for one package, until the end of its expiry day; then it comes back', async () => {
    const files = nodeProjects()['npm v3']!;
    const r = await audit(
      {
        ...files,
        '.seckit/policy.json': policy([
          // an alias, in lower case, for this package only
          { id: 'cve-2021-44906', package: 'minimist', reason: 'CLI args are ours', expires: '2999-12-31' },
          // lodash-es is not lodash: this one accepts nothing here
          { id: 'GHSA-35jh-r3h4-6jhm', package: 'lodash-es', reason: 'not used' },
          // expires today: still applies today (UTC)
          { id: 'CVE-2022-25883', reason: 'ranges are constants', expires: today },
        ]),
      },
      '--db',
      db,
    );
    expect(r.report!.findings.map((f) => f.properties?.package)).toEqual(['lodash']);
    expect(
      r.report!.suppressed.map((s) => [
        s.properties?.package,
        s.suppression.kind,
        s.suppression.justification,
        s.suppression.expires,
      ]),
    ).toEqual([
      ['minimist', 'exception', 'cve-2021-44906: CLI args are ours', '2999-12-31'],
      ['semver', 'exception', 'CVE-2022-25883: ranges are constants', today],
    ]);
    expect(r.code).toBe(1); // lodash is high

    const expired = await audit(
      {
        ...files,
        '.seckit/policy.json': policy([
          { id: 'GHSA-xvch-5gv4-984h', reason: 'CLI args are ours', expires: '2020-01-01' },
          { id: 'GHSA-35jh-r3h4-6jhm', reason: 'not reachable' },
          { id: 'GHSA-c2qf-rxjj-qqgw', reason: 'constants' },
        ]),
      },
      '--db',
      db,
    );
    expect(expired.report!.suppressed).toHaveLength(2);
    expect(expired.report!.findings).toHaveLength(1);
    expect(expired.report!.findings[0]!.message).toMatch(
      /^minimist@0\.0\.8 .* \(the exception for GHSA-xvch-5gv4-984h expired on 2020-01-01\)$/,
    );
    expect(expired.code).toBe(1);
  });

  it('the text report lists what was accepted and why', async () => {
    const dir = makeRepo({
      ...pythonProjects().uv!,
      '.seckit/policy.json': policy([{ id: 'GHSA-jh3w-4vvf-mjgr', reason: 'admin is internal only' }]),
    });
    git(dir, 'add', '.');
    const r = await seckit(dir, 'audit', '--db', db);
    expect(r.code).toBe(0); // urllib3 is medium, under blockOn
    expect(r.stdout).toContain('urllib3@2.0.0 has a known vulnerability: GHSA-34jh-p97f-mpxf');
    expect(r.stdout).toContain('1 suppressed (1 exception)');
    expect(r.stdout).toMatch(
      /Audited 10 locked package version\(s\) in 1 file\(s\) against .* \(PyPI: \d+ advisories, updated \d+ days ago\)/,
    );
  });
});

describe('seckit audit: the database', () => {
  const npm = nodeProjects()['npm v3']!;

  it('missing: exit 2 with what to do, in text and JSON; never a silent pass', async () => {
    const empty = fixtureDatabase({ npm: undefined, PyPI: undefined });
    const r = await audit(npm, '--db', empty);
    expect(r.code).toBe(2);
    expect(r.report!.errors.map((e) => e.message)).toEqual([
      `no advisory database for npm at ${empty}: run \`seckit audit --update-db\` (downloads from https://osv-vulnerabilities.storage.googleapis.com), or set "audit.database" in .seckit/policy.json`,
    ]);
    const dir = makeRepo(npm);
    git(dir, 'add', '.');
    const text = await seckit(dir, 'audit', '--db', path.join(empty, 'nowhere'));
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('no advisory database for npm at');
    expect(text.stdout).toContain('npm: missing');
    // A file where the folder should be is a usage error.
    const file = await seckit(dir, 'audit', '--db', path.join(dir, 'package.json'));
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('the advisory database must be a folder');
  });

  it('only the ecosystems in use are needed: a Node project with no PyPI database audits', async () => {
    const r = await audit(npm, '--db', fixtureDatabase({ PyPI: undefined }));
    expect(r.report!.errors).toEqual([]);
    expect(r.report!.findings).toHaveLength(3);
  });

  it('a damaged zip: exit 2 when the project uses that ecosystem (fail closed), ignored when not', async () => {
    const broken = fixtureDatabase({ npm: Buffer.from('<html>captive portal</html>') });
    const r = await audit(npm, '--db', broken);
    expect(r.code).toBe(2);
    expect(r.report!.errors[0]!.message).toMatch(/is not a readable zip .*none of its advisories were used/);
    const python = await audit(pythonProjects().uv!, '--db', broken);
    expect(python.report!.errors).toEqual([]);
    expect(python.report!.findings).toHaveLength(2);
  });

  it('a damaged record: a warning; every other record still judges', async () => {
    const records = fixtureRecords('npm');
    const zip = makeZip([
      ...records,
      {
        name: 'BROKEN-1.json',
        data: Buffer.from(
          '{"id": "BROKEN-1", "affected": [{"package": {"ecosystem": "npm", "name": "lodash"',
        ),
      },
    ]);
    const r = await audit(npm, '--db', fixtureDatabase({ npm: zip }));
    expect(r.report!.errors).toEqual([]);
    expect(r.report!.findings).toHaveLength(3);
    expect(r.report!.warnings.join('\n')).toMatch(
      /1 advisory record\(s\) could not be read and were skipped, e\.g\. .*BROKEN-1\.json/,
    );
  });

  it('stale: still audits, with a warning (text and JSON); --max-age-days tunes it', async () => {
    const old = makeZip(
      fixtureRecords('PyPI').map((rec) => ({
        ...rec,
        data: Buffer.from(
          rec.data.toString().replace(/"modified": "[^"]+"/, '"modified": "2020-01-01T00:00:00Z"'),
        ),
      })),
    );
    const stale = fixtureDatabase({ PyPI: old });
    const zip = path.join(stale, 'osv-scanner', 'PyPI', 'all.zip');
    // A fresh download of old data is still old: the age is the newest record's.
    utimesSync(zip, new Date(), new Date());
    const r = await audit(pythonProjects().poetry!, '--db', stale);
    expect(byPackage(r.report!.findings.map(verdict))).toEqual(PYTHON_EXPECTED);
    expect(r.report!.warnings.join('\n')).toMatch(
      /the PyPI advisory database is \d+ days old \(allowed: 7, audit\.maxAgeDays or --max-age-days\)/,
    );
    const tuned = await audit(pythonProjects().poetry!, '--db', stale, '--max-age-days', '100000');
    expect(tuned.report!.warnings.join('\n')).not.toContain('days old');
    const bad = await audit(pythonProjects().poetry!, '--db', stale, '--max-age-days', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-age-days: expected a whole number of days (1 or more), got "0"');
  });
});

describe('seckit audit: what it reads', () => {
  it('nothing to audit: exit 2 and why', async () => {
    const r = await audit({ 'README.md': '# hi\n' }, '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no lockfile or requirements file is tracked');
    const paths = await audit(
      { 'README.md': '# hi\n', 'package-lock.json': nodeProjects()['npm v3']!['package-lock.json']! },
      '--db',
      db,
      'README.md',
    );
    expect(paths.code).toBe(2);
    expect(paths.stderr).toContain('no lockfile or requirements file among README.md: nothing to audit');
  });

  it('paths restrict it; an untracked lockfile is not audited by default', async () => {
    const node = nodeProjects()['pnpm v9']!;
    const py = pythonProjects().uv!;
    const dir = makeRepo({
      'web/package.json': node['package.json']!,
      'web/pnpm-lock.yaml': node['pnpm-lock.yaml']!,
      'api/uv.lock': py['uv.lock']!,
    });
    git(dir, 'add', 'web');
    const all = await seckit(dir, 'audit', '--format', 'json', '--db', db);
    expect((JSON.parse(all.stdout) as Json).findings.map((f) => f.location.path)).toEqual([
      'web/pnpm-lock.yaml',
      'web/pnpm-lock.yaml',
      'web/pnpm-lock.yaml',
    ]);
    const only = await seckit(dir, 'audit', '--format', 'json', '--db', db, 'api');
    expect(new Set((JSON.parse(only.stdout) as Json).findings.map((f) => f.location.path))).toEqual(
      new Set(['api/uv.lock']),
    );
    // --cwd: paths are relative to it.
    const cwd = await seckit(dir, '--cwd', 'api', 'audit', '--format', 'json', '--db', db, '.');
    expect(new Set((JSON.parse(cwd.stdout) as Json).findings.map((f) => f.location.path))).toEqual(
      new Set(['api/uv.lock']),
    );
  });

  it('audit.ecosystems leaves the others out (counted, not judged, and no database needed for them)', async () => {
    const r = await audit(
      {
        ...nodeProjects()['npm v3']!,
        ...pythonProjects().uv!,
        '.seckit/policy.json': JSON.stringify({ audit: { ecosystems: ['PyPI'] } }),
      },
      '--db',
      fixtureDatabase({ npm: undefined }),
    );
    expect(r.report!.errors).toEqual([]);
    expect(new Set(r.report!.findings.map((f) => f.properties?.ecosystem))).toEqual(new Set(['PyPI']));
    expect(r.stderr).toContain(`; ${NODE_PACKAGES} of other ecosystems not audited (audit.ecosystems)`);
  });
});

describe('seckit audit: output formats', () => {
  it('SARIF rules carry help and the README section of each new rule; Markdown and GitHub annotations too', async () => {
    const files = {
      'package-lock.json': JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', dependencies: { minimist: '1.2.5', 'seckit-fixture-typosquat': '1.0.0' } },
          'node_modules/minimist': { version: '1.2.5' },
          'node_modules/seckit-fixture-typosquat': { version: '1.0.0' },
        },
      }),
    };
    const sarif = await audit(files, '--db', db, '--format', 'sarif');
    const log = JSON.parse(sarif.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string } }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => [r.id, r.helpUri])).toEqual([
      [
        'seckit/malicious-package',
        'https://github.com/seckit/seckit/blob/main/packages/hooks/README.md#seckitmalicious-package',
      ],
      [
        'seckit/vulnerable-dependency',
        'https://github.com/seckit/seckit/blob/main/packages/hooks/README.md#seckitvulnerable-dependency',
      ],
    ]);
    expect(rules[1]!.help.text).toContain('Upgrade minimist to 1.2.6 or later');
    // The README has those sections.
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('#### `seckit/vulnerable-dependency`');
    expect(readme).toContain('#### `seckit/malicious-package`');
    expect(sarif.code).toBe(1);
    // The notes go to stderr: stdout stays one SARIF document.
    expect(sarif.stderr).toContain('Audited 2 locked package version(s)');

    const md = await audit(files, '--db', db, '--format', 'markdown');
    expect(md.stdout).toContain('seckit/vulnerable-dependency');
    const gh = await audit(files, '--db', db, '--format', 'github');
    expect(gh.stdout).toMatch(
      /^::error file=package-lock\.json,line=\d+,.*title=critical%3A seckit\/malicious-package::/m,
    );

    const out = await audit(files, '--db', db, '--format', 'sarif', '--output', 'audit.sarif');
    expect(JSON.parse(readFileSync(path.join(out.dir, 'audit.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(out.stdout).toContain('minimist@1.2.5 has a known vulnerability');
  });
});

describe('seckit audit --update-db', () => {
  it('downloads the ecosystems the policy names from --db-url into --db, then audits with them', async () => {
    const zips: Record<string, Buffer> = {
      npm: makeZip(fixtureRecords('npm')),
      PyPI: makeZip(fixtureRecords('PyPI')),
    };
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      const m = /^\/osv\/(npm|PyPI)\/all\.zip$/.exec(req.url ?? '');
      if (req.url?.startsWith('/down/')) res.writeHead(503).end();
      else if (m === null) res.writeHead(404).end();
      else res.writeHead(200).end(zips[m[1]!]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const target = fixtureDatabase({ npm: undefined, PyPI: undefined });
      const dir = makeRepo({
        ...pythonProjects().uv!,
        '.seckit/policy.json': JSON.stringify({ audit: { ecosystems: ['PyPI'], updateUrl: `${base}/osv` } }),
      });
      git(dir, 'add', '.');
      const r = await seckit(dir, 'audit', '--update-db', '--db', target);
      expect(asked).toEqual(['/osv/PyPI/all.zip']);
      expect(r.stdout).toContain(
        `Downloaded the PyPI advisory database: ${fixtureRecords('PyPI').length} records`,
      );
      expect(r.stdout).toContain('django@4.2.2 has a known vulnerability: GHSA-jh3w-4vvf-mjgr');
      expect(r.code).toBe(1);

      // --db-url over the policy; a server that fails: exit 2, the database in use untouched.
      const before = readFileSync(path.join(target, 'osv-scanner', 'PyPI', 'all.zip'));
      const down = await seckit(dir, 'audit', '--update-db', '--db', target, '--db-url', `${base}/down`);
      expect(down.code).toBe(2);
      expect(down.stderr).toContain(`${base}/down/PyPI/all.zip: the server answered 503`);
      expect(readFileSync(path.join(target, 'osv-scanner', 'PyPI', 'all.zip'))).toEqual(before);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('--db-url without --update-db, and a URL that is not http(s), are usage errors', async () => {
    const files = pythonProjects().uv!;
    const alone = await audit(files, '--db', db, '--db-url', 'http://127.0.0.1:9');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--db-url only applies with --update-db');
    const dir = makeRepo(files);
    const ftp = await seckit(dir, 'audit', '--update-db', '--db', db, '--db-url', 'ftp://example.com');
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('--db-url: expected an http(s) URL, got "ftp://example.com"');
  });
});
