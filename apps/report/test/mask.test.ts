import { describe, expect, it } from 'vitest';
import { MAX_TEXT, maskKnown, maskLikelySecrets, maskText, secretCandidates } from '../src/ingest/mask.js';
import { severityFromScore } from '../src/ingest/severity.js';
import { PLANTED } from './helpers/reports.js';

describe('masking text other tools wrote', () => {
  it.each([
    ['an AWS key id', `key ${PLANTED.awsKeyId} found`, 'key AKIA**** found'],
    ['a GitHub token', `token=${PLANTED.githubToken}`, 'token=ghp_****'],
    ['a Slack token', `slack ${PLANTED.slackToken}`, 'slack xoxb****'],
    ['a URL password', 'postgres://app:s3cr3t-value@db/orders', 'postgres://app:****@db/orders'], // seckit-allow: fake connection string for tests
    ['a password assignment', 'password = "hunter2!x"', 'password = "****"'],
    ['a JSON-style assignment', '"api_key": "k9Zq2-pQ7"', '"api_key": "****"'],
    ['a long mixed token', `value ${PLANTED.awsSecret.replace(/\//g, '')} here`, 'value wJal**** here'],
    [
      'a private key block',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----****',
    ],
  ])('masks %s', (_what, text, expected) => {
    expect(maskLikelySecrets(text)).toBe(expected);
  });

  it.each([
    ['paths', 'src/config/aws-credentials2024.ts and packages/hooks/src/targets/scan-file.ts'],
    ['an integrity hash', 'sha512-abcdEFGH1234ijklMNOP5678qrstUVWX90yz'],
    [
      'a UUID and a commit',
      '550e8400-e29b-41d4-a716-446655440000 at 0123456789abcdef0123456789abcdef01234567',
    ],
    ['masked values', 'AWS Access Key ID found: AKIA****'],
    ['ordinary prose', 'Unpinned dependency "lodash": "^4.17.21" in package.json'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskLikelySecrets(text)).toBe(text);
  });

  it('masks known values, longest first, and takes candidates from a snippet', () => {
    const snippet = `aws_secret_access_key = "${PLANTED.awsSecret}"`;
    expect(secretCandidates(snippet)).toContain(PLANTED.awsSecret);
    expect(secretCandidates(snippet)).not.toContain('aws_secret_access_key');
    expect(maskKnown(`found ${PLANTED.awsSecret}`, secretCandidates(snippet))).toBe('found wJal****');
    // Too short to be worth masking (it would shred ordinary words).
    expect(maskKnown('a b c', ['a'])).toBe('a b c');
  });

  it('cuts very long messages, after masking', () => {
    // The token straddles the cut: cutting first would leave a piece too short to look like a token.
    const long = `${'x '.repeat(995)}${PLANTED.githubToken}${' y'.repeat(1500)}`;
    const out = maskText(long);
    expect(out).toHaveLength(MAX_TEXT);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toContain(PLANTED.githubToken.slice(0, 8));
    expect(out).toContain('ghp_****');
  });
});

describe('security-severity bands', () => {
  it.each([
    [10, 'critical'],
    [9, 'critical'],
    ['9.0', 'critical'],
    [8.99, 'high'],
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, undefined],
    ['0.0', undefined],
    [10.1, undefined],
    [-1, undefined],
    ['high', undefined],
    [null, undefined],
  ])('%j → %s', (score, severity) => {
    expect(severityFromScore(score)).toBe(severity);
  });
});
