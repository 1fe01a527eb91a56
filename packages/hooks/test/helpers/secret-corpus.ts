/**
 * Generated test data for the secret engine: credentials shaped for every rule of secretlint's
 * recommended preset, near misses for each, and ordinary text. Everything is built from a seeded
 * generator at run time, so no credential-shaped literal sits in this repository (its own hook
 * scans it) and every run sees the same data.
 */

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';

export class Gen {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  alnum(n: number): string {
    return this.chars(ALNUM, n);
  }
}

// Prefixes split so that this file holds no token prefix followed by a token body.
const p = (...parts: string[]) => parts.join('');

/** One credential per preset detector, each in a typical line. */
export function credentialLines(g: Gen): string[] {
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const opsJson = () => {
    // The 1Password rule wants base64 of a JSON object ending in `fQ` (`}`) padding.
    let json = JSON.stringify({
      email: `${g.alnum(12)}@example.invalid`,
      secretKey: g.alnum(60),
      k: g.alnum(30),
    });
    while (base64(json).replace(/=+$/, '').slice(-2) !== 'fQ') json = `${json.slice(0, -1)} }`;
    return base64(json);
  };
  return [
    `const id = "${p('AK', 'IA')}${g.chars(UPPER + DIGITS, 16)}";`,
    `${g.pick(['AWS_SECRET_ACCESS_KEY=', "aws_secret_access_key: '", 'SecretAccessKey => "', 'secretaccesskey =\n  '])}${g.chars(`${ALNUM}/+`, 39)}${g.alnum(1)}`,
    `${g.pick(['"aws_account_id": "', 'AWS_ACCOUNT=', "Account => '", 'accountId:\n\t', 'AwsAccountID = '])}${g.chars(DIGITS, 4)}${g.pick(['-', ''])}${g.chars(DIGITS, 4)}-${g.chars(DIGITS, 4)}"`,
    `npm_token = ${p('np', 'm_')}${g.alnum(36)}`,
    `url: "https://${g.chars(LOWER, 6)}:${g.alnum(12)}@${g.chars(LOWER, 8)}.example.io/x"`,
    `SLACK=${p('xo', 'xb-')}${g.chars(DIGITS, 11)}-${g.alnum(24)}`,
    `hook: https://${p('hooks.sl', 'ack.com')}/services/T${g.alnum(9)}/B${g.alnum(9)}/${g.alnum(24)}`,
    `SENDGRID=${p('S', 'G.')}${g.alnum(22)}.${g.alnum(43)}`,
    `shop: ${p('shp', 'at_')}${g.alnum(32)}`,
    `token: ${p('gh', 'p_')}${g.alnum(36)}`,
    `fine: ${p('github', '_pat_')}${g.alnum(82)}`,
    `gitlab = "${p('glp', 'at-')}${g.alnum(20)}"`,
    `grafana: ${p('gl', 'c_')}${g.alnum(40)}`,
    `grafana_sa: ${p('gl', 'sa_')}${g.alnum(32)}_${g.chars(HEX, 8)}`,
    `OPENAI=${p('s', 'k-')}${g.alnum(20)}${p('T3Blbk', 'FJ')}${g.alnum(20)}`,
    `ANTHROPIC=${p('sk-ant-', 'api03-')}${g.chars(`${ALNUM}_-`, 93)}AA`,
    `GROQ=${p('gs', 'k_')}${g.alnum(52)}`,
    `HF=${p('h', 'f_')}${g.chars(UPPER + LOWER, 34)}`,
    `LINEAR=${p('lin_', 'api_')}${g.alnum(40)}`,
    `NOTION=${p('nt', 'n_')}${g.chars(DIGITS, 11)}${g.alnum(35)}`,
    `OP=${p('op', 's_')}${opsJson()}`,
    `MONGO=${p('mongo', 'db')}://app${g.int(9)}:${g.alnum(14)}@db.${g.chars(LOWER, 5)}.io:27017/app`,
    `MYSQL=${p('my', 'sql')}://svc:${g.alnum(14)}@mysql.${g.chars(LOWER, 5)}.io/app`,
    `PG=${p('post', 'gresql')}://svc:${g.alnum(14)}@pg.${g.chars(LOWER, 5)}.io/app`,
    `VAULT=${p('hv', 's.')}${g.chars(`${ALNUM}_-`, 96)}`,
    `VERCEL=${p('vc', 'p_')}${g.alnum(24)}`,
    `DATABRICKS=${p('da', 'pi')}${g.chars(HEX, 32)}`,
    `DOCKER=${p('dckr', '_pat_')}${g.chars(`${ALNUM}_-`, 27)}`,
    `FIGMA=${p('fig', 'd_')}${g.chars(`${ALNUM}_-`, 44)}`,
    privateKeyBlock(g),
  ];
}

export function privateKeyBlock(g: Gen): string {
  const body = `MII${g.chars(`${ALNUM}+/`, 253)}`;
  const lines = body.match(/.{1,64}/g)!.join('\n');
  return `${p('-----BEGIN RSA PRIV', 'ATE KEY-----')}\n${lines}\n${p('-----END RSA PRIV', 'ATE KEY-----')}`;
}

/** Text that carries keywords (or near-keywords) without being a credential. */
export function nearMissLines(g: Gen): string[] {
  return [
    `// the ${p('AK', 'IA')} prefix marks an access key id; ${p('ak', 'ia')}${g.chars(LOWER, 16)} is not one`,
    `const account = accountService.get(${g.int(100)}); // account_id: pending`,
    `secret_access_key: \${AWS_SECRET}`,
    `see https://example.com/docs and http://localhost:8080/health`,
    `mongodb://localhost:27017/test postgres://user:password@localhost/db`,
    `const msg.${g.chars(LOWER, 5)} = ${p('S', 'G.')}short.value;`,
    `${p('xg', 'hp_')}${g.alnum(36)} glued to a letter; ${p('gh', 'p_')}tooShort`,
    `${p('-----BEGIN PRIV', 'ATE KEY-----')}\n...\n${p('-----END PRIV', 'ATE KEY-----')}`,
    `npm_config_registry=https://registry.npmjs.org/ _authToken=\${NPM_TOKEN}`,
    `canvas.width = ASIA_PACIFIC; // anva, dapi, hvs., ntn_ and hf_ in prose`,
    `Ｋｅｙ＝ünïcödé ${p('gh', 'p_')}ünicode-not-a-token ${'\u2028'}line`,
  ];
}
