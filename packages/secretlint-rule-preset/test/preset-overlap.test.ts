// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are what these samples test.
import { describe, expect, it } from 'vitest';
import {
  presetAwsSecretSpans,
  presetBasicAuthSpans,
  presetConnectionStringSpans,
  presetNpmrcAuthTokenSpans,
  presetPrivateKeySpans,
  presetReportsGcpServiceAccount,
} from '../src/preset-overlap.js';
import { ALNUM, alnum, pem, pemBody, rand, urlPassword } from './helpers/fake.js';
import { lintRecommended } from './helpers/lint.js';

// The replicas must predict what secretlint's preset reports; if a preset upgrade changes that,
// these tests fail and preset-overlap.ts needs the same change.
async function presetRanges(text: string, ruleId: string, path?: string): Promise<[number, number][]> {
  const messages = await lintRecommended(text, path);
  return messages.filter((m) => m.ruleId === ruleId).map((m) => [m.range[0], m.range[1]]);
}

const sort = (spans: readonly (readonly [number, number])[]) =>
  [...spans].map((s) => [s[0], s[1]]).sort((a, b) => a[0]! - b[0]!);

describe('replicas of secretlint’s preset', () => {
  it('privatekey', async () => {
    const text = [
      pem('RSA PRIVATE KEY'),
      pem('EC PRIVATE KEY', `MHcCAQEEI${rand(ALNUM, 150)}`),
      pem('ENCRYPTED PRIVATE KEY'),
      pem('OPENSSH PRIVATE KEY', `b3BlbnNzaC1rZXktdjEAAAAA${rand(ALNUM, 300)}`),
      pem('PRIVATE KEY', pemBody(400)),
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
    ].join('\n\n');
    expect(sort(presetPrivateKeySpans(text))).toEqual(
      sort(await presetRanges(text, '@secretlint/secretlint-rule-privatekey')),
    );
    expect(presetPrivateKeySpans(text).length).toBe(3);
  });

  it('gcp service-account JSON', async () => {
    const text = JSON.stringify({
      type: 'service_account',
      private_key_id: alnum(40),
      private_key: pem('PRIVATE KEY'),
    });
    expect(presetReportsGcpServiceAccount(text, '/repo/sa.json')).toBe(true);
    expect(await presetRanges(text, '@secretlint/secretlint-rule-gcp', '/repo/sa.json')).toEqual([
      [0, text.length],
    ]);
    expect(presetReportsGcpServiceAccount(text, '/repo/sa.txt')).toBe(false);
  });

  it('database-connection-string', async () => {
    const text = [
      `a=postgres://app:${urlPassword()}@db.internal:5432/app`,
      `b=mongodb+srv://svc:${urlPassword()}@cluster0.mongodb.net/x?retryWrites=true`,
      `c=jdbc:mysql://root:${urlPassword()}@db/app`,
      'd=postgres://postgres:password@localhost/app',
      'e=mysql://user:${DB_PASSWORD}@db/app',
      `f=postgresql+asyncpg://app:${urlPassword()}@db/app`,
    ].join('\n');
    const expected = await presetRanges(text, '@secretlint/secretlint-rule-database-connection-string');
    expect(sort(presetConnectionStringSpans(text))).toEqual(sort(expected));
    expect(expected.length).toBe(3);
  });

  it('basicauth', async () => {
    const text = [
      `https://deploy:${alnum(20)}@git.internal.net/x.git`,
      'https://user:password@example.com/',
      `ftp://files:${alnum(12)}@ftp.internal.org/`,
      `https://deploy:${alnum(10)}!x@git.internal.net/`,
    ].join('\n');
    const expected = await presetRanges(text, '@secretlint/secretlint-rule-basicauth');
    expect(sort(presetBasicAuthSpans(text))).toEqual(sort(expected));
    expect(expected.length).toBe(2);
  });

  it('aws secret access key (value spans)', async () => {
    const value = rand(`${ALNUM}/+`, 40);
    const text = `AWS_SECRET_ACCESS_KEY=${value}\n`;
    const reported = await presetRanges(text, '@secretlint/secretlint-rule-aws');
    expect(reported.length).toBe(1);
    expect(presetAwsSecretSpans(text)).toEqual([[text.indexOf(value), text.indexOf(value) + 40]]);
  });

  it('npm _authToken in .npmrc only (value spans)', async () => {
    const token = alnum(36);
    const text = `//registry.npmjs.org/:_authToken=${token}\n`;
    // The preset's range starts at `_authToken=` but its data holds the value: compare the value.
    const messages = (await lintRecommended(text, '/repo/.npmrc')).filter(
      (m) => m.ruleId === '@secretlint/secretlint-rule-npm',
    );
    expect(messages.map((m) => (m.data as { TOKEN?: string } | undefined)?.TOKEN)).toEqual([token]);
    expect(presetNpmrcAuthTokenSpans(text, '/repo/.npmrc')).toEqual([
      [text.indexOf(token), text.indexOf(token) + 36],
    ]);
    expect(await presetRanges(text, '@secretlint/secretlint-rule-npm', '/repo/ci.yml')).toEqual([]);
    expect(presetNpmrcAuthTokenSpans(text, '/repo/ci.yml')).toEqual([]);
  });
});
