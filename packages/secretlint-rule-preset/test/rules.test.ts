import { describe, expect, it } from 'vitest';
import { definitions } from '../src/index.js';
import { lint, lintRecommended, lintWithRule } from './helpers/lint.js';
import { allSamples } from './samples.js';

const specific = definitions;

describe('every rule has samples', () => {
  it.each(specific.map((d) => d.name))('%s', (name) => {
    const samples = allSamples[name];
    expect(samples, `no samples for ${name}`).toBeDefined();
    expect(samples?.positives.length).toBeGreaterThan(0);
    expect(samples?.negatives.length).toBeGreaterThan(0);
  });
});

describe.each(specific.map((d) => [d.name, allSamples[d.name]] as const))('%s', (name, samples) => {
  it.each(samples?.positives.map((p, i) => [i, p] as const) ?? [])(
    'reports positive #%i with the exact range of the value',
    async (_i, sample) => {
      const messages = await lintWithRule(name, sample.text, sample.path);
      const start = sample.text.indexOf(sample.value);
      expect(start).toBeGreaterThanOrEqual(0);
      const hit = messages.find((m) => m.range[0] === start);
      expect(hit, `messages: ${JSON.stringify(messages.map((m) => m.range))}`).toBeDefined();
      expect(hit?.range).toEqual([start, start + sample.value.length]);
      expect(hit?.data?.CREDENTIAL).toBe(sample.value);
      expect(hit?.ruleId).toBe(`@seckit/secretlint-rule-${name}`);
      expect(hit?.docsUrl).toContain(`README.md#${name}`);
    },
  );

  it.each(samples?.negatives.map((n, i) => [i, n] as const) ?? [])(
    'ignores negative #%i',
    async (_i, sample) => {
      const messages = await lintWithRule(name, sample.text, sample.path);
      expect(messages.map((m) => sample.text.slice(m.range[0], m.range[1]))).toEqual([]);
    },
  );
});

describe('one credential, one finding', () => {
  const positives = specific.flatMap((d) =>
    (allSamples[d.name]?.positives ?? []).map((p) => [d.name, p] as const),
  );

  it.each(positives)(
    '%s: the whole pack reports the value once, and secretlint’s preset does not',
    async (name, sample) => {
      const start = sample.text.indexOf(sample.value);
      const end = start + sample.value.length;
      const ours = (await lint(sample.text, sample.path === undefined ? {} : { path: sample.path })).filter(
        (m) => m.range[0] < end && start < m.range[1],
      );
      expect(ours.map((m) => m.ruleId)).toEqual([`@seckit/secretlint-rule-${name}`]);
      const preset = (await lintRecommended(sample.text, sample.path)).filter(
        (m) => m.range[0] < end && start < m.range[1],
      );
      expect(preset.map((m) => m.ruleId)).toEqual([]);
    },
  );
});
