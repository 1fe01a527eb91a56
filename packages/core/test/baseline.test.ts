import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBaseline,
  loadBaseline,
  mergeBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
} from '../src/index.js';
import { makeFinding } from './helpers/make-finding.js';

const findingArb = fc
  .record({
    content: fc.string({ minLength: 1, maxLength: 30 }),
    path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.(ts|env|json)$/),
    rule: fc.constantFrom('a/rule', 'b/rule', 'c/rule'),
    line: fc.integer({ min: 1, max: 500 }),
  })
  .map(({ content, path: p, rule, line }) =>
    makeFinding({
      content,
      ruleId: rule,
      location: { path: p, startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
    }),
  );

describe('baseline', () => {
  it('serialises to the same bytes whatever the order, and round-trips', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 20 }), (findings) => {
        const text = serializeBaseline(createBaseline(findings));
        expect(serializeBaseline(createBaseline([...findings].reverse()))).toBe(text);
        const parsed = parseBaseline(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(serializeBaseline(parsed.baseline)).toBe(text);
        expect(text.endsWith('}\n')).toBe(true);
      }),
    );
  });

  it('holds no value, no line number and no timestamp', () => {
    const secret = 'sk_live_this_is_the_secret_value';
    const f = makeFinding({
      content: secret,
      location: { path: 'a.ts', startLine: 41, startColumn: 7, endLine: 41, endColumn: 9 },
    });
    const text = serializeBaseline(createBaseline([f]));
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/41|line|column|20\d\d-/i);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      entries: [{ id: f.id, ruleId: 'test/rule', path: 'a.ts' }],
    });
  });

  it('merges without losing entries and prunes only what is named', () => {
    const a = makeFinding({ content: 'a' });
    const b = makeFinding({ content: 'b' });
    const merged = mergeBaseline(createBaseline([a]), [b, a]);
    expect(merged.entries.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(pruneBaseline(merged, [a.id]).entries.map((e) => e.id)).toEqual([b.id]);
  });

  it('writes an empty baseline in a stable form', () => {
    expect(serializeBaseline(createBaseline([]))).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
  });

  it('rejects broken files with the file and place', () => {
    const broken = parseBaseline(
      '{ "version": 1, "entries": [ { "id": "zz", "ruleId": "r", "path": "a" } ] }',
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.errors[0]).toContain(
        '.seckit/baseline.json: entries[0].id: must be 32 lowercase hex characters',
      );
    const syntax = parseBaseline('{ "version": 1, ');
    expect(!syntax.ok && syntax.errors[0]).toMatch(
      /invalid JSON.*line 1.*regenerate it with `seckit baseline`/,
    );
  });

  it('treats a missing file as empty and reads an existing one', async () => {
    const dir = tempDir('seckit-baseline-');
    const missing = await loadBaseline(dir);
    expect(missing.ok && missing.exists).toBe(false);
    mkdirSync(path.join(dir, '.seckit'));
    writeFileSync(
      path.join(dir, '.seckit/baseline.json'),
      serializeBaseline(createBaseline([makeFinding()])),
    );
    const present = await loadBaseline(dir);
    expect(present.ok && present.baseline.entries).toHaveLength(1);
  });
});
