import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceFile } from '../src/rule-kit.js';
import { anchoredMatches } from '../src/rules/token-rule.js';
import { tokenSpecs } from '../src/rules/tokens/index.js';
import { tokenSamples } from './samples.js';

// Token kinds with `anchors` try their pattern only where an anchor literal sits. Whatever the
// text, that must find exactly what a scan of the whole text finds.
const anchored = tokenSpecs.flatMap((spec) =>
  spec.kinds
    .filter((k) => k.anchors !== undefined)
    .map((kind) => [`${spec.name} ${kind.messageId}`, spec.name, kind] as const),
);

function scanAll(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);
}

function scanAnchored(text: string, kind: (typeof anchored)[number][2]): string[] {
  return [...anchoredMatches(sourceFile(text), kind)].map((m) => `${m.index}:${m[0]}`);
}

describe('anchored token patterns', () => {
  it('some kinds use anchors', () => {
    expect(anchored.length).toBeGreaterThan(0);
  });

  it.each(anchored)('%s: same matches as a whole-text scan', (_label, name, kind) => {
    const literals = (kind.anchors ?? []).flatMap((a) => [a.literal, a.literal.toUpperCase()]);
    const samples = (tokenSamples[name]?.positives ?? []).map((p) => p.text);
    const pieces = fc.constantFrom(
      ...literals,
      ...samples,
      ...samples.map((s) => s.slice(0, Math.floor(s.length / 2))),
      ...samples.map((s) => s.slice(Math.floor(s.length / 2))),
      ...'0123456789abcdefABCDEFxyzXYZ_-.:="\' \n\r'.split(''),
      'a'.repeat(32),
      '0f'.repeat(20),
      'key',
      'KEY',
      'api',
      'app',
      'client_secret',
      ' = ',
      'İ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(scanAnchored(text, kind)).toEqual(scanAll(text, kind.pattern));
      }),
      { numRuns: 1500 },
    );
    for (const text of samples) {
      expect(scanAnchored(text, kind)).toEqual(scanAll(text, kind.pattern));
      expect(scanAnchored(text, kind).length).toBeGreaterThan(0);
    }
  });
});
