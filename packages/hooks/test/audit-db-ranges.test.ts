import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAdvisoryDatabase } from '../src/audit/advisory-db.js';
import { isAffected } from '../src/audit/affected.js';
import type { AffectedPackage, OsvEvent, OsvRange } from '../src/audit/osv-record.js';
import { fixtureDatabase, makeZip } from './helpers/osv-db.js';

// Versions in ascending order, written out by hand from the specifications (SemVer 2.0 §11,
// PEP 440 "Summary of permitted suffixes and relative ordering"): the brute force below orders
// by position in these lists, not by the libraries the audit uses.
const ORDERED = {
  npm: [
    '0.0.1',
    '0.1.0-alpha',
    '0.1.0-alpha.1',
    '0.1.0-alpha.beta',
    '0.1.0-beta',
    '0.1.0-beta.2',
    '0.1.0-beta.11',
    '0.1.0-rc.1',
    '0.1.0',
    '0.1.1',
    '0.2.0',
    '1.0.0-0',
    '1.0.0',
    '1.2.3',
    '1.10.0',
    '2.0.0-rc.1',
    '2.0.0',
    '10.0.0',
  ],
  PyPI: [
    '0.9',
    '1.0.dev1',
    '1.0a1',
    '1.0a2.dev1',
    '1.0a2',
    '1.0b1',
    '1.0rc1',
    '1.0',
    '1.0+local.7',
    '1.0.post1.dev1',
    '1.0.post1',
    '1.0.1',
    '1.1.dev0',
    '1.1',
    '1.10',
    '2.0',
    '1!0.1',
    '1!1.0',
  ],
} as const;
type Ecosystem = keyof typeof ORDERED;

/**
 * A range as the schema intends them: disjoint intervals in ascending order, each opened by
 * `introduced` and closed by `fixed` (exclusive) or `last_affected` (inclusive), the last one
 * possibly open; the first may start at "0"; optional `limit`s. Indexes into ORDERED.
 */
interface Shape {
  cuts: number[];
  zeroStart: boolean;
  lastKind: 'fixed' | 'last_affected' | 'open';
  limits: (number | '*')[];
  seed: number;
}
const shape = (n: number): fc.Arbitrary<Shape> =>
  fc.record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 6 }),
    zeroStart: fc.boolean(),
    lastKind: fc.constantFrom('fixed', 'last_affected', 'open'),
    limits: fc.array(fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constant('*' as const)), {
      maxLength: 2,
    }),
    seed: fc.integer(),
  });

/** Intervals [from, to) over indexes (to = n: unbounded), and the events that state them, shuffled. */
function build(ecosystem: Ecosystem, s: Shape) {
  const list = ORDERED[ecosystem];
  const cuts = [...s.cuts].sort((a, b) => a - b);
  const intervals: { from: number; to: number; fix?: number }[] = [];
  const events: OsvEvent[] = [];
  for (let i = 0; i < cuts.length; i += 2) {
    const from = i === 0 && s.zeroStart ? 0 : cuts[i]!;
    events.push({ introduced: i === 0 && s.zeroStart ? '0' : list[from]! });
    const end = cuts[i + 1];
    const last = i + 2 >= cuts.length;
    if (end === undefined || (last && s.lastKind === 'open')) {
      intervals.push({ from, to: list.length });
      break;
    }
    if (last && s.lastKind === 'last_affected') {
      events.push({ last_affected: list[end]! });
      intervals.push({ from, to: end + 1 });
    } else {
      events.push({ fixed: list[end]! });
      intervals.push({ from, to: end, fix: end });
    }
  }
  for (const l of s.limits) events.push({ limit: l === '*' ? '*' : list[l]! });
  // Records list their events in any order: the evaluation must sort them.
  let seed = s.seed;
  for (let i = events.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) | 0;
    const j = Math.abs(seed) % (i + 1);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  const below = (v: number) => s.limits.length === 0 || s.limits.some((l) => l === '*' || v < l);
  const affected = (v: number) => below(v) && intervals.some((x) => v >= x.from && v < x.to);
  // The lowest `fixed` above v that is itself not affected (what upgrading to clears the range).
  const fixedAbove = (v: number) =>
    intervals
      .map((x) => x.fix)
      .filter((f): f is number => f !== undefined && f > v && !affected(f))
      .sort((a, b) => a - b)[0];
  return { events, affected, fixedAbove };
}

const entry = (ecosystem: Ecosystem, range: OsvRange): AffectedPackage => ({
  ecosystem,
  name: 'p',
  versions: new Set(),
  ranges: [range],
});

describe('range evaluation agrees with a brute force on generated ranges', () => {
  for (const ecosystem of ['npm', 'PyPI'] as const) {
    const list = ORDERED[ecosystem];
    it(`${ecosystem}: every version of the ordered list, ECOSYSTEM ranges`, () => {
      fc.assert(
        fc.property(shape(list.length), (s) => {
          const { events, affected } = build(ecosystem, s);
          const e = entry(ecosystem, { type: 'ECOSYSTEM', events });
          for (const [i, v] of list.entries())
            expect(isAffected(e, ecosystem, v), `${v} in ${JSON.stringify(events)}`).toBe(affected(i));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a database of generated records: matches and the fixed version agree, record by record', async () => {
    // One zip of many generated records (each for its own package), loaded once per run.
    const samples = fc.sample(fc.tuple(fc.constantFrom<Ecosystem>('npm', 'PyPI'), shape(18)), {
      numRuns: 240,
      seed: 20261123,
    });
    const records = samples.map(([ecosystem, s], i) => {
      const built = build(ecosystem, s);
      return { ecosystem, name: `pkg-${i}`, ...built };
    });
    const zipOf = (ecosystem: Ecosystem) =>
      makeZip(
        records
          .filter((r) => r.ecosystem === ecosystem)
          .map((r) => ({
            name: `GHSA-gen-${r.name}.json`,
            data: Buffer.from(
              JSON.stringify({
                id: `GHSA-gen-${r.name}`,
                affected: [
                  {
                    package: { ecosystem, name: r.name },
                    ranges: [{ type: ecosystem === 'npm' ? 'SEMVER' : 'ECOSYSTEM', events: r.events }],
                  },
                ],
              }),
            ),
          })),
      );
    const db = await loadAdvisoryDatabase({
      dir: fixtureDatabase({ npm: zipOf('npm'), PyPI: zipOf('PyPI') }),
      ecosystems: ['npm', 'PyPI'],
    });
    expect(db.problems).toEqual([]);
    let checked = 0;
    for (const r of records) {
      const list = ORDERED[r.ecosystem];
      for (const [i, v] of list.entries()) {
        const matches = db.match(r.ecosystem, r.name, v);
        const want = r.affected(i);
        expect(matches.length, `${r.name}@${v} ${JSON.stringify(r.events)}`).toBe(want ? 1 : 0);
        if (want) {
          const fix = r.fixedAbove(i);
          expect(matches[0]!.fixed, `${r.name}@${v} ${JSON.stringify(r.events)}`).toBe(
            fix === undefined ? undefined : list[fix],
          );
        }
        checked++;
      }
    }
    expect(checked).toBe(240 * 18);
  });
});

describe('range details', () => {
  const range = (type: OsvRange['type'], ...events: OsvEvent[]): OsvRange => ({ type, events });

  it('a SEMVER range in a PyPI record is ordered by SemVer', () => {
    // `1.0.0-x.1` is a SemVer prerelease and no PEP 440 version: only SemVer order can judge it
    const semver = entry('PyPI', range('SEMVER', { introduced: '1.0.0-x.1' }, { fixed: '1.0.0' }));
    expect(isAffected(semver, 'PyPI', '1.0.0-x.2')).toBe(true);
    expect(isAffected(semver, 'PyPI', '1.0.0')).toBe(false);
    expect(isAffected(semver, 'PyPI', '1.0rc1')).toBe(false); // not SemVer: the range says nothing
    const pep440 = entry('PyPI', range('ECOSYSTEM', { introduced: '1.0.0-x.1' }, { fixed: '1.0.0' }));
    expect(isAffected(pep440, 'PyPI', '1.0.0-x.2')).toBe(false);
  });

  it('build metadata is ignored by npm ranges, and exact lists compare PyPI versions as PEP 440', () => {
    const npm = entry('npm', range('SEMVER', { introduced: '1.0.0' }, { fixed: '1.0.1' }));
    expect(isAffected(npm, 'npm', '1.0.0+sha.5114f85')).toBe(true);
    expect(isAffected(npm, 'npm', '1.0.1+sha.5114f85')).toBe(false);
    const listed: AffectedPackage = {
      ecosystem: 'PyPI',
      name: 'p',
      versions: new Set(['2.0.0rc1', '1.0']),
      ranges: [],
    };
    expect(isAffected(listed, 'PyPI', '2.0.0-RC1')).toBe(true); // normalises to 2.0.0rc1
    expect(isAffected(listed, 'PyPI', '1.0.0')).toBe(true); // PEP 440: 1.0 == 1.0.0
    expect(isAffected(listed, 'PyPI', '1.0.post0')).toBe(false);
  });

  it('a range whose events are not versions of its order judges nothing; exact lists still do', () => {
    const e: AffectedPackage = {
      ecosystem: 'npm',
      name: 'p',
      versions: new Set(['banana']),
      ranges: [range('ECOSYSTEM', { introduced: '0' }, { fixed: 'not-a-version' })],
    };
    expect(isAffected(e, 'npm', '1.0.0')).toBe(false);
    expect(isAffected(e, 'npm', 'banana')).toBe(true);
  });

  it('the group’s fix is the lowest version that clears every record, seen through re-introductions', async () => {
    const record = (id: string, aliases: string[], ...ranges: OsvRange[]) => ({
      name: `${id}.json`,
      data: Buffer.from(
        JSON.stringify({ id, aliases, affected: [{ package: { ecosystem: 'npm', name: 'pkg' }, ranges }] }),
      ),
    });
    const zip = makeZip([
      // A: fixed in 1.5.0, re-introduced in 1.6.0, fixed again in 2.0.0
      record(
        'GHSA-aaaa-aaaa-aaaa',
        ['CVE-2099-0001'],
        range('SEMVER', { introduced: '0' }, { fixed: '1.5.0' }),
        range('SEMVER', { introduced: '1.6.0' }, { fixed: '2.0.0' }),
      ),
      // B, an alias of A: fixed in 1.6.0 — which A affects again
      record('PYSEC-2099-1', ['CVE-2099-0001'], range('SEMVER', { introduced: '0' }, { fixed: '1.6.0' })),
      // C: no fix, but nothing after 1.2.0 is affected; D: fixed in 1.3.0 (C and D are aliases)
      record('GHSA-cccc-cccc-cccc', [], range('SEMVER', { introduced: '1.0.0' }, { last_affected: '1.2.0' })),
      record(
        'GHSA-dddd-dddd-dddd',
        ['GHSA-cccc-cccc-cccc'],
        range('SEMVER', { introduced: '1.0.0' }, { fixed: '1.3.0' }),
      ),
    ]);
    const db = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    const fixes = (v: string) => db.match('npm', 'pkg', v).map((m) => [m.id, m.fixed ?? null]);
    // 1.0.0: A+B → 1.5.0 is still B's, 1.6.0 is A's again, 2.0.0 clears both; C+D → 1.3.0
    expect(fixes('1.0.0')).toEqual([
      ['GHSA-aaaa-aaaa-aaaa', '2.0.0'],
      ['GHSA-cccc-cccc-cccc', '1.3.0'],
    ]);
    // only B affects 1.5.5 (its own group, named by the CVE); its 1.6.0 is A's again: 2.0.0
    expect(fixes('1.5.5')).toEqual([['CVE-2099-0001', '2.0.0']]);
    expect(fixes('1.7.0')).toEqual([['GHSA-aaaa-aaaa-aaaa', '2.0.0']]);
  });

  it('installed versions that are not versions of their ecosystem are counted, and judged by exact lists', async () => {
    const zip = makeZip([
      {
        name: 'GHSA-eeee-eeee-eeee.json',
        data: Buffer.from(
          JSON.stringify({
            id: 'GHSA-eeee-eeee-eeee',
            affected: [
              {
                package: { ecosystem: 'npm', name: 'odd' },
                versions: ['1.0'],
                ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }],
              },
            ],
          }),
        ),
      },
    ]);
    const db = await loadAdvisoryDatabase({ dir: fixtureDatabase({ npm: zip }), ecosystems: ['npm'] });
    expect(db.match('npm', 'odd', '1.0').map((m) => [m.id, m.fixed ?? null])).toEqual([
      ['GHSA-eeee-eeee-eeee', null], // listed; no order to say which fix is above it
    ]);
    expect(db.match('npm', 'odd', '1.5')).toEqual([]); // not listed, and no range can judge it
    expect(db.match('npm', 'unknown-package', 'not.a.version')).toEqual([]);
    expect([...db.unparsable].sort()).toEqual(['npm:odd@1.0', 'npm:odd@1.5']);
  });
});
