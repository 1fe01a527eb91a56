import { describe, expect, it } from 'vitest';
import { genericNegatives, genericPositives } from './generic-samples.js';
import { alnum } from './helpers/fake.js';
import { lint, lintWithRule } from './helpers/lint.js';

const RULE = 'generic-secret-assignment';

describe('generic-secret-assignment: reports', () => {
  it.each(genericPositives)('%s', async (file, text, value) => {
    const messages = await lintWithRule(RULE, `${text}\n`, `/repo/${file}`);
    const start = text.indexOf(value);
    expect(messages.map((m) => m.range)).toEqual([[start, start + value.length]]);
    expect(messages[0]?.data?.CREDENTIAL).toBe(value);
  });
});

describe('generic-secret-assignment: ignores', () => {
  it.each(genericNegatives)('%s: %s', async (file, text) => {
    const messages = await lintWithRule(RULE, `${text}\n`, `/repo/${file}`);
    expect(messages.map((m) => text.slice(m.range[0], m.range[1]))).toEqual([]);
  });
});

describe('generic-secret-assignment: leaves other rules’ credentials to them', () => {
  it('does not re-report a provider token, a URL password or a registry config entry', async () => {
    const stripe = `sk_live_${alnum(30)}`;
    const url = `postgresql+asyncpg://app:${alnum(12)}@db/app`;
    const text = [
      `STRIPE_SECRET_KEY=${stripe}`,
      `DATABASE_PASSWORD_URL=${url}`,
      `auth_token=${alnum(30)}`,
    ].join('\n');
    const messages = await lint(`${text}\n`, { path: '/repo/app.env' });
    const byRule = messages.map((m) => m.ruleId.replace('@seckit/secretlint-rule-', ''));
    expect(byRule.sort()).toEqual(['connection-string', 'generic-secret-assignment', 'stripe-key']);
  });
});
