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
    [
      'npm',
      'lodash-es',
      '4.17.19',
      [
        ['GHSA-35jh-r3h4-6jhm', '4.17.21'],
        ['GHSA-p6mc-m468-83gw', '4.17.20'],
      ],
    ],
    ['npm', 'lodash.pick', '3.9.3', []],
    ['npm', 'lodash.pick', '4.0.0', [['GHSA-p6mc-m468-83gw', null]]], // == introduced, last_affected only
    ['npm', 'lodash.pick', '4.4.0', [['GHSA-p6mc-m468-83gw', null]]],
    ['npm', 'lodash.pick', '4.4.1-rc.1', []], // above last_affected, even as a prerelease
    ['npm', 'lodash-rails', '4.17.15', []], // a RubyGems package of the same record
    ['npm', 'axios', '0.21.1', [['GHSA-jr5f-v2jv-69x6', '1.8.2']]],
    ['npm', 'axios', '1.8.2-beta.1', [['GHSA-jr5f-v2jv-69x6', '1.8.2']]],
    ['npm', 'axios', '1.8.2+build.7', []], // build metadata does not change the version
    ['npm', 'axios', '1.8.2', []],
    ['npm', '-gzip-ize', '0.0.0', [['GHSA-55c4-jwq7-c38p', null]]], // MAL-2022-6, every version
    ['npm', '-gzip-ize', '99.0.0-x', [['GHSA-55c4-jwq7-c38p', null]]],
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
    ['PyPI', 'requests', '2.31.0.dev1', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // dev sorts before rc
    ['PyPI', 'requests', '2.31.0.post1', []],
    ['PyPI', 'requests', '2.31.0+local.1', []], // a local version sorts after its public one
    ['PyPI', 'requests', '2.30.0+ubuntu1', [['GHSA-j8r2-6x86-q33q', '2.31.0']]],
    ['PyPI', 'requests', '0!2.30.0', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // explicit epoch 0
    ['PyPI', 'requests', '2.3', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // PEP 440: 2.3 == 2.3.0
    ['PyPI', 'Requests', '2.3.0', [['GHSA-j8r2-6x86-q33q', '2.31.0']]], // == introduced, any case
    ['PyPI', 'requests', '2.2.1', []],
    ['PyPI', 'requests', '2.31.0', []],
    ['PyPI', 'django', '3.2.19', [['GHSA-jh3w-4vvf-mjgr', '3.2.20']]],
    ['PyPI', 'Django', '4.2.2', [['GHSA-jh3w-4vvf-mjgr', '4.2.3']]],
    ['PyPI', 'django', '4.2.3', []],
    ['PyPI', 'django', '4.1.10', []],
    ['PyPI', 'django', '1!3.2.0', []], // epoch 1 sorts after every range
    ['PyPI', 'django', '3.2', [['GHSA-jh3w-4vvf-mjgr', '3.2.20']]], // == introduced 3.2.0
    ['PyPI', 'django', '4.1.9', [['GHSA-jh3w-4vvf-mjgr', '4.1.10']]],
    ['PyPI', 'jinja2', '3.1.2', [['GHSA-h5c8-rqwp-cp95', '3.1.3']]],
    ['PyPI', 'Jinja2', '3.1.3', []],
    ['PyPI', 'urllib3', '1.26.18', [['GHSA-34jh-p97f-mpxf', '1.26.19']]],
    ['PyPI', 'urllib3', '1.26.19', []],
    ['PyPI', 'urllib3', '2.0.0a1', []], // between the two branches: above 1.26.19, below 2.0.0
    ['PyPI', 'urllib3', '2.0.0', [['GHSA-34jh-p97f-mpxf', '2.2.2']]],
    ['PyPI', 'urllib3', '2.2.2rc1', [['GHSA-34jh-p97f-mpxf', '2.2.2']]],
    ['PyPI', 'urllib3', '2.2.2', []],
  ] as const)('%s %s@%s', (ecosystem, name, version, expected) => {
    expect(verdict(ecosystem, name, version).map((v) => [v.id, v.fixed])).toEqual(expected);
  });

  it('merges aliases into one finding with every id, and never reports a withdrawn record', () => {
    // GHSA-j8r2 does not name PYSEC-2023-74; the PYSEC record names the GHSA: merged either way
    const matches = db.match('PyPI', 'requests', '2.30.0');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      id: 'GHSA-j8r2-6x86-q33q',
      ids: ['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74'],
      url: 'https://osv.dev/vulnerability/GHSA-j8r2-6x86-q33q',
      summary: 'Unintended leak of Proxy-Authorization header in requests',
      // newest modified / earliest published of the two records
      modified: '2023-09-20T19:19:30Z',
      published: '2023-05-22T20:36:32Z',
    });
    // a version only the PYSEC record's ranges reach is still one group (2.3 is its 2.3.0)
    expect(db.match('PyPI', 'requests', '2.3.0').map((m) => m.ids.length)).toEqual([3]);
    // GHSA-wwww-wwww-wwww (withdrawn) affects every lodash: it is not there
    expect(db.match('npm', 'lodash', '4.17.21')).toEqual([]);
  });

  it('severity: CVSS v3 and v4 computed; MAL- is critical', () => {
    const by = (e: 'npm' | 'PyPI', n: string, v: string) => db.match(e, n, v)[0]!;
    expect(by('npm', 'minimist', '1.2.5')).toMatchObject({
      severity: 'critical',
      severitySource: 'cvss',
      cvss: { score: 9.8 },
    });
    expect(by('npm', 'lodash', '4.17.20')).toMatchObject({ severity: 'high', cvss: { score: 7.2 } });
    expect(by('npm', 'semver', '7.5.1')).toMatchObject({ severity: 'medium', cvss: { score: 5.3 } });
    expect(by('PyPI', 'requests', '2.30.0')).toMatchObject({ severity: 'medium', cvss: { score: 6.1 } });
    expect(by('PyPI', 'jinja2', '3.1.2')).toMatchObject({ severity: 'medium', cvss: { score: 5.4 } });
    expect(by('PyPI', 'urllib3', '2.0.0')).toMatchObject({ severity: 'medium', cvss: { score: 4.4 } });
    // CVSS v4 only, with a threat metric (E:P): 7.7 by the specification (FIRST's calculator)
    expect(by('npm', 'axios', '1.0.0')).toMatchObject({
      severity: 'high',
      severitySource: 'cvss',
      cvss: { score: 7.7, vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:P' },
    });
    expect(by('npm', 'seckit-fixture-typosquat', '1.0.0')).toMatchObject({
      severity: 'critical',
      severitySource: 'malicious',
      malicious: true,
    });
    // a real report: MAL-2022-6 and its GHSA alias are one finding, malicious, with no fix
    const mal = by('npm', '-gzip-ize', '1.0.0');
    expect(mal).toMatchObject({
      id: 'GHSA-55c4-jwq7-c38p',
      ids: ['GHSA-55c4-jwq7-c38p', 'MAL-2022-6'],
      severity: 'critical',
      severitySource: 'malicious',
      malicious: true,
    });
    expect(mal.fixed).toBeUndefined();
  });

  it('falls back to the database rating, then to medium, when no vector can be scored', async () => {
    const record = (id: string, extra: object) => ({
      name: `${id}.json`,
      data: Buffer.from(
        JSON.stringify({
          id,
          affected: [{ package: { ecosystem: 'npm', name: id.toLowerCase() }, versions: ['1.0.0'] }],
          ...extra,
        }),
      ),
    });
    const zip = makeZip([
      record('GHSA-aaaa-aaaa-aaaa', {
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L' }], // not a complete vector
        database_specific: { severity: 'LOW' },
      }),
      record('GHSA-bbbb-bbbb-bbbb', { severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' }] }),
      record('GHSA-cccc-cccc-cccc', {
        severity: [
          { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }, // 5.3
          { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }, // 9.3
        ],
      }),
    ]);
    const loaded = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    const rating = (name: string) => {
      const [m] = loaded.match('npm', name, '1.0.0');
      return [m?.severity, m?.severitySource, m?.cvss?.score];
    };
    expect(rating('ghsa-aaaa-aaaa-aaaa')).toEqual(['low', 'database', undefined]);
    expect(rating('ghsa-bbbb-bbbb-bbbb')).toEqual(['medium', 'unknown', undefined]);
    expect(rating('ghsa-cccc-cccc-cccc')).toEqual(['critical', 'cvss', 9.3]); // the graver vector
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

  it('reports its sources: present, record counts, what was left out, the newest modified time', () => {
    const npm = db.sources.find((s) => s.ecosystem === 'npm')!;
    // the withdrawn record is counted and left out
    expect(npm).toMatchObject({ present: true, records: fixtureRecords('npm').length, skipped: 1 });
    expect(npm.newestModified?.toISOString()).toBe('2025-08-11T14:49:47.000Z');
    expect(npm.fileModified).toBeInstanceOf(Date);
    const pypi = db.sources.find((s) => s.ecosystem === 'PyPI')!;
    expect(pypi).toMatchObject({ present: true, records: fixtureRecords('PyPI').length, skipped: 0 });
    expect(pypi.newestModified?.toISOString()).toBe('2024-06-17T21:37:20.000Z');
    expect(db.problems).toEqual([]);
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
      {
        // `Root:npm` is Root's own ecosystem of patched packages, not npm (npm has no variants)
        name: 'ROOT-NPM-0001.json',
        data: Buffer.from(
          JSON.stringify({
            id: 'ROOT-NPM-0001',
            affected: [{ package: { ecosystem: 'Root:npm', name: 'lodash' }, versions: ['4.17.21'] }],
          }),
        ),
      },
    ]);
    const loaded = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.match('npm', 'lodash', '4.17.21')).toEqual([]);
  });
});
