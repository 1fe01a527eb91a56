// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are test data here, not templates.
import { Policy } from '@seckit/core';
import { describe, expect, it } from 'vitest';
import { isEnvFile, isEnvTemplate } from '../src/hygiene/env-file.js';
import { gitignoreEnvFindings, hygieneRules } from '../src/hygiene/index.js';
import { looksReal } from '../src/hygiene/looks-real.js';
import { makeRepo } from './helpers/git-repo.js';

const policy = Policy.parse({});
function run(
  path: string,
  content: string | Buffer,
  opts: { added?: boolean; scope?: 'staged' | 'full'; maxFileKb?: number } = {},
) {
  const p = opts.maxFileKb === undefined ? policy : Policy.parse({ hygiene: { maxFileKb: opts.maxFileKb } });
  const file = {
    path,
    content: Buffer.isBuffer(content) ? content : Buffer.from(content),
    added: opts.added ?? true,
  };
  return hygieneRules.flatMap((r) => r.run(file, { policy: p, scope: opts.scope ?? 'staged' }));
}
const rules = (path: string, content: string | Buffer, opts = {}) =>
  run(path, content, opts).map((f) => f.ruleId);

describe('seckit/env-file', () => {
  it.each([
    '.env',
    '.env.local',
    'apps/web/.env.production',
    '.env.development.local',
    'prod.env',
    '.env.keys',
  ])('flags %s', (p) => {
    expect(isEnvFile(p)).toBe(true);
    expect(rules(p, 'A=1\n')).toContain('seckit/env-file');
  });
  it.each([
    '.env.example',
    '.env.sample',
    '.env.template',
    'config/.env.dist',
    'example.env',
    '.env.vault',
    'env.ts',
    '.envrc',
    'dotenv.md',
  ])('does not flag %s', (p) => expect(isEnvFile(p)).toBe(false));
  it('says what to do, with the path', () => {
    const [f] = run('.env', 'A=1');
    expect(f?.severity).toBe('high');
    expect(f?.fix).toContain('git rm --cached .env');
  });
});

describe('seckit/env-example-value', () => {
  it('recognises templates', () => {
    expect(isEnvTemplate('.env.example')).toBe(true);
    expect(isEnvTemplate('sample.env')).toBe(true);
    expect(isEnvTemplate('.env')).toBe(false);
  });

  it('flags values that look real, at their line, redacted', () => {
    const real = `Zq8${'x7Lp2Vd9Rt4Wm6Kc'}3Hs1Bn5`;
    const text = [
      '# settings',
      'PORT=3000',
      `SESSION_SECRET=${real}`,
      'DATABASE_URL=postgres://app:s3cr3tPassw0rd@db:5432/app', // seckit-allow: fake connection string for tests
      '',
    ].join('\n');
    const found = run('.env.example', text).filter((f) => f.ruleId === 'seckit/env-example-value');
    expect(found.map((f) => f.location.startLine)).toEqual([3, 4]);
    expect(JSON.stringify(found)).not.toContain(real);
    expect(JSON.stringify(found)).not.toContain('s3cr3tPassw0rd');
  });

  it.each([
    'API_KEY=your-api-key-here',
    'API_KEY=<your api key>',
    'API_KEY=${API_KEY}',
    'API_KEY=changeme',
    'API_KEY=xxxxxxxxxxxxxxxxxxxx',
    'API_KEY=',
    'DEBUG=true',
    'URL=https://api.example.com/v1/endpoint',
    'DATABASE_URL=postgres://user:password@localhost:5432/app',
    'DATABASE_URL=postgres://user:${DB_PASSWORD}@localhost:5432/app',
    'TOKEN=0000000000000000000000',
    'LOG_PATH=/var/log/app/application.log',
  ])('leaves placeholders alone: %s', (line) => {
    expect(rules('.env.example', `${line}\n`)).toEqual([]);
  });

  it('judges values, not names', () => {
    expect(looksReal('"kJ8f2LmQ9xR4tB7wZ1cV"')).toBe(true);
    expect(looksReal('my-application-name')).toBe(false);
  });
});

describe('seckit/private-key-file', () => {
  it.each([
    ['.ssh/id_rsa', 'anything'],
    ['deploy/id_ed25519', 'anything'],
    ['certs/store.p12', Buffer.from([0x30, 0x82, 0, 1])],
    ['android/release.keystore', 'x'],
    ['android/app.jks', 'x'],
    ['keys/win.pfx', 'x'],
    ['keys/putty.ppk', 'PuTTY-User-Key-File-3: ssh-ed25519'],
    ['tls/server.pem', '-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----\n'],
    ['tls/server.key', '-----BEGIN PRIVATE KEY-----\nabc\n'],
    ['gcp/sa.json', '{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nabc" }'],
  ])('flags %s', (p, content) => {
    const found = run(p, content).filter((f) => f.ruleId === 'seckit/private-key-file');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('critical');
  });

  it.each([
    ['.ssh/id_rsa.pub', 'ssh-rsa AAAA'],
    ['tls/ca.pem', '-----BEGIN CERTIFICATE-----\nabc\n'],
    ['gcp/config.json', '{ "type": "authorized_user" }'],
  ])('leaves %s alone', (p, content) => {
    expect(rules(p, content)).not.toContain('seckit/private-key-file');
  });
});

describe('seckit/credentials-file', () => {
  it.each([
    ['.npmrc', '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n'],
    ['.npmrc', 'registry=https://r.example\n_auth=dXNlcjpwYXNz\n'],
    ['.pypirc', '[pypi]\nusername = __token__\npassword = pypi-abcdefghijklmnop\n'],
    ['.netrc', 'machine api.example.com login me password hunter22\n'],
    ['.git-credentials', 'https://me:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com\n'],
    ['.yarnrc.yml', 'npmAuthToken: npm_abcdefghijklmnopqrstuvwxyz0123456789\n'],
  ])('flags literal credentials in %s', (p, content) => {
    expect(rules(p, content)).toContain('seckit/credentials-file');
  });

  it.each([
    ['.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nsave-exact=true\n'],
    ['.pypirc', '[pypi]\nusername = __token__\n'],
    ['.yarnrc.yml', 'npmAuthToken: ${NPM_TOKEN}\n'],
  ])('leaves env references in %s alone', (p, content) => {
    expect(rules(p, content)).not.toContain('seckit/credentials-file');
  });

  it('points at the line', () => {
    const [f] = run('.npmrc', 'save-exact=true\n_authToken=abc123abc123\n');
    expect(f?.location.startLine).toBe(2);
  });
});

describe('seckit/large-file', () => {
  const big = Buffer.alloc(600 * 1024, 'a');
  it('flags an added file over the limit, in KiB', () => {
    const [f] = run('data/dump.sql', big, { added: true });
    expect(f?.ruleId).toBe('seckit/large-file');
    expect(f?.message).toContain('600 KiB, over the 500 KiB limit');
  });
  it('ignores modified files in a hook, but not in a full scan', () => {
    expect(rules('data/dump.sql', big, { added: false })).toEqual([]);
    expect(rules('data/dump.sql', big, { added: false, scope: 'full' })).toEqual(['seckit/large-file']);
  });
  it('honours the policy limit and LFS pointers', () => {
    expect(rules('data/dump.sql', big, { maxFileKb: 1024 })).toEqual([]);
    const pointer = Buffer.concat([Buffer.from('version https://git-lfs.github.com/spec/v1\n'), big]);
    expect(rules('data/dump.sql', pointer)).toEqual([]);
  });
});

describe('seckit/gitignore-env', () => {
  it('advises when .gitignore does not cover .env files', async () => {
    const dir = makeRepo({ '.gitignore': 'node_modules/\n' });
    const [f] = await gitignoreEnvFindings(dir, policy, 'full', []);
    expect(f?.ruleId).toBe('seckit/gitignore-env');
    expect(f?.severity).toBe('low');
  });
  it('is quiet when it does, and on commits that do not touch .gitignore', async () => {
    const dir = makeRepo({ '.gitignore': '.env\n.env.*\n!.env.example\n' });
    expect(await gitignoreEnvFindings(dir, policy, 'full', [])).toEqual([]);
    const bare = makeRepo();
    expect(await gitignoreEnvFindings(bare, policy, 'staged', ['src/a.ts'])).toEqual([]);
  });
});
