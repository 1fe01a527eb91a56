import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Finding, fingerprint, uniqueIds } from '../src/index.js';

/** A toy check: every `TOKEN_<16 alnum>` is a finding, identified by rule + path + value. */
function toyCheck(path: string, text: string): Finding[] {
  const out: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/TOKEN_[A-Za-z0-9]{16}/g)) {
      const col = (m.index ?? 0) + 1;
      out.push({
        id: fingerprint({ ruleId: 'toy/token', path, content: m[0] }),
        ruleId: 'toy/token',
        category: 'secret',
        severity: 'high',
        message: 'toy token',
        location: { path, startLine: i + 1, startColumn: col, endLine: i + 1, endColumn: col + m[0].length },
      });
    }
  });
  return uniqueIds(out);
}

const token = fc.stringMatching(/^[A-Za-z0-9]{16}$/).map((s) => `TOKEN_${s}`);
const filler = fc.array(fc.stringMatching(/^[a-z =;(){}.]{0,40}$/), { maxLength: 30 });

describe('fingerprint', () => {
  it('is 32 hex characters and never contains the value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (path, value) => {
        const id = fingerprint({ ruleId: 'r', path, content: value });
        expect(id).toMatch(/^[0-9a-f]{32}$/);
        if (value.length >= 4) expect(id.includes(value)).toBe(false);
      }),
    );
  });

  it('keeps ids when lines move (insertions above, shuffles)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(token, { minLength: 1, maxLength: 5 }),
        filler,
        filler,
        fc.nat(),
        (tokens, before, after, seed) => {
          const lines = [...before, ...tokens.map((t) => `const key = "${t}";`), ...after];
          const original = new Set(toyCheck('src/a.ts', lines.join('\n')).map((f) => f.id));
          // Move every line: rotate by seed and prepend filler.
          const k = seed % lines.length;
          const moved = ['// moved', ...after, ...lines.slice(k), ...lines.slice(0, k)];
          const after2 = new Set(toyCheck('src/a.ts', moved.join('\n')).map((f) => f.id));
          for (const id of original) expect(after2.has(id)).toBe(true);
        },
      ),
    );
  });

  it('changes when the value, the rule or the path changes', () => {
    fc.assert(
      fc.property(token, token, (a, b) => {
        fc.pre(a !== b);
        const base = { ruleId: 'r', path: 'p', content: a };
        expect(fingerprint(base)).not.toBe(fingerprint({ ...base, content: b }));
        expect(fingerprint(base)).not.toBe(fingerprint({ ...base, ruleId: 'r2' }));
        expect(fingerprint(base)).not.toBe(fingerprint({ ...base, path: 'q' }));
        expect(fingerprint(base)).not.toBe(fingerprint({ ...base, salt: 'team-salt' }));
      }),
    );
  });

  it('a different secret on the same line is a different finding', () => {
    const a = toyCheck('x.env', 'TOKEN_aaaaaaaaaaaaaaaa');
    const b = toyCheck('x.env', 'TOKEN_aaaaaaaaaaaaaaab');
    expect(a[0]!.id).not.toBe(b[0]!.id);
  });

  it('separates fields so concatenations do not collide', () => {
    expect(fingerprint({ ruleId: 'a', path: 'bc', content: 'd' })).not.toBe(
      fingerprint({ ruleId: 'ab', path: 'c', content: 'd' }),
    );
  });
});

describe('uniqueIds', () => {
  it('keeps the first occurrence and gives repeats distinct, stable ids', () => {
    const text = 'TOKEN_aaaaaaaaaaaaaaaa\nTOKEN_aaaaaaaaaaaaaaaa\nTOKEN_aaaaaaaaaaaaaaaa';
    const ids = toyCheck('a', text).map((f) => f.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(fingerprint({ ruleId: 'toy/token', path: 'a', content: 'TOKEN_aaaaaaaaaaaaaaaa' }));
    expect(toyCheck('a', text).map((f) => f.id)).toEqual(ids);
  });
});
