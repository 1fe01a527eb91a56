import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creator, definitions, keywords, ruleSeverity, rules } from '../src/index.js';
import { alnum } from './helpers/fake.js';
import { lint } from './helpers/lint.js';

describe('the preset', () => {
  it('is a secretlint preset that registers every rule', async () => {
    expect(creator.meta).toMatchObject({
      id: '@seckit/secretlint-rule-preset',
      type: 'preset',
      recommended: true,
    });
    expect(creator.rules).toBe(rules);
    const text = `STRIPE=sk_live_${alnum(30)}\nDB_PASSWORD=Xk8${alnum(12)}!\n`;
    const messages = await lint(text, { path: '/repo/app.env' });
    expect(messages.map((m) => m.ruleId).sort()).toEqual([
      '@seckit/secretlint-rule-generic-secret-assignment',
      '@seckit/secretlint-rule-stripe-key',
    ]);
    expect(messages.every((m) => m.ruleParentId === '@seckit/secretlint-rule-preset')).toBe(true);
  });

  it('gives every rule the documented meta', () => {
    expect(rules.length).toBe(definitions.length);
    expect(rules.length).toBeGreaterThanOrEqual(40);
    for (const rule of rules) {
      const name = rule.meta.id.replace('@seckit/secretlint-rule-', '');
      expect(rule.meta).toEqual({
        id: `@seckit/secretlint-rule-${name}`,
        recommended: true,
        type: 'scanner',
        supportedContentTypes: ['text'],
        docs: {
          url: `https://github.com/seckit/seckit/blob/main/packages/secretlint-rule-preset/README.md#${name}`,
        },
      });
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      expect(keywords[rule.meta.id]).toBeDefined();
      expect(ruleSeverity[rule.meta.id]).toBeDefined();
    }
  });

  it('is documented: a README section per rule, with its severity', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const d of definitions) {
      const heading = `\n### ${d.name}\n`;
      expect(readme, d.name).toContain(heading);
      const section = readme.slice(
        readme.indexOf(heading),
        readme.indexOf('\n### ', readme.indexOf(heading) + 1),
      );
      expect(section, d.name).toContain(`Severity: **${d.severity}**`);
      expect(section, d.name).toContain(`@seckit/secretlint-rule-${d.name}`);
    }
  });
});
