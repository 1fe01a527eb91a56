#!/usr/bin/env node
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are look-alikes of the corpus.
// Deterministic labelled corpus for measuring secret detection (recall, precision) of seckit and of
// secretlint's recommended preset. Realistic files in many formats hold secrets in their providers'
// real formats (random bodies) and look-alikes that must not fire. Writes the files and labels.json
// (file, line, kind, label, hash of the value — never the value).
//
//   node bench/secrets-quality/generate-corpus.mjs [--seed 1] [--files 420] [--out bench/.work/secrets-quality/corpus]
//
// The value formats are written from the providers' documentation, not from seckit's patterns, so
// the corpus measures the rules rather than echoing them. Another seed gives another corpus built
// the same way.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    files: { type: 'string', default: '420' },
    out: { type: 'string', default: path.join(root, 'bench/.work/secrets-quality/corpus') },
  },
});

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(Number(args.seed) * 7919 + 17);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEXC = '0123456789abcdef';
const B64C = `${ALNUM}+/`;
const URLC = `${ALNUM}_-`;
const rand = (chars, n) =>
  Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('');
const alnum = (n) => rand(ALNUM, n);
const hex = (n) => rand(HEXC, n);
const digits = (n) => rand('123456789', 1) + rand(DIGITS, n - 1);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64 = (text) => Buffer.from(text).toString('base64');
const b64url = (text) => Buffer.from(text).toString('base64url');
const b64bytes = (n) => b64(Buffer.from(Array.from({ length: n }, () => int(0, 255))));
const word = () =>
  pick([
    'orbit',
    'maple',
    'cobalt',
    'falcon',
    'ember',
    'harbor',
    'quartz',
    'willow',
    'tundra',
    'pixel',
    'saffron',
  ]);

/** What people actually pick, or what a generator prints. */
function humanPassword() {
  return pick([
    () =>
      `${word()[0].toUpperCase()}${word().slice(1)}${int(10, 99)}${pick(['!', '#', '$', '%', '&', '*', '?'])}${word()}`,
    () =>
      `${rand(UPPER, 2)}${rand(LOWER, 4)}${rand(DIGITS, 3)}${pick(['!', '@', '#', '%', '^', '&', '*'])}${alnum(int(4, 10))}`,
    () => rand(`${ALNUM}!#%&*+-=?@^_`, int(14, 24)),
    () => `${word()}-${word()}-${int(100, 999)}-${rand(UPPER, 2)}`,
  ])();
}
/** A password usable unencoded in a URL. */
const urlPassword = () =>
  `${rand(UPPER, 2)}${rand(LOWER, 5)}${rand(DIGITS, 3)}${pick(['-', '.', '_', '~', '!'])}${alnum(int(5, 12))}`;

function pemLines(body) {
  return body.match(/.{1,64}/g) ?? [body];
}
function derBody(bytes) {
  // DER SEQUENCE with a long-form length: base64 starts with `MII` like real RSA / PKCS#8 keys.
  return `MII${b64bytes(bytes).slice(3)}`;
}

// ---------------------------------------------------------------------------------------------
// Key naming per format

const snake = (key) => key.toLowerCase();
const camel = (key) => key.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (key) => camel(key).replace(/^./, (c) => c.toUpperCase());
const dotted = (key) => key.toLowerCase().replace(/_/g, '.');

/** One assignment line of `key` = `literal` in the format. */
function assign(format, key, literal) {
  const q = (s) => JSON.stringify(s);
  switch (format) {
    case 'env':
      return chance(0.7) ? `${key}=${literal}` : `${key}="${literal}"`;
    case 'yaml':
    case 'ci':
      return chance(0.6) ? `  ${snake(key)}: ${literal}` : `  ${snake(key)}: "${literal}"`;
    case 'compose':
      return `      - ${key}=${literal}`;
    case 'json':
      return `  ${q(camel(key))}: ${q(literal)}`;
    case 'js':
      return chance(0.5) ? `const ${camel(key)} = '${literal}';` : `  ${camel(key)}: "${literal}",`;
    case 'ts':
      return chance(0.5)
        ? `export const ${key} = "${literal}";`
        : `  private readonly ${camel(key)}: string = '${literal}';`;
    case 'py':
      return chance(0.6)
        ? `${key} = "${literal}"`
        : `client = Client(${snake(key)}='${literal}', timeout=30)`;
    case 'go':
      return chance(0.5) ? `\t${pascal(key)}: "${literal}",` : `\t${camel(key)} := "${literal}"`;
    case 'java':
      return `    private static final String ${key} = "${literal}";`;
    case 'rb':
      return `  config.${snake(key)} = "${literal}"`;
    case 'php':
      return chance(0.5) ? `    '${snake(key)}' => '${literal}',` : `define('${key}', '${literal}');`;
    case 'cs':
      return `        public const string ${pascal(key)} = "${literal}";`;
    case 'sh':
      return `export ${key}="${literal}"`;
    case 'tf':
      return `  ${snake(key)} = "${literal}"`;
    case 'xml':
      return chance(0.6)
        ? `    <add key="${pascal(key)}" value="${literal}" />`
        : `    <${camel(key)}>${literal}</${camel(key)}>`;
    case 'properties':
      return `${dotted(key)}=${literal}`;
    case 'ini':
      return `${snake(key)} = ${literal}`;
    case 'dockerfile':
      return `ENV ${key}=${literal}`;
    case 'md':
      return `export ${key}=${literal}`;
    default:
      throw new Error(`no assignment form for ${format}`);
  }
}

/** The value outside an assignment: a call argument, a header, a CLI flag, a URL. */
function inline(format, literal) {
  switch (format) {
    case 'js':
    case 'ts':
      return pick([
        `  await client.login('${literal}');`,
        `  headers: { Authorization: \`Bearer ${literal}\` },`,
      ]);
    case 'py':
      return pick([`api = ApiClient("${literal}")`, `    headers={"Authorization": "Bearer ${literal}"},`]);
    case 'go':
      return `\tclient := api.NewClient("${literal}")`;
    case 'java':
      return `        Client client = Client.create("${literal}");`;
    case 'rb':
      return `  client = Api::Client.new("${literal}")`;
    case 'cs':
      return `        var client = new ApiClient("${literal}");`;
    case 'sh':
    case 'md':
      return pick([
        `curl -sS -H "Authorization: Bearer ${literal}" https://api.internal.example/v1/status`,
        `deploy-tool --token ${literal} --env production`,
      ]);
    case 'yaml':
    case 'ci':
      return `        args: ["--token", "${literal}"]`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Secrets: real formats with random bodies. `tool` says who is expected to know the format
// (`preset` = secretlint's recommended preset, `seckit` = only seckit's pack, `generic` = only a
// secret-named key gives it away).

const T = (kind, tool, make, keys, extra = {}) => ({ kind, tool, make, keys, ...extra });

const SECRET_KINDS = [
  // --- secretlint preset formats
  T('aws-access-key-id', 'preset', () => `AKIA${rand(UPPER + DIGITS, 16)}`, ['AWS_ACCESS_KEY_ID']),
  T('aws-secret-access-key', 'preset', () => rand(B64C, 40), ['AWS_SECRET_ACCESS_KEY'], {
    formats: ['env', 'sh', 'ini', 'dockerfile', 'compose'],
  }),
  T('github-pat', 'preset', () => `ghp_${alnum(36)}`, ['GITHUB_TOKEN', 'GH_TOKEN']),
  T('github-fine-grained-pat', 'preset', () => `github_pat_${rand(`${ALNUM}_`, 82)}`, ['GITHUB_PAT']),
  T('gitlab-pat', 'preset', () => `glpat-${rand(URLC, 20)}`, ['GITLAB_TOKEN']),
  T('slack-bot-token', 'preset', () => `xoxb-${digits(11)}-${digits(13)}-${alnum(24)}`, ['SLACK_BOT_TOKEN']),
  T(
    'slack-webhook',
    'preset',
    () =>
      `https://hooks.slack.com/services/T${rand(UPPER + DIGITS, 8)}/B${rand(UPPER + DIGITS, 10)}/${alnum(24)}`,
    ['SLACK_WEBHOOK_URL'],
  ),
  T('npm-token', 'preset', () => `npm_${alnum(36)}`, ['NPM_TOKEN']),
  T('openai-key', 'preset', () => `sk-proj-${rand(URLC, 74)}T3BlbkFJ${rand(URLC, 74)}`, ['OPENAI_API_KEY']),
  T('anthropic-key', 'preset', () => `sk-ant-api03-${rand(URLC, 93)}AA`, ['ANTHROPIC_API_KEY']),
  T('groq-key', 'preset', () => `gsk_${alnum(52)}`, ['GROQ_API_KEY']),
  T('huggingface-token', 'preset', () => `hf_${rand(UPPER + LOWER, 34)}`, ['HF_TOKEN']),
  T('sendgrid-key', 'preset', () => `SG.${rand(URLC, 22)}.${rand(URLC, 43)}`, ['SENDGRID_API_KEY']),
  T('shopify-token', 'preset', () => `shpat_${hex(32)}`, ['SHOPIFY_ACCESS_TOKEN']),
  T('vault-token', 'preset', () => `hvs.${rand(URLC, 95)}`, ['VAULT_TOKEN']),
  T('databricks-token', 'preset', () => `dapi${hex(32)}`, ['DATABRICKS_TOKEN']),
  T('docker-hub-pat', 'preset', () => `dckr_pat_${rand(URLC, 27)}`, ['DOCKERHUB_TOKEN']),
  T('grafana-service-account', 'preset', () => `glsa_${alnum(32)}_${hex(8)}`, ['GRAFANA_TOKEN']),
  // --- formats the preset lacks
  T('google-api-key', 'seckit', () => `AIza${rand(URLC, 35)}`, [
    'GOOGLE_API_KEY',
    'FIREBASE_API_KEY',
    'GEMINI_API_KEY',
  ]),
  T('google-oauth-client-secret', 'seckit', () => `GOCSPX-${rand(URLC, 28)}`, ['GOOGLE_CLIENT_SECRET']),
  T(
    'jwt',
    'seckit',
    () => {
      const header = b64url(JSON.stringify({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
      const payload = b64url(
        JSON.stringify({
          sub: `svc-${alnum(8)}`,
          iss: 'https://auth.internal.example',
          iat: int(1.6e9, 1.75e9),
          scope: 'read write',
        }),
      );
      return `${header}.${payload}.${rand(URLC, pick([43, 86, 342]))}`;
    },
    ['SERVICE_JWT', 'AUTH_TOKEN', 'API_BEARER_TOKEN'],
  ),
  T('gitlab-runner-token', 'seckit', () => `glrt-${rand(URLC, 20)}`, ['CI_RUNNER_TOKEN']),
  T('gitlab-trigger-token', 'seckit', () => `glptt-${hex(40)}`, ['TRIGGER_TOKEN']),
  T('gitlab-deploy-token', 'seckit', () => `gldt-${rand(URLC, 20)}`, ['DEPLOY_TOKEN']),
  T('pypi-token', 'seckit', () => `pypi-AgEIcHlwaS5vcmc${rand(URLC, int(120, 180))}`, [
    'TWINE_PASSWORD',
    'PYPI_TOKEN',
  ]),
  T('rubygems-token', 'seckit', () => `rubygems_${hex(48)}`, ['GEM_HOST_API_KEY']),
  T(
    'stripe-secret-key',
    'seckit',
    () => `${pick(['sk', 'rk'])}_${pick(['live', 'test'])}_${alnum(pick([24, 99]))}`,
    ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY'],
  ),
  T('stripe-webhook-secret', 'seckit', () => `whsec_${alnum(32)}`, ['STRIPE_WEBHOOK_SECRET']),
  T('twilio-api-key-sid', 'seckit', () => `SK${hex(32)}`, ['TWILIO_API_KEY']),
  T('mailgun-key', 'seckit', () => `key-${hex(32)}`, ['MAILGUN_API_KEY']),
  T('mailchimp-key', 'seckit', () => `${hex(32)}-us${int(1, 21)}`, ['MAILCHIMP_API_KEY']),
  T('brevo-key', 'seckit', () => `xkeysib-${hex(64)}-${alnum(16)}`, ['BREVO_API_KEY']),
  T('digitalocean-token', 'seckit', () => `dop_v1_${hex(64)}`, ['DIGITALOCEAN_TOKEN', 'DO_TOKEN']),
  T('heroku-api-key', 'seckit', () => `HRKU-AA${rand(URLC, 58)}`, ['HEROKU_API_KEY']),
  T(
    'azure-ad-client-secret',
    'seckit',
    () => `${alnum(3)}${int(7, 8)}Q~${rand(`${ALNUM}_~.-`, 31)}${alnum(3)}`,
    ['AZURE_CLIENT_SECRET'],
  ),
  T('slack-config-token', 'seckit', () => `xoxe.xoxp-1-${alnum(164)}`, ['SLACK_CONFIG_TOKEN']),
  T('discord-webhook', 'seckit', () => `https://discord.com/api/webhooks/${digits(19)}/${rand(URLC, 68)}`, [
    'DISCORD_WEBHOOK_URL',
  ]),
  T('telegram-bot-token', 'seckit', () => `${digits(10)}:AA${rand(URLC, 33)}`, ['TELEGRAM_BOT_TOKEN']),
  T(
    'teams-webhook',
    'seckit',
    () =>
      `https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`,
    ['TEAMS_WEBHOOK_URL'],
  ),
  T('sentry-user-token', 'seckit', () => `sntryu_${hex(64)}`, ['SENTRY_AUTH_TOKEN']),
  T('new-relic-user-key', 'seckit', () => `NRAK-${rand(UPPER + DIGITS, 27)}`, ['NEW_RELIC_API_KEY']),
  T('postman-key', 'seckit', () => `PMAK-${hex(24)}-${hex(34)}`, ['POSTMAN_API_KEY']),
  T('atlassian-token', 'seckit', () => `ATATT3xFfGF0${rand(URLC, 170)}=${rand('0123456789ABCDEF', 8)}`, [
    'JIRA_API_TOKEN',
  ]),
  T('square-token', 'seckit', () => `EAAA${rand(URLC, 60)}`, ['SQUARE_ACCESS_TOKEN']),
  T(
    'doppler-token',
    'seckit',
    () => pick([`dp.pt.${alnum(43)}`, `dp.st.${pick(['prd', 'dev', 'stg'])}.${alnum(40)}`]),
    ['DOPPLER_TOKEN'],
  ),
  T('pulumi-token', 'seckit', () => `pul-${hex(40)}`, ['PULUMI_ACCESS_TOKEN']),
  T('flyio-token', 'seckit', () => `fo1_${rand(URLC, 43)}`, ['FLY_API_TOKEN']),
  T('netlify-token', 'seckit', () => `nfp_${alnum(36)}`, ['NETLIFY_AUTH_TOKEN']),
  T('alibaba-access-key-id', 'seckit', () => `LTAI${alnum(20)}`, ['ALIBABA_CLOUD_ACCESS_KEY_ID']),
  T('dynatrace-token', 'seckit', () => `dt0c01.${rand(UPPER + DIGITS, 24)}.${rand(UPPER + DIGITS, 64)}`, [
    'DT_API_TOKEN',
  ]),
  T('huggingface-org-token', 'seckit', () => `api_org_${rand(UPPER + LOWER, 34)}`, ['HF_ORG_TOKEN']),
  T('anthropic-admin-key', 'seckit', () => `sk-ant-admin01-${rand(URLC, 93)}AA`, ['ANTHROPIC_ADMIN_KEY']),
  T(
    'onepassword-secret-key',
    'seckit',
    () => {
      const g = (n) => rand(UPPER + DIGITS, n);
      return `A3-${g(6)}-${g(11)}-${g(5)}-${g(5)}-${g(5)}`;
    },
    ['OP_SECRET_KEY'],
  ),
  T('sonarqube-token', 'seckit', () => `squ_${hex(40)}`, ['SONAR_TOKEN']),
  T('tailscale-key', 'seckit', () => `tskey-auth-${alnum(17)}-${alnum(33)}`, ['TS_AUTHKEY']),
  T('supabase-token', 'seckit', () => `sbp_${hex(40)}`, ['SUPABASE_ACCESS_TOKEN']),
  T('planetscale-password', 'seckit', () => `pscale_pw_${rand(URLC, 43)}`, ['PLANETSCALE_PASSWORD']),
  T('shippo-token', 'seckit', () => `shippo_live_${hex(40)}`, ['SHIPPO_API_TOKEN']),
  T('terraform-cloud-token', 'seckit', () => `${alnum(14)}.atlasv1.${rand(URLC, 67)}`, ['TFE_TOKEN']),
  T(
    'grafana-legacy-key',
    'seckit',
    () => {
      for (;;) {
        const key = b64(JSON.stringify({ k: alnum(32), n: word(), id: int(1, 9) })).replace(/=+$/, '');
        if (/^[A-Za-z0-9]+$/.test(key)) return key;
      }
    },
    ['GRAFANA_API_KEY'],
  ),
  T('datadog-api-key', 'seckit', () => hex(32), ['DD_API_KEY', 'DATADOG_API_KEY'], { keyOnly: true }),
  T('linear-client-secret', 'seckit', () => hex(32), ['LINEAR_CLIENT_SECRET'], { keyOnly: true }),
  T('heroku-legacy-api-key', 'seckit', () => uuid(), ['HEROKU_API_KEY'], { keyOnly: true }),
  // --- no format: only the key name and the value's randomness give these away
  T(
    'generic-password',
    'generic',
    humanPassword,
    [
      'DB_PASSWORD',
      'MYSQL_ROOT_PASSWORD',
      'SMTP_PASSWORD',
      'ADMIN_PASSWORD',
      'REDIS_PASSWORD',
      'LDAP_BIND_PASSWORD',
      'KEYSTORE_PASSWORD',
      'RABBITMQ_DEFAULT_PASS',
    ],
    { keyOnly: true },
  ),
  T(
    'generic-api-key',
    'generic',
    () => alnum(int(32, 48)),
    ['PAYMENT_API_KEY', 'INTERNAL_API_KEY', 'ALGOLIA_ADMIN_KEY', 'PARTNER_API_TOKEN'],
    { keyOnly: true },
  ),
  T(
    'generic-signing-secret',
    'generic',
    () => b64bytes(pick([32, 48, 64])),
    ['JWT_SECRET', 'SESSION_SECRET', 'COOKIE_SECRET', 'ENCRYPTION_KEY', 'OAUTH_CLIENT_SECRET'],
    { keyOnly: true },
  ),
  T(
    'generic-hex-secret',
    'generic',
    () => hex(pick([32, 64, 128])),
    ['SECRET_KEY_BASE', 'APP_SECRET', 'TWILIO_AUTH_TOKEN', 'WEBHOOK_SECRET'],
    { keyOnly: true },
  ),
];

// ---------------------------------------------------------------------------------------------
// Look-alikes that must not fire (label `decoy`), per kind: [key, literal] pairs or whole lines.

const DECOYS = {
  'placeholder-provider-token': () =>
    pick([
      ['GITHUB_TOKEN', `ghp_${'X'.repeat(36)}`],
      ['GITHUB_TOKEN', `ghp_${'x'.repeat(36)}`],
      ['SLACK_BOT_TOKEN', 'xoxb-your-bot-token'],
      ['SLACK_BOT_TOKEN', 'xoxb-xxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx'],
      ['STRIPE_SECRET_KEY', `sk_live_${'x'.repeat(24)}`],
      ['STRIPE_SECRET_KEY', 'sk_test_your_stripe_secret_key'],
      ['AWS_ACCESS_KEY_ID', `AKIA${'X'.repeat(16)}`],
      ['GOOGLE_API_KEY', `AIza${'X'.repeat(35)}`],
      ['OPENAI_API_KEY', 'sk-proj-your-openai-key'],
      ['NPM_TOKEN', `npm_${'0'.repeat(36)}`],
      ['GITLAB_TOKEN', 'glpat-xxxxxxxxxxxxxxxxxxxx'],
      ['SENDGRID_API_KEY', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      ['DIGITALOCEAN_TOKEN', `dop_v1_${'0'.repeat(64)}`],
      ['TELEGRAM_BOT_TOKEN', `123456789:AA${'X'.repeat(33)}`],
    ]),
  'documented-example': () =>
    pick([
      ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
      ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['STRIPE_SECRET_KEY', ['sk_test', '4eC39HqLyjWDarjtT1zdp7dc'].join('_')],
      [
        'AUTH_TOKEN',
        [
          'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
          'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
          'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        ].join('.'),
      ],
    ]),
  template: () =>
    pick([
      ['DB_PASSWORD', '${DB_PASSWORD}'],
      ['API_KEY', '${API_KEY:-}'],
      ['NPM_TOKEN', '${{ secrets.NPM_TOKEN }}'],
      ['DB_PASSWORD', '{{ .Values.db.password }}'],
      ['CLIENT_SECRET', '{{ vault_client_secret }}'],
      ['API_KEY', '%API_KEY%'],
      ['AUTH_TOKEN', '$AUTH_TOKEN'],
      ['SECRET_KEY', '<your-secret-key>'],
      ['STRIPE_SECRET_KEY', '<%= ENV["STRIPE_SECRET_KEY"] %>'],
      ['DB_PASSWORD', '#{dbPassword}'],
    ]),
  'placeholder-value': () =>
    pick([
      ['DB_PASSWORD', 'changeme'],
      ['API_KEY', 'your-api-key-here'],
      ['SECRET_KEY', 'xxxxxxxxxxxxxxxx'],
      ['DB_PASSWORD', '********'],
      ['CLIENT_SECRET', 'REPLACE_ME'],
      ['JWT_SECRET', 'dev-secret-change-in-production'],
      ['API_TOKEN', 'dummy-token-for-local-dev'],
      ['ADMIN_PASSWORD', 'password123'],
      ['SECRET_KEY', 'example-secret-key-123'],
      ['AUTH_TOKEN', 'TODO'],
      ['SESSION_SECRET', 'keyboard cat'],
      ['DB_PASSWORD', 'postgres'],
      ['KEYSTORE_PASSWORD', 'changeit'],
      ['API_KEY', 'abcdef1234567890'],
      ['ENCRYPTION_KEY', '0123456789abcdef0123456789abcdef'],
    ]),
  'short-value': () =>
    pick([
      ['DB_PASSWORD', 'admin'],
      ['REDIS_PASSWORD', 'redis'],
      ['API_KEY', 'abc123'],
      ['PASS', '1234'],
    ]),
  identifier: () =>
    pick([
      ['SECRET', 'my-app-secret'],
      ['TOKEN', 'accessToken'],
      ['API_KEY', 'config.apiKey'],
      ['PASSWORD_SECRET_NAME', 'prod/db/password'],
      ['SECRET_KEY', 'SECRET_KEY_BASE'],
      ['CREDENTIALS', 'default'],
      ['AUTH', 'oauth2'],
    ]),
  hash: () =>
    pick([
      ['COMMIT_SHA', hex(40)],
      ['CHECKSUM_SHA256', hex(64)],
      ['ETAG', hex(32)],
      ['IMAGE_DIGEST', `sha256:${hex(64)}`],
      ['PASSWORD_HASH', `$2b$12$${rand(`${ALNUM}./`, 53)}`],
      ['TOKEN_SHA256', hex(64)],
    ]),
  uuid: () =>
    pick([
      ['REQUEST_ID', uuid()],
      ['TENANT_ID', uuid()],
      ['CLIENT_ID', uuid()],
      ['SUBSCRIPTION_ID', uuid()],
      ['SESSION_ID', uuid()],
    ]),
  'url-without-credentials': () =>
    pick([
      ['TOKEN_URL', 'https://oauth2.googleapis.com/token'],
      ['AUTH_ENDPOINT', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize'],
      ['SECRETS_MANAGER_URL', 'https://vault.internal.example:8200'],
      ['DATABASE_URL', 'postgres://db.internal.example:5432/app'],
    ]),
  'default-credential-url': () =>
    pick([
      ['DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app_dev'],
      ['AMQP_URL', 'amqp://guest:guest@localhost:5672/'],
      ['REDIS_URL', 'redis://:${REDIS_PASSWORD}@redis:6379/0'],
      ['MONGO_URL', 'mongodb://user:password@localhost:27017/test'],
      ['DATABASE_URL', 'mysql://root:root@127.0.0.1:3306/app'],
      ['DATABASE_URL', 'postgresql://${PGUSER}:${PGPASSWORD}@${PGHOST}/app'],
    ]),
  'file-path': () =>
    pick([
      ['TLS_KEY_FILE', '/etc/ssl/private/server.key'],
      ['DB_PASSWORD_FILE', '/run/secrets/db_password'],
      ['GOOGLE_APPLICATION_CREDENTIALS', './config/service-account.json'],
      ['PRIVATE_KEY_PATH', '~/.ssh/id_ed25519'],
    ]),
  'public-key': () =>
    pick([
      ['STRIPE_PUBLISHABLE_KEY', `pk_live_${alnum(24)}`],
      ['SSH_PUBLIC_KEY', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${rand(B64C, 43)} deploy@ci`],
      ['RECAPTCHA_SITE_KEY', `6L${rand(URLC, 38)}`],
      ['PUBLIC_KEY', b64bytes(32)],
    ]),
};

// Whole-line look-alikes for code formats: env lookups, type annotations, labels, comparisons, calls.
const CODE_DECOYS = {
  js: {
    'env-lookup': [
      'const apiKey = process.env.API_KEY;',
      'const dbPassword = process.env["DB_PASSWORD"] ?? "";',
    ],
    'type-annotation': [],
    'i18n-label': [
      '  password: "Password",',
      '  apiKey: "API key",',
      '  tokenHint: "Paste your access token",',
    ],
    comparison: ['if (password === confirmPassword) {', 'if (token !== undefined && token.length > 0) {'],
    'function-call': [
      'const token = await getAccessToken(scopes);',
      '  password: readSecret("db-password"),',
    ],
  },
  ts: {
    'env-lookup': ['const secret = process.env.JWT_SECRET!;'],
    'type-annotation': [
      '  password: string;',
      '  apiKey?: string;',
      '  readonly clientSecret: string | undefined;',
    ],
    'i18n-label': ['  password: t("auth.password"),', '  "secretKey": "Secret key",'],
    comparison: ['  if (apiKey == null) throw new Error("missing API key");'],
    'function-call': ['  const accessToken = this.tokens.get(userId);'],
  },
  py: {
    'env-lookup': [
      'API_KEY = os.environ["API_KEY"]',
      'DB_PASSWORD = os.getenv("DB_PASSWORD")',
      'SECRET_KEY = os.environ.get("SECRET_KEY", "")',
    ],
    'type-annotation': ['    password: str', '    api_key: Optional[str] = None', '    token: SecretStr'],
    'i18n-label': ['    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)'],
    comparison: ['    if password == confirm_password:', '    if not token:'],
    'function-call': [
      '    token = get_token(client_id, scopes)',
      '    secret = vault.read_secret("db/password")',
    ],
  },
  go: {
    'env-lookup': ['\tapiKey := os.Getenv("API_KEY")'],
    'type-annotation': ['\tPassword string `json:"password"`', '\tAPIKey   string `yaml:"api_key"`'],
    'i18n-label': [],
    comparison: ['\tif password != confirm {'],
    'function-call': ['\ttoken, err := auth.NewToken(ctx, claims)'],
  },
  java: {
    'env-lookup': ['    private final String password = System.getenv("DB_PASSWORD");'],
    'type-annotation': ['    private String apiKey;', '    public void setPassword(String password) {'],
    'i18n-label': [],
    comparison: ['        if (password.equals(confirmPassword)) {'],
    'function-call': ['        String token = tokenService.issue(user);'],
  },
  rb: {
    'env-lookup': ['  config.api_key = ENV["API_KEY"]', '  password = ENV.fetch("DB_PASSWORD")'],
    'type-annotation': [],
    'i18n-label': ['  password: "Passwort"'],
    comparison: ['  if password == password_confirmation'],
    'function-call': ['  token = JWT.encode(payload, Rails.application.secret_key_base)'],
  },
  php: {
    'env-lookup': ["    'password' => env('DB_PASSWORD'),", "define('AUTH_KEY', getenv('WP_AUTH_KEY'));"],
    'type-annotation': [],
    'i18n-label': ["    'password' => 'Mot de passe',"],
    comparison: ['    if ($password === $confirm) {'],
    'function-call': ['    $token = bin2hex(random_bytes(32));'],
  },
  cs: {
    'env-lookup': ['        var apiKey = Environment.GetEnvironmentVariable("API_KEY");'],
    'type-annotation': ['        public string Password { get; set; }'],
    'i18n-label': [],
    comparison: ['        if (password == null) return;'],
    'function-call': ['        var token = await _tokenService.CreateAsync(user);'],
  },
};

// ---------------------------------------------------------------------------------------------
// Labelled output

const files = [];
const labels = [];
const sha = (value) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** A file being built: lines plus labels pointing into them. */
class FileBuilder {
  constructor(name) {
    this.name = name;
    this.lines = [];
    this.pending = [];
  }
  line(text) {
    this.lines.push(...text.split('\n'));
  }
  /** Adds text whose `value` is labelled; the label points at the line(s) holding the value. */
  item(text, value, kind, label) {
    const first = this.lines.length;
    this.line(text);
    const offsetInText = text.indexOf(value);
    if (offsetInText < 0) throw new Error(`value not in text for ${kind}`);
    const startLine = first + text.slice(0, offsetInText).split('\n').length; // 1-based
    const endLine = startLine + value.split('\n').length - 1;
    this.pending.push({ line: startLine, endLine, kind, label, value: sha(value) });
  }
  done() {
    files.push({ name: this.name, text: `${this.lines.join('\n')}\n` });
    for (const p of this.pending) labels.push({ file: this.name, ...p });
  }
}

// ---------------------------------------------------------------------------------------------
// Format templates: a plausible header, filler lines, and a footer.

const FORMATS = {
  env: {
    ext: ['.env', '.env.production', '.env.staging', 'config.env'],
    header: ['# service configuration', 'NODE_ENV=production', 'PORT=8080'],
    filler: () =>
      pick([
        'LOG_LEVEL=info',
        `REGION=${pick(['eu-west-1', 'us-east-1'])}`,
        `WORKERS=${int(2, 16)}`,
        'FEATURE_FLAGS=search,billing',
        `APP_NAME=${word()}`,
      ]),
  },
  yaml: {
    ext: ['config/app.yml', 'config/settings.yaml', 'deploy/values.yaml'],
    header: ['app:', `  name: ${word()}`, '  replicas: 3'],
    filler: () =>
      pick([
        `  timeout: ${int(5, 60)}s`,
        '  log_format: json',
        `  cache_size: ${int(64, 512)}`,
        '  region: eu-west-1',
      ]),
  },
  ci: {
    ext: ['.github/workflows/deploy.yml', '.gitlab-ci.yml', '.circleci/config.yml'],
    header: ['name: deploy', 'on: [push]', 'env:'],
    filler: () => pick(['  NODE_VERSION: "20"', '  CI: true', `  CACHE_KEY: deps-${int(1, 9)}`]),
  },
  compose: {
    ext: ['docker-compose.yml', 'compose.override.yml'],
    header: ['services:', '  api:', `    image: ghcr.io/acme/${word()}:1.4.2`, '    environment:'],
    filler: () => pick(['      - LOG_LEVEL=debug', `      - PORT=${int(3000, 9000)}`, '      - TZ=UTC']),
  },
  json: {
    ext: ['config/appsettings.json', 'config/production.json', 'secrets.json'],
    header: [],
    filler: () =>
      pick([
        `  "timeoutSeconds": ${int(5, 60)}`,
        '  "logLevel": "info"',
        `  "region": "${pick(['eu-west-1', 'us-east-1'])}"`,
      ]),
  },
  js: {
    ext: ['src/config.js', 'src/services/payments.js', 'lib/client.mjs'],
    header: ["import { createClient } from './client.js';", ''],
    filler: () =>
      pick([
        `const retries = ${int(1, 5)};`,
        '// keep in sync with the API docs',
        `export const region = "${pick(['eu', 'us'])}";`,
      ]),
  },
  ts: {
    ext: ['src/config.ts', 'src/integrations/mailer.ts', 'src/app.module.ts'],
    header: ["import type { Options } from './types.js';", ''],
    filler: () =>
      pick([
        `const timeoutMs = ${int(100, 5000)};`,
        'export type Region = "eu" | "us";',
        '// eslint-disable-next-line no-console',
      ]),
  },
  py: {
    ext: ['app/settings.py', 'scripts/sync.py', 'service/config.py'],
    header: ['import os', 'from typing import Optional', ''],
    filler: () =>
      pick([`TIMEOUT = ${int(5, 60)}`, 'DEBUG = False', 'ALLOWED_HOSTS = ["api.internal.example"]']),
  },
  go: {
    ext: ['internal/config/config.go', 'cmd/server/main.go'],
    header: ['package config', '', 'import "os"', ''],
    filler: () => pick(['\t// defaults', `\tconst maxConns = ${int(5, 100)}`, '\tvar region = "eu-west-1"']),
  },
  java: {
    ext: ['src/main/java/com/acme/Config.java', 'src/main/java/com/acme/Client.java'],
    header: ['package com.acme;', '', 'public final class Config {'],
    filler: () => pick([`    private static final int TIMEOUT = ${int(5, 60)};`, '    // see README']),
    footer: ['}'],
  },
  rb: {
    ext: ['config/initializers/services.rb', 'config/application.rb'],
    header: ['Rails.application.configure do'],
    filler: () => pick(['  config.log_level = :info', `  config.x.workers = ${int(2, 8)}`]),
    footer: ['end'],
  },
  php: {
    ext: ['config/services.php', 'wp-config.php'],
    header: ['<?php', ''],
    filler: () => pick(["    'timeout' => 30,", "define('WP_DEBUG', false);"]),
  },
  cs: {
    ext: ['src/Settings.cs', 'src/Startup.cs'],
    header: ['namespace Acme;', '', 'public static class Settings', '{'],
    filler: () => pick([`        public const int Timeout = ${int(5, 60)};`]),
    footer: ['}'],
  },
  sh: {
    ext: ['scripts/deploy.sh', 'bin/setup.sh', 'ci/release.sh'],
    header: ['#!/usr/bin/env bash', 'set -euo pipefail'],
    filler: () => pick(['echo "deploying"', `sleep ${int(1, 5)}`, 'cd "$(dirname "$0")"']),
  },
  tf: {
    ext: ['infra/main.tf', 'infra/database.tf'],
    header: ['resource "azurerm_mssql_server" "main" {', `  name     = "${word()}-sql"`],
    filler: () => pick(['  version  = "12.0"', '  location = "westeurope"']),
    footer: ['}'],
  },
  xml: {
    ext: ['web.config', 'src/main/resources/settings.xml', 'App.config'],
    header: ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>'],
    filler: () =>
      pick([
        '    <add key="Environment" value="Production" />',
        `    <add key="Timeout" value="${int(5, 60)}" />`,
      ]),
    footer: ['  </appSettings>', '</configuration>'],
  },
  properties: {
    ext: ['src/main/resources/application.properties', 'gradle.properties'],
    header: ['server.port=8080'],
    filler: () => pick(['spring.jpa.open-in-view=false', 'logging.level.root=INFO']),
  },
  ini: {
    ext: ['config.ini', 'setup.cfg', 'conf/service.conf'],
    header: ['[service]', `name = ${word()}`],
    filler: () => pick(['workers = 4', 'log_level = info']),
  },
  dockerfile: {
    ext: ['Dockerfile', 'docker/api.Dockerfile'],
    header: ['FROM node:20-alpine', 'WORKDIR /app'],
    filler: () => pick(['COPY . .', 'RUN npm ci --omit=dev', 'EXPOSE 8080']),
  },
  md: {
    ext: ['README.md', 'docs/setup.md', 'docs/deploy.md'],
    header: ['# Setup', '', 'Configure the service, then run it:', '', '```sh'],
    filler: () => pick(['npm install', 'npm run build']),
    footer: ['```'],
  },
};
const ASSIGN_FORMATS = Object.keys(FORMATS);

function buildFormatFile(index) {
  const format = pick(ASSIGN_FORMATS);
  const spec = FORMATS[format];
  const ext = pick(spec.ext);
  const name = `${String(index).padStart(3, '0')}-${format}/${ext}`;
  const f = new FileBuilder(name);
  for (const l of spec.header) f.line(l);
  const items = int(2, 7);
  const jsonLines = [];
  for (let i = 0; i < items; i++) {
    for (let j = int(0, 2); j > 0; j--) (format === 'json' ? jsonLines : f.lines).push(spec.filler());
    const roll = random();
    if (format === 'json') {
      // JSON entries need commas: collect then write.
      jsonLines.push(jsonItem(roll));
      continue;
    }
    if (roll < 0.5) addSecret(f, format);
    else if (roll < 0.85) addDecoy(f, format);
    else addCodeDecoy(f, format);
  }
  if (format === 'json') writeJson(f, jsonLines);
  for (const l of spec.footer ?? []) f.line(l);
  f.done();
}

// JSON: items are built as objects and written at the end with proper commas.
function jsonItem(roll) {
  if (roll < 0.55) {
    const kind = pick(SECRET_KINDS.filter((k) => !k.formats));
    const value = kind.make();
    return {
      text: assign('json', pick(kind.keys), value),
      value: jsonEscaped(value),
      kind: kind.kind,
      label: 'secret',
    };
  }
  const [decoyKind, make] = pick(Object.entries(DECOYS));
  const [key, value] = make();
  return { text: assign('json', key, value), value: jsonEscaped(value), kind: decoyKind, label: 'decoy' };
}
/** How the value reads inside a JSON string (quotes and backslashes escaped). */
function jsonEscaped(value) {
  return JSON.stringify(value).slice(1, -1);
}
function writeJson(f, entries) {
  f.line('{');
  entries.forEach((entry, i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (typeof entry === 'string') f.line(`${entry}${comma}`);
    else f.item(`${entry.text}${comma}`, entry.value, entry.kind, entry.label);
  });
  f.line('}');
}

function addSecret(f, format) {
  const kind = pick(SECRET_KINDS.filter((k) => !k.formats || k.formats.includes(format)));
  const value = kind.make();
  const inlineText = kind.keyOnly ? null : chance(0.3) ? inline(format, value) : null;
  const text = inlineText ?? assign(format, pick(kind.keys), value);
  f.item(text, value, kind.kind, 'secret');
}

function addDecoy(f, format) {
  const [decoyKind, make] = pick(Object.entries(DECOYS));
  const [key, value] = make();
  f.item(assign(format, key, value), value, decoyKind, 'decoy');
}

function addCodeDecoy(f, format) {
  const byKind = CODE_DECOYS[format];
  const options = byKind ? Object.entries(byKind).filter(([, lines]) => lines.length > 0) : [];
  if (options.length === 0) return addDecoy(f, format);
  const [decoyKind, lines] = pick(options);
  const text = pick(lines);
  f.item(text, text.trim(), decoyKind, 'decoy');
}

// ---------------------------------------------------------------------------------------------
// Structural files: keys, connection strings, registry configs, Kubernetes Secrets, lockfiles.

function privateKeyFile(index) {
  const flavour = pick([
    'rsa',
    'ec',
    'encrypted-pkcs8',
    'rsa-legacy-encrypted',
    'openssh',
    'ed25519-pkcs8',
    'pgp',
    'putty',
    'age',
    'json-escaped',
  ]);
  const dir = `${String(index).padStart(3, '0')}-keys`;
  const label = `private-key-${flavour}`;
  if (flavour === 'putty') {
    const f = new FileBuilder(`${dir}/deploy.ppk`);
    const priv = pemLines(b64bytes(int(80, 120))).join('\n');
    f.line(
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@ci\nPublic-Lines: 2\n${pemLines(b64bytes(51)).join('\n')}`,
    );
    f.line(`Private-Lines: ${priv.split('\n').length}`);
    f.item(priv, priv, label, 'secret');
    f.line(`Private-MAC: ${hex(64)}`);
    return f.done();
  }
  if (flavour === 'age') {
    const f = new FileBuilder(`${dir}/keys.txt`);
    const key = `AGE-SECRET-KEY-1${rand('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`;
    f.line(
      `# created: 2024-0${int(1, 9)}-1${int(0, 9)}T10:00:00Z\n# public key: age1${rand('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}`,
    );
    f.item(key, key, label, 'secret');
    return f.done();
  }
  const blocks = {
    rsa: () => ['RSA PRIVATE KEY', pemLines(derBody(int(600, 1190))).join('\n')],
    ec: () => ['EC PRIVATE KEY', pemLines(`MHcCAQEEI${b64bytes(90).slice(0, 151)}`).join('\n')],
    'encrypted-pkcs8': () => ['ENCRYPTED PRIVATE KEY', pemLines(derBody(int(700, 1250))).join('\n')],
    'rsa-legacy-encrypted': () => [
      'RSA PRIVATE KEY',
      `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,${hex(32).toUpperCase()}\n\n${pemLines(b64bytes(int(1100, 1200))).join('\n')}`,
    ],
    openssh: () => [
      'OPENSSH PRIVATE KEY',
      pemLines(`b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW${b64bytes(300)}`).join(
        '\n',
      ),
    ],
    'ed25519-pkcs8': () => ['PRIVATE KEY', `MC4CAQAwBQYDK2VwBCIEI${b64bytes(32).slice(0, 43)}`],
    pgp: () => ['PGP PRIVATE KEY BLOCK', `\nlQOYBG${pemLines(b64bytes(700)).join('\n')}\n=${rand(B64C, 4)}`],
  };
  if (flavour === 'json-escaped') {
    const f = new FileBuilder(`${dir}/signing.json`);
    const body = pemLines(`MHcCAQEEI${b64bytes(90).slice(0, 151)}`).join('\\n');
    const block = `-----BEGIN EC PRIVATE KEY-----\\n${body}\\n-----END EC PRIVATE KEY-----`;
    f.line('{');
    f.line(`  "kid": "${hex(16)}",`);
    f.item(`  "signingKey": "${block}\\n"`, block, label, 'secret');
    f.line('}');
    return f.done();
  }
  const [name, body] = blocks[flavour]();
  const block = `-----BEGIN ${name}-----\n${body}\n-----END ${name}-----`;
  const container = pick(['pem', 'yaml']);
  if (container === 'pem') {
    const f = new FileBuilder(`${dir}/${pick(['id_deploy', 'server.key', 'signing-key.pem', 'tls.key'])}`);
    f.item(block, block, label, 'secret');
    return f.done();
  }
  const f = new FileBuilder(`${dir}/tls-values.yaml`);
  f.line('tls:\n  enabled: true\n  key: |');
  const indented = block.replace(/^/gm, '    ');
  f.item(indented, indented.trimStart(), label, 'secret');
  f.done();
}

function decoyKeyFile(index) {
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-keys/README.md`);
  f.line('# Keys\n\nPut the deploy key in `secrets/deploy.key`. It looks like this:\n\n```');
  const placeholder = pick([
    '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN OPENSSH PRIVATE KEY-----\n<paste your private key here>\n-----END OPENSSH PRIVATE KEY-----',
    '-----BEGIN PRIVATE KEY-----\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n-----END PRIVATE KEY-----',
  ]);
  f.item(placeholder, placeholder, 'placeholder-private-key', 'decoy');
  f.line('```\n\nThe public half:\n\n```');
  const pub = `-----BEGIN PUBLIC KEY-----\n${pemLines(`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${b64bytes(270)}`).join('\n')}\n-----END PUBLIC KEY-----`;
  f.item(pub, pub, 'public-key', 'decoy');
  f.line('```');
  f.done();
}

const CONNECTION_KINDS = [
  ['redis', (p) => `rediss://:${p}@cache.internal.example:6380/0`, 'REDIS_URL'],
  ['amqp', (p) => `amqps://orders:${p}@mq.internal.example:5671/prod`, 'AMQP_URL'],
  ['mariadb', (p) => `mariadb://app:${p}@db.internal.example:3306/shop`, 'DATABASE_URL'],
  ['mssql', (p) => `mssql://sa:${p}@sql.internal.example:1433/app`, 'DATABASE_URL'],
  ['ldap', (p) => `ldaps://cn=admin,dc=acme,dc=org:${p}@ldap.internal.example:636`, 'LDAP_URL'],
  ['smtp', (p) => `smtps://mailer:${p}@smtp.internal.example:465`, 'SMTP_URL'],
  ['clickhouse', (p) => `clickhouse://default:${p}@ch.internal.example:9000/metrics`, 'CLICKHOUSE_URL'],
  ['nats', (p) => `nats://svc:${p}@nats.internal.example:4222`, 'NATS_URL'],
  ['kafka-sasl', (p) => `kafka://producer:${p}@broker-1.internal.example:9093`, 'KAFKA_URL'],
  [
    'postgres-driver',
    (p) => `postgresql+psycopg://app:${p}@db.internal.example:5432/app`,
    'SQLALCHEMY_DATABASE_URI',
  ],
  [
    'jdbc-sqlserver',
    (p) => `jdbc:sqlserver://sql.internal.example:1433;databaseName=app;user=svc;password=${p};encrypt=true`,
    'JDBC_URL',
  ],
  [
    'ado-net',
    (p) => `Server=tcp:sql.internal.example,1433;Database=App;User Id=svc_app;Password=${p};Encrypt=True;`,
    'CONNECTION_STRING',
  ],
  // secretlint preset formats
  ['postgres', (p) => `postgres://app:${p}@db.internal.example:5432/app`, 'DATABASE_URL'],
  [
    'mongodb-srv',
    (p) => `mongodb+srv://svc:${p}@cluster0.ab1cd.mongodb.net/app?retryWrites=true`,
    'MONGODB_URI',
  ],
  ['mysql', (p) => `mysql://app:${p}@db.internal.example:3306/app`, 'DATABASE_URL'],
  ['https-basic-auth', (p) => `https://deploy:${p}@git.internal.example/acme/app.git`, 'GIT_REMOTE'],
];

function connectionFile(index) {
  const format = pick(['env', 'yaml', 'compose', 'py', 'properties']);
  const spec = FORMATS[format];
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-connections/${pick(spec.ext)}`);
  for (const l of spec.header) f.line(l);
  for (let i = int(2, 4); i > 0; i--) {
    const [scheme, make, key] = pick(CONNECTION_KINDS);
    if (chance(0.75)) {
      const p = scheme === 'https-basic-auth' ? alnum(int(20, 40)) : urlPassword();
      f.item(assign(format, key, make(p)), p, `connection-string-${scheme}`, 'secret');
    } else {
      const [dKey, dValue] = DECOYS['default-credential-url']();
      f.item(assign(format, dKey, dValue), dValue, 'default-credential-url', 'decoy');
    }
    f.line(spec.filler());
  }
  for (const l of spec.footer ?? []) f.line(l);
  f.done();
}

function registryFile(index) {
  const dir = `${String(index).padStart(3, '0')}-registry`;
  const which = pick([
    'npmrc',
    'npmrc-auth',
    'yarnrc',
    'ci-npmrc',
    'pypirc',
    'netrc',
    'docker',
    'npmrc-template',
    'docker-placeholder',
  ]);
  if (which === 'npmrc') {
    const f = new FileBuilder(`${dir}/.npmrc`);
    f.line('registry=https://registry.npmjs.org/\n@acme:registry=https://npm.pkg.github.com/');
    const token = pick([`npm_${alnum(36)}`, `ghp_${alnum(36)}`, alnum(36)]);
    f.item(`//npm.pkg.github.com/:_authToken=${token}`, token, 'npmrc-auth-token', 'secret');
    return f.done();
  }
  if (which === 'npmrc-auth') {
    const f = new FileBuilder(`${dir}/.npmrc`);
    const value = b64(`ci-bot:${humanPassword()}`);
    f.line('registry=https://nexus.internal.example/repository/npm/\nalways-auth=true');
    f.item(`_auth=${value}`, value, 'npmrc-basic-auth', 'secret');
    return f.done();
  }
  if (which === 'npmrc-template') {
    const f = new FileBuilder(`${dir}/.npmrc`);
    f.item('//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '${NPM_TOKEN}', 'template', 'decoy');
    return f.done();
  }
  if (which === 'yarnrc') {
    const f = new FileBuilder(`${dir}/.yarnrc.yml`);
    const token = alnum(40);
    f.line(
      'nodeLinker: node-modules\nnpmScopes:\n  acme:\n    npmRegistryServer: "https://npm.internal.example"',
    );
    f.item(`    npmAuthToken: "${token}"`, token, 'yarnrc-auth-token', 'secret');
    return f.done();
  }
  if (which === 'ci-npmrc') {
    const f = new FileBuilder(`${dir}/.github/workflows/publish.yml`);
    const token = alnum(36);
    f.line(
      'name: publish\non: [release]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4',
    );
    f.item(
      `      - run: echo "//registry.npmjs.org/:_authToken=${token}" > ~/.npmrc`,
      token,
      'npmrc-auth-token-in-ci',
      'secret',
    );
    f.line('      - run: npm publish');
    return f.done();
  }
  if (which === 'pypirc') {
    const f = new FileBuilder(`${dir}/.pypirc`);
    const pw = humanPassword();
    f.line(
      '[distutils]\nindex-servers =\n    internal\n\n[internal]\nrepository = https://pypi.internal.example/simple/\nusername = ci',
    );
    f.item(`password = ${pw}`, pw, 'pypirc-password', 'secret');
    return f.done();
  }
  if (which === 'netrc') {
    const f = new FileBuilder(`${dir}/.netrc`);
    const pw = alnum(int(30, 40));
    f.item(`machine git.internal.example login deploy password ${pw}`, pw, 'netrc-password', 'secret');
    return f.done();
  }
  if (which === 'docker-placeholder') {
    const f = new FileBuilder(`${dir}/docker/config.json`);
    const auth = b64('username:password');
    f.item(
      `{\n  "auths": {\n    "registry.internal.example": {\n      "auth": "${auth}"\n    }\n  }\n}`,
      auth,
      'placeholder-value',
      'decoy',
    );
    return f.done();
  }
  const f = new FileBuilder(`${dir}/docker/config.json`);
  const auth = b64(`robot$ci:${alnum(32)}`);
  f.item(
    `{\n  "auths": {\n    "registry.internal.example": {\n      "auth": "${auth}"\n    }\n  },\n  "credsStore": ""\n}`,
    auth,
    'docker-config-auth',
    'secret',
  );
  f.done();
}

function kubernetesFile(index) {
  const f = new FileBuilder(
    `${String(index).padStart(3, '0')}-k8s/${pick(['secret.yaml', 'manifests.yaml', 'db-credentials.yml'])}`,
  );
  f.line(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${word()}\nspec:\n  replicas: 2\n---`);
  const real = chance(0.7);
  f.line(
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${word()}-credentials\ntype: Opaque\ndata:\n  username: ${b64('app')}`,
  );
  if (real) {
    const pw = b64(humanPassword());
    f.item(`  password: ${pw}`, pw, 'kubernetes-secret-data', 'secret');
    const token = b64(alnum(40));
    f.item(`  api-token: ${token}`, token, 'kubernetes-secret-data', 'secret');
    if (chance(0.5)) {
      const plain = humanPassword();
      f.line('stringData:');
      f.item(`  SMTP_PASSWORD: "${plain}"`, plain, 'kubernetes-secret-stringdata', 'secret');
    }
  } else {
    const placeholder = b64(pick(['changeme', 'password', 'admin', '']));
    f.item(`  password: ${placeholder}`, `password: ${placeholder}`, 'kubernetes-placeholder', 'decoy');
    f.item('  token: "{{ .Values.token | b64enc }}"', '{{ .Values.token | b64enc }}', 'template', 'decoy');
  }
  f.line('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:');
  const cm = b64(alnum(24));
  f.item(`  cache_key: ${cm}`, cm, 'configmap-value', 'decoy');
  f.done();
}

function gcpServiceAccountFile(index) {
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-gcp/service-account.json`);
  const body = pemLines(derBody(1190)).join('\\n');
  const block = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n`;
  f.line(
    `{\n  "type": "service_account",\n  "project_id": "${word()}-prod",\n  "private_key_id": "${hex(40)}",`,
  );
  f.item(`  "private_key": "${block}",`, block, 'gcp-service-account', 'secret');
  f.line(
    `  "client_email": "deploy@${word()}-prod.iam.gserviceaccount.com",\n  "client_id": "${digits(21)}",\n  "token_uri": "https://oauth2.googleapis.com/token"\n}`,
  );
  f.done();
}

function azureFile(index) {
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-azure/appsettings.json`);
  const key = `${b64bytes(64)}`;
  const sas = encodeURIComponent(b64bytes(32));
  const sbKey = b64bytes(32);
  f.line('{\n  "ConnectionStrings": {');
  f.item(
    `    "Storage": "DefaultEndpointsProtocol=https;AccountName=acme${word()};AccountKey=${key};EndpointSuffix=core.windows.net",`,
    key,
    'azure-storage-account-key',
    'secret',
  );
  f.item(
    `    "Bus": "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}",`,
    sbKey,
    'azure-service-bus-key',
    'secret',
  );
  f.item(
    `    "Backup": "https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${sas}",`,
    sas,
    'azure-sas-signature',
    'secret',
  );
  const emulator = [
    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UV',
    'ErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  ].join('');
  f.item(
    `    "Local": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${emulator};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"`,
    emulator,
    'documented-example',
    'decoy',
  );
  f.line('  }\n}');
  f.done();
}

function lockfile(index) {
  const which = pick(['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock']);
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-lock/${which}`);
  const integrity = () => `sha512-${b64bytes(64)}`;
  const names = ['tokens', 'secret-handshake', 'passport-jwt', 'key-tree', 'auth0-js', 'credential-store'];
  if (which === 'package-lock.json') {
    f.line('{\n  "name": "app",\n  "lockfileVersion": 3,\n  "packages": {');
    for (const name of names.slice(0, int(3, 6))) {
      const value = integrity();
      f.line(
        `    "node_modules/${name}": {\n      "version": "${int(1, 9)}.${int(0, 20)}.${int(0, 9)}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",`,
      );
      f.item(`      "integrity": "${value}"`, value, 'integrity', 'decoy');
      f.line('    },');
    }
    f.line('    "": {}\n  }\n}');
  } else if (which === 'pnpm-lock.yaml') {
    f.line("lockfileVersion: '9.0'\n\npackages:\n");
    for (const name of names.slice(0, int(3, 6))) {
      const value = integrity();
      f.item(
        `  ${name}@1.${int(0, 9)}.0:\n    resolution: {integrity: ${value}}`,
        value,
        'integrity',
        'decoy',
      );
    }
  } else {
    f.line('# yarn lockfile v1\n');
    for (const name of names.slice(0, int(3, 6))) {
      const value = integrity();
      f.item(
        `${name}@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/${name}/-/${name}-1.0.0.tgz#${hex(40)}"\n  integrity ${value}`,
        value,
        'integrity',
        'decoy',
      );
    }
  }
  f.done();
}

function testFile(index) {
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-tests/auth.test.ts`);
  f.line("import { describe, expect, it } from 'vitest';\n\ndescribe('auth', () => {");
  const fakes = [
    ['test-fake', `  const token = 'ghp_${'0'.repeat(36)}';`, `ghp_${'0'.repeat(36)}`],
    ['test-fake', `  const key = "AKIA${'TEST'.repeat(4)}";`, `AKIA${'TEST'.repeat(4)}`],
    [
      'test-fake',
      "  const slack = 'xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx';",
      'xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    ['test-fake', "  const password = 'correct-horse-battery-staple';", 'correct-horse-battery-staple'],
    ['test-fake', `  const secret = 'test-secret-${'x'.repeat(12)}';`, `test-secret-${'x'.repeat(12)}`],
    ['test-fake', "  const apiKey = 'sk_test_' + 'x'.repeat(24);", "'sk_test_' + 'x'.repeat(24)"],
  ];
  for (const [kind, line, value] of fakes.filter(() => chance(0.6))) f.item(line, value, kind, 'decoy');
  f.line("  it('signs in', () => expect(true).toBe(true));\n});");
  f.done();
}

function docsFile(index) {
  const f = new FileBuilder(`${String(index).padStart(3, '0')}-docs/configuration.md`);
  f.line('# Configuration\n\n| Variable | Description |\n| --- | --- |');
  f.item('| `API_KEY` | Your API key, e.g. `sk_live_...` |', 'sk_live_...', 'placeholder-value', 'decoy');
  f.item(
    '| `DB_PASSWORD` | Database password (default: `postgres`) |',
    '`postgres`',
    'placeholder-value',
    'decoy',
  );
  f.line('\nExample `.env`:\n\n```sh');
  f.item('API_KEY=<your-api-key>', '<your-api-key>', 'template', 'decoy');
  f.item(
    'SECRET_KEY=replace-with-a-long-random-string',
    'replace-with-a-long-random-string',
    'placeholder-value',
    'decoy',
  );
  f.item(
    'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'placeholder-provider-token',
    'decoy',
  );
  f.line('```\n\nA logo for the README:\n');
  const img = `data:image/png;base64,iVBORw0KGgo${b64bytes(600)}`;
  f.item(`![logo](${img})`, img, 'data-uri', 'decoy');
  f.done();
}

// ---------------------------------------------------------------------------------------------

const total = Number(args.files);
for (let i = 0; i < total; i++) {
  const roll = random();
  if (roll < 0.56) buildFormatFile(i);
  else if (roll < 0.65) privateKeyFile(i);
  else if (roll < 0.67) decoyKeyFile(i);
  else if (roll < 0.75) connectionFile(i);
  else if (roll < 0.82) registryFile(i);
  else if (roll < 0.87) kubernetesFile(i);
  else if (roll < 0.89) gcpServiceAccountFile(i);
  else if (roll < 0.91) azureFile(i);
  else if (roll < 0.95) lockfile(i);
  else if (roll < 0.98) testFile(i);
  else docsFile(i);
}

const out = path.resolve(args.out);
rmSync(out, { recursive: true, force: true });
for (const file of files) {
  const target = path.join(out, file.name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.text);
}
const secrets = labels.filter((l) => l.label === 'secret');
const kinds = new Set(secrets.map((l) => l.kind));
writeFileSync(
  path.join(out, '..', 'labels.json'),
  `${JSON.stringify({ seed: Number(args.seed), files: files.length, secrets: secrets.length, decoys: labels.length - secrets.length, secretKinds: kinds.size, labels }, null, 1)}\n`,
);
console.log(
  `corpus: ${files.length} files, ${secrets.length} secrets of ${kinds.size} kinds, ${labels.length - secrets.length} decoys → ${path.relative(root, out)}`,
);
