// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are what these samples test.
import { describe, expect, it } from 'vitest';
import { isPlaceholderCredential, isPlaceholderValue } from '../src/index.js';
import { ALNUM, alnum, B64, hex, pem, rand, urlPassword } from './helpers/fake.js';

describe('isPlaceholderCredential', () => {
  const fakes: [string, string][] = [
    ['all X body', `ghp_${'X'.repeat(36)}`],
    ['your- words', 'xoxb-your-bot-token'],
    ['all zeros', `AKIA${'0'.repeat(16)}`],
    ['xxxxx run', `sk_live_xxxxx${alnum(20)}`],
    ['xxx standing alone', 'xoxb-xxx-xxx-xxx'],
    ['stars', `sk_live_${'*'.repeat(24)}`],
    ['ellipsis', 'sk_live_...'],
    ['angle brackets', 'sk_live_<your-key>'],
    ['template', '${NPM_TOKEN}'],
    ['quoted template (npm rule reads to end of line)', '"${NPM_TOKEN}"'],
    ['mustache', '{{ slack_token }}'],
    ['example word', `AKIA${'EXAMPLE'}ABCDEFGH1`],
    ['placeholder word', 'glpat-placeholder-token-value'],
    ['sequential digits', `sk_live_123456789${alnum(16)}`],
    ['sequential letters', `ghp_abcdefgh${alnum(28)}`],
    ['short repeated unit', `ghp_${'ab12'.repeat(9)}`],
    ['AWS docs secret key', `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`],
    ['edited AWS docs secret key', `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${alnum(10)}`],
    ['AWS docs key id', `AKIAIOSFODNN7${'EXAMPLE'}`],
    ['URL with placeholder password', 'postgres://user:password@db/app'],
    ['URL with templated password', 'mongodb://app:${MONGO_PASSWORD}@db/app'],
    ['URL with password = user', 'postgres://postgres:postgres@localhost/app'],
    ['placeholder private key', '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    ['empty', '  '],
  ];
  it.each(fakes)('drops %s', (_why, value) => {
    expect(isPlaceholderCredential(value)).toBe(true);
  });

  const real: [string, string][] = [
    ['random GitHub token', `ghp_${alnum(36)}`],
    ['random token spelling FAKE inside', `ghp_${alnum(10)}FAKE${alnum(22)}`],
    ['random token spelling test inside', `sk_test_${alnum(30)}`],
    ['token with a short run of zeros', `ghp_${alnum(16)}0000${alnum(16)}`],
    ['long token spelling a short marker between digits', `ATATT3xFfGF0${alnum(100)}4tbd9${alnum(60)}`],
    ['password with two percent signs', 'y%&%cxhJghc%P18'],
    ['password with XXXX after a digit', 'KGlwqrk635.NRa2XXXXS'],
    ['random AWS secret', rand(`${ALNUM}/+`, 40)],
    ['random hex', hex(40)],
    ['URL with a real-looking password', `postgres://app:${urlPassword()}@db.internal/app`],
    // DER and OpenSSH bodies hold runs of `A` (zero bytes): a real key is not a placeholder.
    [
      'OpenSSH key with zero runs',
      pem(
        'OPENSSH PRIVATE KEY',
        `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n${rand(B64, 200)}`,
      ),
    ],
    ['RSA key', pem('RSA PRIVATE KEY')],
    [
      'a whole JSON document',
      '{\n  "type": "service_account",\n  "client_email": "x@example.iam.gserviceaccount.com"\n}',
    ],
  ];
  it.each(real)('keeps %s', (_why, value) => {
    expect(isPlaceholderCredential(value)).toBe(false);
  });

  it('keeps the fixture style this repository uses for its own tests', () => {
    // packages/hooks/test/fixtures/fake-secrets.ts: a GitHub-shaped value that spells FAKE/test.
    expect(isPlaceholderCredential(['ghp_FAKE0token0for0', 'seckit0tests0only0000'].join(''))).toBe(false);
  });
});

describe('isPlaceholderValue (generic rule)', () => {
  it.each([
    'changeme',
    'change-me-in-prod',
    'my-secret',
    'dev_token_123',
    'test1234test',
    'Password1',
    'secretKey',
    'SECRET_KEY_BASE',
    'config.apiKey',
    'true',
    '12345678',
    '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    'sha512-abc',
    'https://auth.example.com/token',
    '/run/secrets/db_password',
    'certs/dev/server.key',
    'ops@example.com',
    'Enter your password',
    'process.env.TOKEN',
    'getSecret()',
    '!Ref DbPassword',
  ])('drops %s', (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    alnum(24),
    'Tr0ub4dor&3xq',
    `${alnum(8)}-${alnum(8)}`,
    hex(32),
    'n9&-eTy0mG0rSb%d',
    // base64 that happens to start with `/` and lack `+` and `=`: not a path
    '/OYHzizLtanM9yaud5a0dJUOt5/yOXL6DP/7BAIZ7ICRnO2zp1LVXdw5fDJQXzyL',
  ])('keeps %s', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });
});
