// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are data here (ignore lists, docs), not templates.
/**
 * What secretlint's recommended preset (@secretlint/secretlint-rule-preset-recommend 12.0.0)
 * reports, reproduced so that our rules leave those credentials to it: one credential, one finding,
 * under the preset's rule id. The patterns and plausibility checks below mirror the preset's own
 * (MIT, © azu); test/preset-overlap.test.ts runs the real preset on the same samples and fails when
 * a new preset version drifts from them.
 */

export type Span = readonly [number, number];

// --- privatekey -------------------------------------------------------------------------------
const PEM =
  /-----BEGIN[ ]?(?:(?:RSA|DSA|EC|OPENSSH|PGP) )?PRIVATE KEY(?: BLOCK)?-----\n?([A-Za-z0-9+/=\s\\]{100,10000})\n?-----END[ ]?(?:(?:RSA|DSA|EC|OPENSSH|PGP) )?PRIVATE KEY(?: BLOCK)?-----/gm;

/** Spans of the PEM blocks the preset's privatekey rule reports. */
export function presetPrivateKeySpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PEM)) {
    const body = (m[1] ?? '').replace(/\s|\\n/g, '');
    if (!/^[A-Za-z0-9+/]+=*$/.test(body) || body.length < 100 || !/^(MI|b3BlbnNzaC1rZXktdjE)/.test(body))
      continue;
    const start = m.index ?? 0;
    spans.push([start, start + m[0].length]);
  }
  return spans;
}

/** The preset's gcp rule reports a whole `.json` service-account file that holds a private key. */
export function presetReportsGcpServiceAccount(text: string, path: string | undefined): boolean {
  if (path === undefined || !path.toLowerCase().endsWith('.json')) return false;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return (
      'private_key_id' in json &&
      'private_key' in json &&
      /-----BEGIN\s?(DSA|RSA|EC|PGP|OPENSSH)?\s?PRIVATE KEY/m.test(String(json.private_key))
    );
  } catch {
    return false;
  }
}

// --- database-connection-string and basicauth ----------------------------------------------------
const DB_PATTERNS: readonly RegExp[] = [
  /mongodb(?:\+srv)?:\/\/(?:(?<username>[^:/\s]{1,100}):(?<password>[^@/\s]{1,200})@)?(?<host>[^/\s?]{1,100})(?:\/(?<database>[^?\s]{0,100}))?(?:\?(?<options>[^\s]{0,500}))?/gi,
  /(?:jdbc:)?mysql(?:x)?:\/\/(?:(?<username>[^:/\s]{1,100}):(?<password>[^@/\s]{1,200})@)?(?<host>[^/\s?]{1,100})(?:\/(?<database>[^?\s]{0,100}))?(?:\?(?<options>[^\s]{0,500}))?/gi,
  /postgres(?:ql)?:\/\/(?:(?<username>[^:/\s]{1,100}):(?<password>[^@/\s]{1,200})@)?(?<host>[^/\s?]{1,100})(?:\/(?<database>[^?\s]{0,100}))?(?:\?(?<options>[^\s]{0,500}))?/gi,
];
const DB_IGNORED = [
  'localhost',
  '127.0.0.1',
  'example.com',
  'example.org',
  'test.com',
  'password',
  'username',
  'secret',
  'mypassword',
  'myusername',
  'root',
  'admin',
  'user',
  'pass',
  '{password}',
  '${password}',
  '{{password}}',
  '{username}',
  '${username}',
  '{{username}}',
  'YOUR_PASSWORD',
  'YOUR_USERNAME',
  'REPLACE_WITH_PASSWORD',
].map((s) => s.toLowerCase());
const DB_VARIABLE = [
  /\$\{[^}]{1,50}\}/,
  /\{\{[^}]{1,50}\}\}/,
  /\{[^}]{1,50}\}/,
  /%[A-Z_]{1,30}%/,
  /\$[A-Z_]{1,30}/,
  /\$\([^)]{1,50}\)/,
];

function dbPasswordLooksReal(password: string): boolean {
  if (password.length < 4) return false;
  if (DB_VARIABLE.some((re) => re.test(password))) return false;
  if (DB_IGNORED.includes(password.toLowerCase())) return false;
  return !/^(.)\1{3,}$/.test(password);
}

/** Spans of the connection strings the preset's database-connection-string rule reports. */
export function presetConnectionStringSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of DB_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const { username, password } = m.groups ?? {};
      if (!username || !password || !dbPasswordLooksReal(password)) continue;
      const start = m.index ?? 0;
      spans.push([start, start + m[0].length]);
    }
  }
  return spans;
}

const BASIC_AUTH =
  /(?<protocol>(?:https?|ftp|ftps)):\/\/(?<user>[-a-zA-Z0-9_]{1,256}):(?<password>[-a-zA-Z0-9_]{1,256})@[-a-zA-Z0-9%._+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b/g;
const BASIC_IGNORED = [
  'localhost',
  '127.0.0.1',
  'password',
  'mypassword',
  'myusername',
  '{password}',
  '${password}',
  '{{password}}',
  '{username}',
  '${username}',
  '{{username}}',
  'YOUR_PASSWORD',
  'YOUR_USERNAME',
  'REPLACE_WITH_PASSWORD',
  'REPLACE_WITH_USERNAME',
].map((s) => s.toLowerCase());
const BASIC_VARIABLE = [
  /\$\{[^}]{1,50}\}/,
  /\{\{[^}]{1,50}\}\}/,
  /\{[^}]{1,50}\}/,
  /%[A-Z_]{1,30}%/,
  /\$[A-Z_]{1,30}/,
];

function basicPartLooksReal(part: string, minimum: number, repeated: boolean): boolean {
  if (part.length < minimum) return false;
  if (BASIC_VARIABLE.some((re) => re.test(part))) return false;
  if (BASIC_IGNORED.some((word) => part.toLowerCase().includes(word))) return false;
  return !(repeated && /^(.)\1{3,}$/.test(part));
}

/** Spans of the URLs the preset's basicauth rule reports. */
export function presetBasicAuthSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(BASIC_AUTH)) {
    const { user, password } = m.groups ?? {};
    if (!user || !password) continue;
    if (!basicPartLooksReal(user, 2, false) || !basicPartLooksReal(password, 4, true)) continue;
    const start = m.index ?? 0;
    spans.push([start, start + m[0].length]);
  }
  return spans;
}

// --- aws and npm -----------------------------------------------------------------------------------
const AWS_SECRET =
  /["']?(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})["']?\b/dg;

/** Value spans of `AWS_SECRET_ACCESS_KEY = <40 chars>` assignments (the preset's aws rule). */
export function presetAwsSecretSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(AWS_SECRET)) {
    const span = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.[1];
    if (span !== undefined) spans.push([span[0], span[1]]);
  }
  return spans;
}

/** Value spans of `_authToken=…` that the preset's npm rule reports (only in files named `.npmrc`). */
export function presetNpmrcAuthTokenSpans(text: string, path: string | undefined): Span[] {
  if (path === undefined) return [];
  if (path.endsWith('package.json') || path.endsWith('package-lock.json') || !path.endsWith('.npmrc'))
    return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(/_authToken=([^$].*)/dg)) {
    const span = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.[1];
    if (span !== undefined) spans.push([span[0], span[1]]);
  }
  return spans;
}

// --- openai ---------------------------------------------------------------------------------------
const OPENAI =
  /sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\b|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20}/g;

/** Spans of the OpenAI keys the preset reports. */
export function presetOpenAiSpans(text: string): Span[] {
  return [...text.matchAll(OPENAI)].map((m): Span => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

// --- sendgrid -------------------------------------------------------------------------------------
const SENDGRID = /(?<!\p{L})SG\.\w{1,128}\.\w{1,128}([-_]?)\w{1,128}(?!\w)/gu;

/** Spans of SendGrid keys the preset reports: its pattern, and exactly 69 characters. */
export function presetSendgridSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SENDGRID)) {
    if (m[0].length !== 69) continue;
    const start = m.index ?? 0;
    spans.push([start, start + 69]);
  }
  return spans;
}

// --- provider tokens ---------------------------------------------------------------------------------
/**
 * The preset's token formats, for rules that judge a free-form value (generic assignments,
 * Kubernetes Secret values): a value containing one of these is the preset's to report.
 */
export const PRESET_TOKEN_PATTERNS: readonly RegExp[] = [
  /\b(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}\b/,
  /\b(?:xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-(?:\d-)?(?:[a-zA-Z0-9]{1,40}-)+[a-zA-Z0-9]{1,40}\b/,
  /https:\/\/hooks\.slack\.com\/services\/T[a-zA-Z0-9]{1,40}\/B[a-zA-Z0-9]{1,40}\/[a-zA-Z0-9]{1,40}/i,
  /sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20}/,
  /sk-ant-api0\d-[A-Za-z0-9_-]{90,128}AA/,
  /gsk_[a-zA-Z0-9]{52}/,
  /hf_[a-zA-Z]{34}/,
  /lin_api_[a-zA-Z0-9_]{32,128}/,
  /ntn_[0-9]{11}[A-Za-z0-9]{35}/,
  /SG\.\w{1,128}\.\w{1,128}/,
  /(?:shppa|shpca|shpat|shpss)_[a-zA-Z0-9]{32,64}/,
  /(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}/,
  /github_pat_[A-Za-z0-9_]{82}/,
  /glpat-[A-Za-z0-9_-]{20,128}/,
  /glc_[A-Za-z0-9+/]{32,400}/,
  /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}/,
  /ops_ey[A-Za-z0-9+/=]{100,1280}fQ/,
  /hv[sbr]\.[A-Za-z0-9_-]{90,300}/,
  /(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}/,
  /dapi[A-Fa-f0-9]{32}/,
  /dckr_pat_[a-zA-Z0-9_-]{27}/,
  /figd_[A-Za-z0-9_-]{40,200}/,
  /npm_[A-Za-z0-9_]{36}/,
];
