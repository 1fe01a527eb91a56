import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { Policy, parsePolicy } from '../src/index.js';

// The keys sec-report reads: `targets` (what `sec-report gate` checks) and `rotation`.

function errorsOf(value: unknown): string[] {
  const r = parsePolicy(JSON.stringify(value, null, 2));
  if (r.ok) throw new Error('expected the policy to be rejected');
  return r.errors;
}

const apiKey = {
  name: 'STRIPE_LIVE_KEY',
  kind: 'api-key',
  owner: 'payments-team',
  lastRotated: '2026-01-15',
  intervalDays: 90,
};

describe('policy targets', () => {
  it('defaults so that existing policies stay valid: any breached critical and any overdue rotation fail', () => {
    const policy = Policy.parse({});
    expect(policy.targets).toEqual({
      appliesTo: 'each-repository',
      maxOpen: {},
      maxBreached: { critical: 0 },
      maxOverdueRotations: 0,
      windowDays: 90,
    });
    expect(policy.targets.minFixedWithinSla).toBeUndefined();
  });

  it('accepts the promises of a SECURITY.md as numbers', () => {
    const policy = Policy.parse({
      targets: {
        appliesTo: 'all',
        maxOpen: { critical: 0, high: 4 },
        maxBreached: { critical: 0, high: 0 },
        maxOverdueRotations: 1,
        minFixedWithinSla: 0.95,
        windowDays: 30,
      },
    });
    expect(policy.targets.maxOpen).toEqual({ critical: 0, high: 4 });
    expect(policy.targets.minFixedWithinSla).toBe(0.95);
    // Keys left out keep their defaults.
    expect(Policy.parse({ targets: { maxOpen: { high: 5 } } }).targets.maxBreached).toEqual({ critical: 0 });
  });

  it('names the key, the place and what is wrong', () => {
    const errors = errorsOf({
      targets: { maxOpen: { high: -1, severe: 2 }, minFixedWithinSla: 95, appliesTo: 'everyone' },
    });
    expect(errors.join('\n')).toContain('targets.maxOpen.high: Too small');
    expect(errors.join('\n')).toContain('targets.maxOpen.severe');
    expect(errors.join('\n')).toContain('targets.minFixedWithinSla: Too big: expected number to be <=1');
    expect(errors.join('\n')).toContain(
      'targets.appliesTo: expected one of "each-repository", "all", got "everyone"',
    );
    expect(errorsOf({ targets: { windowDays: 0 } })[0]).toMatch(
      /targets\.windowDays: .* \(line \d+, column \d+\)$/,
    );
    expect(errorsOf({ targets: { maxOpn: {} } })[0]).toContain(
      'targets.maxOpn: unknown key; did you mean "maxOpen"?',
    );
  });
});

describe('policy rotation', () => {
  it('defaults to no secrets and a 14-day warning', () => {
    expect(Policy.parse({}).rotation).toEqual({ dueSoonDays: 14, secrets: [] });
  });

  it('accepts secrets by name with kind, owner, last rotation and interval', () => {
    const policy = Policy.parse({
      rotation: {
        dueSoonDays: 7,
        secrets: [
          apiKey,
          {
            ...apiKey,
            name: 'orders-db token',
            kind: 'database-token',
            intervalDays: 60,
            repository: 'orders',
          },
        ],
      },
    });
    expect(policy.rotation.secrets).toHaveLength(2);
    expect(policy.rotation.secrets[1]?.repository).toBe('orders');
  });

  it('requires every field but the repository', () => {
    const errors = errorsOf({ rotation: { secrets: [{ name: 'X' }] } });
    expect(errors.join('\n')).toContain('rotation.secrets[0].kind: is required');
    expect(errors.join('\n')).toContain('rotation.secrets[0].owner: is required');
    expect(errors.join('\n')).toContain('rotation.secrets[0].lastRotated: is required');
    expect(errors.join('\n')).toContain('rotation.secrets[0].intervalDays: is required');
  });

  it('rejects bad dates, intervals and duplicate names', () => {
    const errors = errorsOf({
      rotation: {
        secrets: [
          { ...apiKey, lastRotated: '15/01/2026', intervalDays: 0 },
          apiKey,
          // The same name in another repository is another secret.
          { ...apiKey, repository: 'web' },
        ],
      },
    });
    expect(errors.join('\n')).toContain('rotation.secrets[0].lastRotated: expected a date as YYYY-MM-DD');
    expect(errors.join('\n')).toContain('rotation.secrets[0].intervalDays: Too small');
    expect(errors.join('\n')).toContain('rotation.secrets[1].name: is listed twice');
    expect(errors.join('\n')).not.toContain('secrets[2]');
  });

  it.each([
    ['an AWS key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a URL with a password', 'postgres://app:s3cr3t-pa55@db.internal/orders'], // seckit-allow: fake connection string for tests
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----'],
    ['a long random token', 'q8Rt2LmXw9PzK4vN7bYc3HsJ6dFgA1eU5iOo0'],
  ])('refuses a name that is %s, without echoing it', (_what, value) => {
    const errors = errorsOf({ rotation: { secrets: [{ ...apiKey, name: value }] } });
    expect(errors[0]).toContain('rotation.secrets[0].name: looks like a secret value; list secrets by name');
    if (value.length > 24) expect(errors[0]).not.toContain(value);
  });

  it('keeps ordinary names, including long descriptive ones', () => {
    for (const name of [
      'PROD_DATABASE_PASSWORD_2024_Q3',
      'Stripe live key (payments)',
      'tls-cert api.example.com',
    ]) {
      expect(Policy.safeParse({ rotation: { secrets: [{ ...apiKey, name }] } }).success).toBe(true);
    }
  });

  it('is in the shipped JSON Schema, so editors complete and check it', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../schema/policy.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new AjvModule.default({ strict: false, logger: false }).compile(shipped);
    expect(validate({ targets: { maxOpen: { high: 4 } }, rotation: { secrets: [apiKey] } })).toBe(true);
    expect(validate({ targets: { maxOpen: { severe: 4 } } })).toBe(false);
    expect(validate({ rotation: { secrets: [{ name: 'X' }] } })).toBe(false);
    const properties = (shipped as { properties: Record<string, { description?: string }> }).properties;
    expect(properties.targets?.description).toContain('sec-report gate');
    expect(properties.rotation?.description).toContain('rotated');
  });
});
