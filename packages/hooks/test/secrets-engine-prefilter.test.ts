import { describe, expect, it } from 'vitest';
import { createKeywordPrefilter } from '../src/secrets/engine/keyword-prefilter.js';
import { textOffsets } from '../src/secrets/engine/secret-engine.js';
import { PRESET_KEYWORDS } from '../src/secrets/preset-keywords.js';
import { Gen } from './helpers/secret-corpus.js';

/** The obvious implementation the automaton must agree with. */
function naive(groups: readonly (readonly string[] | undefined)[], text: string): number[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return groups.flatMap((keywords, i) =>
    keywords === undefined ||
    keywords.length === 0 ||
    keywords.some((k) => /[^\x20-\x7e]/.test(k)) ||
    keywords.some((k) => lower.includes(k.toLowerCase()))
      ? [i]
      : [],
  );
}

const scan = (groups: readonly (readonly string[] | undefined)[], text: string) =>
  createKeywordPrefilter(groups).scan(Buffer.from(text, 'utf8'));

describe('keyword prefilter', () => {
  it('finds each keyword anywhere, in any ASCII case, and only the groups that have one', () => {
    const groups = [['ghp_', 'gho_'], ['sg.'], ['account'], ['://']];
    expect(scan(groups, 'x = "GHP_abc"').candidates).toEqual([0]);
    expect(scan(groups, 'msg.send(); Account').candidates).toEqual([1, 2]);
    expect(scan(groups, 'nothing here').candidates).toEqual([]);
    expect(scan(groups, 'ftp://').candidates).toEqual([3]);
  });

  it('always runs groups without keywords or with non-ASCII ones (they could be missed)', () => {
    expect(scan([undefined, [], ['clé'], ['zzz']], 'abc').candidates).toEqual([0, 1, 2]);
  });

  it('reports whether the bytes were all ASCII', () => {
    expect(scan([['a']], 'plain text').ascii).toBe(true);
    expect(scan([['a']], 'naïve').ascii).toBe(false);
    expect(scan([['a']], `${'x'.repeat(5000)}é${'y'.repeat(5000)}`).ascii).toBe(false);
  });

  it('finds keywords that straddle the seams between its four lanes', () => {
    const keyword = 'sk-ant-api0';
    const groups = [[keyword]];
    for (const size of [1024, 1025, 1026, 1027, 4099, 10_000]) {
      for (let at = 0; at + keyword.length <= size; at++) {
        const bytes = Buffer.alloc(size, 0x2e);
        bytes.write(keyword, at, 'latin1');
        const q = size >> 2;
        // Every position near a seam (and a sample elsewhere).
        if ([q, 2 * q, 3 * q].some((seam) => Math.abs(at - seam) <= keyword.length) || at % 97 === 0) {
          expect(createKeywordPrefilter(groups).scan(bytes).candidates, `size ${size} at ${at}`).toEqual([0]);
        }
      }
    }
  });

  it('agrees with a naive search on random text dense in keyword fragments', () => {
    const g = new Gen(7);
    const groups = Object.values(PRESET_KEYWORDS);
    const fragments = [
      ...new Set(groups.flat().flatMap((k) => [k, k.toUpperCase(), k.slice(0, -1), k.slice(1)])),
    ];
    const prefilter = createKeywordPrefilter(groups);
    for (let round = 0; round < 400; round++) {
      let text = '';
      const target = g.int(3000);
      while (text.length < target)
        text +=
          g.next() < 0.3 ? g.pick(fragments) : g.chars('abcdefghijklmnopqrstuvwxyz_-.:/ \n', 1 + g.int(8));
      expect(prefilter.scan(Buffer.from(text, 'latin1')).candidates).toEqual(naive(groups, text));
    }
  });

  it('says which of the keywords it searched for the file holds', () => {
    const prefilter = createKeywordPrefilter([['ghp_', 'gho_'], ['account'], undefined, ['clé']]);
    expect([...prefilter.searched].sort()).toEqual(['account', 'gho_', 'ghp_']);
    expect([...prefilter.scan(Buffer.from('GHP_x and Account')).found].sort()).toEqual(['account', 'ghp_']);
    expect([...prefilter.scan(Buffer.from('nothing')).found]).toEqual([]);
  });

  it('records where tracked keywords end, every occurrence, in order, across its lanes', () => {
    const g = new Gen(11);
    const tracked = ['pass', 'pw', 'key', 'auth'];
    const prefilter = createKeywordPrefilter([tracked, ['ghp_']], { trackPositions: tracked });
    expect([...prefilter.tracked].sort()).toEqual(['auth', 'key', 'pass', 'pw']);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const target = g.int(5000);
      while (text.length < target)
        text +=
          g.next() < 0.2
            ? g.pick(['PASS', 'pw', 'passw', 'keY', 'auth', 'ghp_', 'ke'])
            : g.chars('abky_ \n', 1 + g.int(6));
      const expected: number[] = [];
      const lower = text.toLowerCase();
      for (let i = 0; i < lower.length; i++) {
        for (const k of tracked) if (lower.startsWith(k, i)) expected.push(i + k.length);
      }
      expect(prefilter.scan(Buffer.from(text, 'latin1')).ends).toEqual(
        [...new Set(expected)].sort((a, b) => a - b),
      );
    }
  });
});

describe('keyword offsets in the decoded text', () => {
  const keywordEnds = (text: string, bytes = Buffer.from(text, 'utf8')) => {
    const prefilter = createKeywordPrefilter([['key']], { trackPositions: ['key'] });
    const found = prefilter.scan(bytes);
    return textOffsets(bytes, found.ends, found.ascii);
  };
  const expected = (text: string) => [...text.matchAll(/key/gi)].map((m) => m.index + 3);

  it('are the byte offsets in ASCII text', () => {
    expect(keywordEnds('a key, a KEY')).toEqual(expected('a key, a KEY'));
  });

  it('count UTF-16 units in UTF-8 text: two-, three- and four-byte characters', () => {
    const text = 'é key ✓ key 😀 key ünïcödé 𝒦 KEY';
    expect(keywordEnds(text)).toEqual(expected(text));
  });

  it('leave out a leading BOM, as the source the rules see does', () => {
    const text = '\ufeffkey = 1 ✓ key';
    const offsets = keywordEnds(text);
    expect(offsets).toEqual(expected(text.slice(1)));
  });

  it("give up on invalid UTF-8 (the decoder's replacements make offsets uncertain)", () => {
    const bytes = Buffer.concat([Buffer.from('key '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' key')]);
    expect(keywordEnds('', bytes)).toBeUndefined();
  });
});
