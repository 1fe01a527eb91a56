import { describe, expect, it } from 'vitest';
import { definitions, keywords, ruleSeverity } from '../src/index.js';
import { lintWithRule } from './helpers/lint.js';
import { allSamples } from './samples.js';

describe('keywords', () => {
  it('lists lowercase literals for every rule', () => {
    expect(Object.keys(keywords).sort()).toEqual(
      definitions.map((d) => `@seckit/secretlint-rule-${d.name}`).sort(),
    );
    for (const list of Object.values(keywords)) {
      expect(list.length).toBeGreaterThan(0);
      for (const k of list) expect(k).toBe(k.toLowerCase());
    }
  });

  // The hooks' prefilter skips a rule when none of its keywords occurs: they must be necessary.
  // Checked on what each rule actually reports: the reported value's line (or the whole text for
  // rules that read context beyond the line, such as Kubernetes manifests and PuTTY files).
  describe.each(definitions.filter((d) => allSamples[d.name] !== undefined).map((d) => [d.name] as const))(
    '%s',
    (name) => {
      const list = keywords[`@seckit/secretlint-rule-${name}`] ?? [];
      it.each(allSamples[name]?.positives.map((p, i) => [i, p] as const) ?? [])(
        'positive #%i contains a keyword',
        async (_i, sample) => {
          const lower = sample.text.toLowerCase();
          expect(
            list.some((k) => lower.includes(k)),
            `none of ${list.join(', ')}`,
          ).toBe(true);
          // … and the rule still reports it when the text is all it sees.
          expect((await lintWithRule(name, sample.text, sample.path)).length).toBeGreaterThan(0);
        },
      );
    },
  );

  it('never lets a rule report on text without its keywords', async () => {
    // Strip every keyword from each positive (by breaking it with a zero-width-free hyphen swap):
    // the rule must then report nothing.
    for (const d of definitions) {
      for (const sample of allSamples[d.name]?.positives ?? []) {
        let text = sample.text;
        for (const k of d.keywords) {
          const re = new RegExp(k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
          text = text.replace(re, (m) => `${m.charAt(0)}\u2060${m.slice(1)}`);
        }
        expect(await lintWithRule(d.name, text, sample.path), `${d.name}: ${text.slice(0, 80)}`).toEqual([]);
      }
    }
  });
});

describe('ruleSeverity', () => {
  it('ranks provider credentials and keys above the generic rule', () => {
    const generic = ruleSeverity['@seckit/secretlint-rule-generic-secret-assignment'];
    expect(generic).toBe('medium');
    for (const [id, severity] of Object.entries(ruleSeverity)) {
      if (id.endsWith('generic-secret-assignment')) continue;
      expect(['critical', 'high'], id).toContain(severity);
    }
    expect(ruleSeverity['@seckit/secretlint-rule-private-key']).toBe('critical');
  });
});
