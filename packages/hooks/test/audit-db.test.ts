import { describe, expect, it } from 'vitest';
import { loadAdvisoryDatabase } from '../src/audit/advisory-db.js';
import { cvss3BaseScore } from '../src/audit/cvss.js';
import { fixtureDatabase, fixtureRecords, makeZip } from './helpers/osv-db.js';

const db = await loadAdvisoryDatabase({ dir: fixtureDatabase(), ecosystems: ['npm', 'PyPI'] });
const verdict = (ecosystem: 'npm' | 'PyPI', name: string, version: string) =>
  db.match(ecosystem, name, version).map((m) => ({ id: m.id, fixed: m.fixed ?? null, severity: m.severity }));

describe('OSV matching, on real advisories', () => {
  it.each([
    // lodash: GHSA-35jh (introduced 0, fixed 4.17.21), GHSA-p6mc (introduced 3.7.0, fixed 4.17.19)
    [
      'npm',
      'lodash',
      '4.17.15',
      [
        ['GHSA-35jh-r3h4-6jhm', '4.17.21'],
        ['GHSA-p6mc-m468-83gw', '4.17.19'],
      ],
    ],
    ['npm', 'lodash', '4.17.19', [['GHSA-35jh-r3h4-6jhm', '4.17.21']]], // == fixed: no longer affected
    ['npm', 'lodash', '4.17.20', [['GHSA-35jh-r3h4-6jhm', '4.17.21']]],
    ['npm', 'lodash', '4.17.21', []],
    ['npm', 'lodash', '4.17.21-beta.1', [['GHSA-35jh-r3h4-6jhm', '4.17.21']]], // prerelease of the fix
    ['npm', 'lodash', '3.6.0', [['GHSA-35jh-r3h4-6jhm', '4.17.21']]],
    [
      'npm',
      'lodash',
      '3.7.0',
      [
        ['GHSA-35jh-r3h4-6jhm', '4.17.21'],
        ['GHSA-p6mc-m468-83gw', '4.17.19'],
      ],
    ], // == introduced
    ['npm', 'lodash.template', '4.5.0', [['GHSA-35jh-r3h4-6jhm', null]]], // == last_affected, no fix
    ['npm', 'lodash.template', '4.5.1', []],
    ['npm', 'minimist', '0.2.3', [['GHSA-xvch-5gv4-984h', '0.2.4']]],
    ['npm', 'minimist', '0.2.4', []],
    ['npm', 'minimist', '1.0.0', [['GHSA-xvch-5gv4-984h', '1.2.6']]],
    ['npm', 'minimist', '1.2.5', [['GHSA-xvch-5gv4-984h', '1.2.6']]],
    ['npm', 'minimist', '1.2.6', []],
    ['npm', 'semver', '5.7.1', [['GHSA-c2qf-rxjj-qqgw', '5.7.2']]],
    ['npm', 'semver', '6.3.0', [['GHSA-c2qf-rxjj-qqgw', '6.3.1']]],
    ['npm', 'semver', '7.5.1', [['GHSA-c2qf-rxjj-qqgw', '7.5.2']]],
    ['npm', 'semver', '7.5.2', []],
    ['npm', 'seckit-fixture-typosquat', '1.0.1', [['MAL-2025-0001', null]]],
    ['npm', 'seckit-fixture-typosquat', '1.0.2', []],
    ['PyPI', 'requests', '2.30.0', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // GHSA + PYSEC twins: one finding
    ['PyPI', 'requests', '2.31.0rc1', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // PEP 440 pre-release
    ['PyPI', 'requests', '2.30.0.post1', [['GHSA-j8r2-6x86-q33q', '2.31.0']]],
    ['PyPI', 'Requests', '2.3.0', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // == introduced, any case
    ['PyPI', 'requests', '2.2.1', []],
    ['PyPI', 'requests', '2.31.0', []],
    ['PyPI', 'django', '3.2.19', [['GHSA-jh3w-4vvf-mjgr', '3.2.20']]],
    ['PyPI', 'Django', '4.2.2', [['GHSA-jh3w-4vvf-mjgr', '4.2.3']]],
    ['PyPI', 'django', '4.2.3', []],
    ['PyPI', 'django', '4.1.10', []],
    ['PyPI', 'django', '1!3.2.0', []], // epoch 1 sorts after every range
    ['PyPI', 'jinja2', '3.1.2', [['GHSA-h5c8-rqwp-cp95', '3.1.3']]],
  ] as const)('%s %s@%s', (ecosystem, name, version, expected) => {
    expect(verdict(ecosystem, name, version).map((v) => [v.id, v.fixed])).toEqual(expected);
  });

  it('merges aliases into one finding with every id, and never reports a withdrawn record', () => {
    const [requests] = db.match('PyPI', 'requests', '2.30.0');
    expect(requests?.ids).toEqual(['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74']);
    expect(requests?.url).toBe('https://osv.dev/vulnerability/GHSA-j8r2-6x86-q33q');
    // GHSA-wwww-wwww-wwww (withdrawn) affects every lodash: it is not there
    expect(db.match('npm', 'lodash', '4.17.21')).toEqual([]);
  });

  it('severity: CVSS v3 computed; the database rating without a v3 vector; MAL- is critical', () => {
    const by = (e: 'npm' | 'PyPI', n: string, v: string) => db.match(e, n, v)[0]!;
    expect(by('npm', 'minimist', '1.2.5')).toMatchObject({
      severity: 'critical',
      severitySource: 'cvss',
      cvss: { score: 9.8 },
    });
    expect(by('npm', 'lodash', '4.17.20')).toMatchObject({ severity: 'high', cvss: { score: 7.2 } });
    expect(by('npm', 'semver', '7.5.1')).toMatchObject({ severity: 'medium', cvss: { score: 5.3 } });
    expect(by('PyPI', 'requests', '2.30.0')).toMatchObject({ severity: 'medium', cvss: { score: 6.1 } });
    expect(by('PyPI', 'jinja2', '3.1.2')).toMatchObject({ severity: 'medium', severitySource: 'database' });
    expect(by('npm', 'seckit-fixture-typosquat', '1.0.0')).toMatchObject({
      severity: 'critical',
      severitySource: 'malicious',
      malicious: true,
    });
  });

  it('CVSS v3 base scores match FIRST’s calculator', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toBe(10);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H')).toBe(7.4);
    expect(cvss3BaseScore('CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N')).toBe(5.5);
    expect(cvss3BaseScore('CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N')).toBe(0);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:2.0/AV:N')).toBeUndefined();
  });

  it('reports its sources: present, record counts, the newest modified time', () => {
    const npm = db.sources.find((s) => s.ecosystem === 'npm')!;
    expect(npm).toMatchObject({ present: true, records: fixtureRecords('npm').length });
    expect(npm.newestModified?.toISOString()).toBe('2025-01-10T00:00:00.000Z');
  });
});

describe('a damaged database: clear problems, nothing else lost', () => {
  const lodash = () => fixtureRecords('npm').find((r) => r.name === 'GHSA-35jh-r3h4-6jhm.json')!;

  it('a missing zip is "not present", not an error', async () => {
    const loaded = await loadAdvisoryDatabase({
      dir: fixtureDatabase({ npm: undefined }),
      ecosystems: ['npm', 'PyPI'],
    });
    expect(loaded.sources.map((s) => [s.ecosystem, s.present])).toEqual([
      ['npm', false],
      ['PyPI', true],
    ]);
    expect(loaded.problems).toEqual([]);
  });

  it.each([
    ['not a zip at all', Buffer.from('<html>Not Found</html>'), /not a readable zip \(not a zip archive/],
    ['an empty file', Buffer.alloc(0), /not a readable zip \(the file is empty\)/],
    ['a zip cut in half', makeZip(fixtureRecords('npm')).subarray(0, 900), /not a readable zip/],
  ])('%s: a problem of the file; the other ecosystem still matches', async (_, zip, message) => {
    const loaded = await loadAdvisoryDatabase({
      dir: fixtureDatabase({ npm: zip }),
      ecosystems: ['npm', 'PyPI'],
    });
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.file).toMatch(/osv-scanner\/npm\/all\.zip$/);
    expect(loaded.problems[0]!.message).toMatch(message);
    expect(loaded.match('PyPI', 'requests', '2.30.0')).toHaveLength(1);
  });

  it('a bad entry (CRC, JSON, no id, unknown range type) is a problem of that entry; the others match', async () => {
    const good = lodash();
    const damaged = Buffer.from(good.data);
    const zip = makeZip([
      good,
      { name: 'bad-json.json', data: Buffer.from('{"id": "GHSA-x", ') },
      { name: 'no-id.json', data: Buffer.from('{"affected": []}') },
      {
        name: 'bad-range.json',
        data: Buffer.from(
          JSON.stringify({
            id: 'GHSA-zzzz-zzzz-zzzz',
            affected: [
              {
                package: { ecosystem: 'npm', name: 'x' },
                ranges: [{ type: 'DATE', events: [{ introduced: '0' }] }],
              },
            ],
          }),
        ),
      },
      { name: 'crc.json', data: damaged, store: true },
    ]);
    // flip a byte of the stored entry's data: its CRC no longer matches
    const at = zip.lastIndexOf(Buffer.from('"GHSA-35jh-r3h4-6jhm"'));
    zip[at + 2] = zip[at + 2]! ^ 0x20;
    const loaded = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    const problems = Object.fromEntries(loaded.problems.map((p) => [p.entry, p.message]));
    expect(problems['bad-json.json']).toMatch(/not valid JSON/);
    expect(problems['no-id.json']).toBe('no "id"');
    expect(problems['bad-range.json']).toMatch(/unknown type "DATE"/);
    expect(problems['crc.json']).toMatch(/CRC-32/);
    expect(loaded.match('npm', 'lodash', '4.17.20').map((m) => m.id)).toEqual(['GHSA-35jh-r3h4-6jhm']);
  });

  it('records of other ecosystems in the zip are ignored silently', async () => {
    const zip = makeZip([
      ...fixtureRecords('npm'),
      {
        name: 'GO-2024-0001.json',
        data: Buffer.from(
          JSON.stringify({
            id: 'GO-2024-0001',
            affected: [{ package: { ecosystem: 'Go', name: 'lodash' }, versions: ['4.17.21'] }],
          }),
        ),
      },
    ]);
    const loaded = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.match('npm', 'lodash', '4.17.21')).toEqual([]);
  });
});
