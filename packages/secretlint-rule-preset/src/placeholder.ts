/**
 * Is this value a stand-in rather than a credential? One module for every rule of this pack and for
 * the hooks check, which also runs `isPlaceholderCredential` over the findings of secretlint's own
 * preset (its GitHub and Slack rules fire on `ghp_XXXX…` and `xoxb-your-bot-token`).
 *
 * Two levels, because the evidence differs:
 * - `isPlaceholderCredential` judges values already in a provider's exact format, so it only uses
 *   markers an issued token practically never contains: template markup, a run of six equal
 *   characters, `xxxxx`, `***`, `...`, words such as `example`/`placeholder`/`your`, ascending
 *   runs such as `123456`/`abcdef`, a short unit repeated, and values copied from provider docs.
 *   A random body hits one of these with odds around one in ten thousand. Words like `fake` or
 *   `test` are NOT markers here: `sk_test_` is a real Stripe prefix, and a random-looking value that
 *   merely spells FAKE somewhere is still a well-formed credential.
 * - `isPlaceholderValue` judges values of the generic rule, which have no format to vouch for them:
 *   it adds stopwords (`changeit`, `insecure`, `dev`, `foo`…), and shapes that are not secrets at
 *   all (booleans, numbers, UUIDs, URLs, file paths, e-mail addresses, identifiers, prose).
 */

// Documentation examples: a real credential is never one of these. Some are assembled from parts so
// that this file does not itself look like a credential to scanners that lack this list.
const AWS_DOC_KEY_ID_2 = `AKIAI44QH8DHB${'EXAMPLE'}`;
const STRIPE_DOC_KEY = `sk_${'test'}_4eC39HqLyjWDarjtT1zdp7dc`;
const GITHUB_DOC_TOKEN = `ghp_${'16C7e42F292c6912E7710c838347Ae178B4a'}`;
const SLACK_DOC_TOKEN = `xoxb-${'17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy'}`;
const TELEGRAM_DOC_TOKEN = `110201543:${'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'}`;
const ONEPASSWORD_DOC_SECRET_KEY = ['A3', 'C4ZJMN', 'PQTZTL', 'HGL84', 'G64M7', 'KVZRN', '4ZVP6'].join('-');
// Example credentials of the OAuth RFCs (5849, 6749, 6750) and OpenID Connect Core, quoted in the
// docstrings of every OAuth library.
const OAUTH_RFC_EXAMPLES = [
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'mF_9.B5f-4.1JqM',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  's6BhdRkqt3',
  'gX1fBat3bV',
  'SplxlOBeZQQYbYS6WxSbIA',
  'SlAV32hkKG',
  '8xLOxBtZp8',
  'dkj3ds8sdf9sd8f',
  'ad180jjd733klru7',
  '0685bd9184jfhq22',
  'kd94hf93k423kf44',
  'pfkkdhi9sl3r4s00',
  'hh5s93j4hdidpola',
  'hdk48Djdsa',
  'nnch734d00sl2jdk',
];

const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  AWS_DOC_KEY_ID_2,
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  STRIPE_DOC_KEY,
  GITHUB_DOC_TOKEN,
  SLACK_DOC_TOKEN,
  TELEGRAM_DOC_TOKEN,
  ONEPASSWORD_DOC_SECRET_KEY,
  ...OAUTH_RFC_EXAMPLES,
]);

// Distinctive beginnings of documented examples. A value that starts with one was copied from the
// documentation and edited (an issued key matching 20 given characters is not going to happen).
const DOCUMENTED_PREFIXES: readonly string[] = [
  'wJalrXUtnFEMI/K7MDENG', // AWS secret access key in the AWS docs
  'je7MtGbClwBF/2Zp9Utk', // another AWS docs secret key
  'AKIAIOSFODNN7', // AWS docs access key id
  // jwt.io's default token: {"alg":"HS256","typ":"JWT"}.{"sub":"1234567890","name":"John Doe",…}
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIi',
  // PyJWT's README token: {"some":"payload"} signed with "secret"
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9',
  // Azurite / Azure Storage Emulator's published account key (devstoreaccount1)
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
];

/** A value copied from provider documentation (exactly, or edited after a documented prefix). */
export function isDocumentedExample(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value)) return true;
  return DOCUMENTED_PREFIXES.some((prefix) => value.startsWith(prefix));
}

/** Template or variable markup: `${X}`, `{{ x }}`, `$(cmd)`, `#{x}`, `<%= x %>`, `<your-key>`, `%X%`, `$X`. */
export function hasTemplateMarkup(value: string): boolean {
  return (
    /\$\{|\{\{|\}\}|\$\(|#\{|<%|%>|\[\[|\]\]/.test(value) ||
    /<[^<>\s][^<>]{0,80}>/.test(value) ||
    /(?:^|[^A-Za-z0-9%])%[A-Za-z_][A-Za-z0-9_]{1,60}%(?![A-Za-z0-9])/.test(value) ||
    /^\$[A-Za-z_]/.test(value) ||
    /^@[A-Z][A-Z0-9_]{1,60}@$/.test(value) ||
    /^__[A-Z][A-Z0-9_]{1,60}__$/.test(value)
  );
}

/** Six or more ascending or descending consecutive digits or letters: `123456`, `abcdef`, `987654`. */
export function hasSequentialRun(value: string, minimum = 6): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const prev = value.charCodeAt(i - 1) | 0x20;
    const cur = value.charCodeAt(i) | 0x20;
    const prevClass = charClass(value.charCodeAt(i - 1));
    const sameClass = prevClass !== 0 && prevClass === charClass(value.charCodeAt(i));
    up = sameClass && cur === prev + 1 ? up + 1 : 1;
    down = sameClass && cur === prev - 1 ? down + 1 : 1;
    if (up >= minimum || down >= minimum) return true;
  }
  return false;
}

/** 1 digit, 2 letter, 0 anything else. */
function charClass(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 2;
  return 0;
}

// Words that mark a stand-in wherever they appear (five letters or more: a random body spells one
// with negligible odds).
const MARKER_WORDS =
  /example|placeholder|dummy|redacted|changeme|change_me|change-me|sample|replace_?me|insert_?(?:your|key|token|here)|not_?a_?real|qwerty|asdfgh|zxcvbn/i;
// Short words that mark a stand-in only as a separate word (`your-token`, `token-here`). Digits do
// not separate words here: a long random body spells `4tbd9` now and then.
const MARKER_SHORT_WORDS = /(?:^|[^A-Za-z0-9])(?:your|here|todo|fixme|tbd)(?:[^A-Za-z0-9]|$)/i;

/**
 * For a value already in a provider's format (or a token-like value in general): does it carry a
 * placeholder marker? See the module comment for the list and why each is safe.
 */
export function isPlaceholderToken(value: string, options: { anyMarkupCharacter?: boolean } = {}): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (isDocumentedExample(v)) return true;
  // Provider formats never contain `<>{}`; passwords may, so callers judging passwords opt out.
  if (hasTemplateMarkup(v) || (options.anyMarkupCharacter !== false && /[<>{}]/.test(v))) return true;
  if (/(.)\1{5,}/.test(v)) return true; // a run of six equal characters (`0000000`, `AAAAAA`)
  if (/x{5,}/i.test(v) || /(?:^|[^A-Za-z0-9])x{3,}(?:[^A-Za-z0-9]|$)/i.test(v)) {
    return true;
  }
  if (/\*{3,}|\.{3,}|…|•{3,}/.test(v)) return true;
  if (MARKER_WORDS.test(v) || MARKER_SHORT_WORDS.test(v)) return true;
  if (hasSequentialRun(v)) return true;
  if (/(.{2,4})\1{3,}/.test(v)) return true; // `abababab`, `12341234…`
  return false;
}

// Passwords that are defaults or stand-ins when found in a URL or a registry config.
const DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([
  'admin',
  'administrator',
  'changeit',
  'default',
  'guest',
  'letmein',
  'mongo',
  'mysql',
  'pass',
  'passw0rd',
  'password',
  'password1',
  'postgres',
  'pwd',
  'rabbitmq',
  'redis',
  'root',
  'sa',
  'secret',
  'test',
  'toor',
  'user',
]);

const PLACEHOLDER_USERS: ReadonlySet<string> = new Set([
  'user',
  'username',
  'myuser',
  'someuser',
  'foo',
  'alice',
  'bob',
  'john',
  'jdoe',
  'me',
  'name',
  'login',
]);

/** Does this user:password pair (from a URL or a registry auth entry) look made up? */
export function isPlaceholderPassword(user: string, password: string): boolean {
  const p = safeDecodeURIComponent(password);
  if (p.length < 4) return true;
  if (hasTemplateMarkup(p) || hasTemplateMarkup(user) || /^\$/.test(p)) return true;
  const u = safeDecodeURIComponent(user).toLowerCase();
  if (p.toLowerCase() === u) return true;
  // Documentation pairs: `user:he%2F%2Fo`, `alice:s3cret`. A real account is rarely called `user`,
  // and when it is, its password is not five characters long.
  if (PLACEHOLDER_USERS.has(u) && p.length < 12) return true;
  if (DEFAULT_PASSWORDS.has(p.toLowerCase())) return true;
  if (/^(?:my|your)[-_]?(?:pass|pw|secret|token|key)/i.test(p)) return true; // `mypass`, `your_pw`
  if (/password|passwd|secret/i.test(p)) return true;
  return isPlaceholderToken(p, { anyMarkupCharacter: false });
}

function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A private-key block or a PuTTY key's private lines: placeholder when the body is not base64
 * (`...`, `<your key>`), is too short to be a key, or is filled with one character. DER and
 * OpenSSH encodings legitimately contain runs of `A` (zero bytes), so only very long runs count.
 */
export function isPlaceholderKeyBlock(block: string): boolean {
  const body = keyBlockBody(block);
  if (body.length < 40) return true;
  if (!/^[A-Za-z0-9+/=]+$/.test(body)) return true;
  if (/(.)\1{19,}/.test(body) || /x{8,}/i.test(body)) return true;
  return MARKER_WORDS.test(body);
}

/** The base64 of a key block: headers, armour lines, line breaks and escaped newlines removed. */
export function keyBlockBody(block: string): string {
  const lines = block
    // escaped newlines of keys inside JSON / code strings
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) => line !== '' && !line.startsWith('-----') && !/^[A-Za-z][A-Za-z0-9-]{0,40}:\s/.test(line),
    );
  // PGP armour ends with a `=XXXX` checksum line; leave it out of the body.
  const last = lines[lines.length - 1];
  if (last !== undefined && /^=[A-Za-z0-9+/]{4}$/.test(last)) lines.pop();
  // Keys pasted into code are often string concatenations: drop quotes, `+`, commas and backslashes.
  return lines.join('').replace(/["'`+,;\\]/g, '');
}

/** Multi-line base64 (a PuTTY key's private lines, a bare PEM body). */
function isBase64Lines(value: string): boolean {
  return /\n/.test(value) && /^[A-Za-z0-9+/=\s]+$/.test(value);
}

const URL_CREDENTIAL = /^[A-Za-z][A-Za-z0-9+.:-]{0,40}:\/\/([^\s:@/]*):([^\s@/]*)@/;

/**
 * The filter the hooks check applies to every secret finding (this pack's and secretlint's
 * preset's), given the finding's value. True means "drop it: a stand-in, not a credential".
 * Whole documents (a service-account JSON reported as one finding) are not judged here.
 */
export function isPlaceholderCredential(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (isDocumentedExample(v)) return true;
  if (v.includes('-----BEGIN') || isBase64Lines(v)) return isPlaceholderKeyBlock(v);
  if (/[\r\n]/.test(v) || v.length > 4096) return false;
  if (hasTemplateMarkup(v)) return true;
  if (v.startsWith('{')) return false;
  const url = URL_CREDENTIAL.exec(v);
  if (url !== null) return isPlaceholderPassword(url[1] ?? '', url[2] ?? '');
  // `"${NPM_TOKEN}"`: quotes kept by a rule that reads to the end of the line.
  const unquoted = v.replace(/^(["'`])(.*)\1$/, '$2');
  return isPlaceholderToken(unquoted);
}

// ---------------------------------------------------------------------------------------------
// Generic values: no format vouches for them, so stopwords and non-secret shapes count too.

// Stopwords anywhere in the value (five letters or more, or unambiguous).
const GENERIC_WORDS =
  /passw(?:or)?d|passw0rd|secret|changeit|change_?this|default|insecure|notasecret|letmein|localhost|testing|development|foobar|lorem|ipsum|hunter2|welcome1|abc123|geheim|passwort|kennwort|motdepasse|contrase|senha/i;
// Stopwords as separate words (`test-key`, `dev_token`). In short values digits separate words too
// (`test123`, `admin1`); in long ones they do not, because random strings spell `9abc1` now and then.
const SHORT_WORDS =
  '(?:test|demo|fake|mock|stub|dev|local|foo|bar|baz|qux|abc|xyz|none|null|nil|temp|tmp|pass|pwd|token|key|admin|user|root|guest|string|value|empty|blank|unset|invalid|sandbox|staging)';
const GENERIC_SHORT_WORDS = new RegExp(`(?:^|[^A-Za-z0-9])${SHORT_WORDS}(?:[^A-Za-z0-9]|$)`, 'i');
const GENERIC_SHORT_WORDS_LOOSE = new RegExp(`(?:^|[^A-Za-z])${SHORT_WORDS}(?:[^A-Za-z]|$)`, 'i');

function hasGenericStopword(v: string): boolean {
  if (/^[0-9a-f]+$/i.test(v)) return false; // hex spells words by chance (`deadbeef`, `9abc1`)
  if (GENERIC_WORDS.test(v) || GENERIC_SHORT_WORDS.test(v)) return true;
  return v.length < 20 && GENERIC_SHORT_WORDS_LOOSE.test(v);
}

// Type names and keywords: `password: string`, `token: Optional[str]`, `secret: SecretStr`.
const TYPE_NAMES: ReadonlySet<string> = new Set([
  'any',
  'bool',
  'boolean',
  'byte[]',
  'bytes',
  'char[]',
  'hidden',
  'int',
  'integer',
  'number',
  'object',
  'optional',
  'password',
  'readonly',
  'required',
  'secretstr',
  'securestring',
  'str',
  'string',
  'text',
  'varchar',
]);

const NOT_A_SECRET_SHAPES: readonly RegExp[] = [
  /^(?:true|false|yes|no|on|off|null|nil|none|undefined|nan|empty)$/i,
  /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i, // numbers
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i, // integrity / digest strings
  /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//, // URLs (credentialed ones are the connection-string rule's)
  /^[\w./@-]+\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|properties|gpg|asc|pub)$/i,
  /^[A-Za-z]:\\/, // Windows paths
  /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/, // e-mail addresses
  /^(?:process\.env|os\.environ|os\.getenv|getenv|ENV\[|ENV\.fetch|System\.getenv|Environment\.GetEnvironmentVariable|env\(|secrets\.|vault\(|ssm:|arn:)/i,
  /^[\w$.]+\(/, // function calls: secret('db'), getToken(), f.encrypt(b"…
  // Format strings: two printf verbs (one `%d` is a password's luck), or a named / positional field.
  /%[sdif]\b.*%[sdif]\b|%\([A-Za-z_]\w{0,40}\)[sdif]|\{\d?\}/,
  /\(\?[:=!<]|\\[dswbDSWB]|\[\^/, // regular expressions: `(?=…`, `\d`, `[^…`
  /^[A-Za-z]+(?:\|[A-Za-z]+)+$/, // enumerations in docs: `true|false`, `md5|scram`
  /(?:^|[^\d.])\d{1,4}\.\d{1,4}\.\d{1,4}(?:[^\d.]|$)/, // versions and addresses: `jjwt-jackson-0.11.2`, `10.0.0.1`
  /^!(?:Ref|Sub|GetAtt|ImportValue|Join|Select|vault|secret)\b/, // YAML tags
];

/** A value shaped like something other than a secret: see NOT_A_SECRET_SHAPES. */
export function isNonSecretShape(value: string): boolean {
  return NOT_A_SECRET_SHAPES.some((re) => re.test(value)) || isFilePath(value);
}

/**
 * `/run/secrets/db_password`, `./certs/dev/key.pem`, `~/.ssh/id_ed25519`: slash-separated names.
 * Base64 also has slashes, so every segment must read as a name (words, or a file name with an
 * extension), which random base64 segments (`OYHzizLt9`) do not.
 */
export function isFilePath(value: string): boolean {
  if (!/^(?:~|\.{1,2})?\/?[\w.@~-]+(?:\/[\w.@~-]*)+$/.test(value)) return false;
  return value
    .split('/')
    .filter((segment) => segment !== '' && segment !== '~' && segment !== '.' && segment !== '..')
    .every(
      (segment) =>
        /^[\w-]{1,40}\.[A-Za-z0-9]{1,8}$/.test(segment) ||
        /^[a-z0-9_-]{1,40}$/.test(segment) ||
        isWordy(segment),
    );
}

/**
 * Words glued into an identifier (`accessToken`, `DB_PASSWORD_FILE`, `secrets.githubToken`): a
 * reference to a secret, not a secret. Random strings split into short chunks (`aZ3kLm9Q`) and fail.
 */
export function isIdentifierLike(value: string): boolean {
  // Leading sigils of selectors and grammar names: `?InterpolationInTemplate`, `#submit-button`.
  // No `$` inside: in a value it is a password's symbol far more often than part of a name.
  const v = value.replace(/^[?#@:!.]{1,2}/, '');
  if (!/^[A-Za-z_][\w]*(?:[.:/-][A-Za-z_][\w]*)*$/.test(v)) return false;
  if (!isWordy(v)) return false;
  // Lower-case words joined by separators (`always-impersonate`, `correct-horse-battery-staple`).
  if (/^[a-z]{3,}(?:[-_.][a-z]{3,})+$/.test(v)) return true;
  // Otherwise the shape alone lets about 1 random string in 100 through (`nkitXtSafy`): names
  // also use words.
  const words = v.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  return words.some((w) => isCommonWord(w.toLowerCase()));
}

function isCommonWord(word: string): boolean {
  if (COMMON_WORDS.has(word)) return true;
  // Inflections: `imports`, `signing`, `compiled`, `authorization`, `providers`.
  const stem = word.replace(/(?:ization|ation|ing|ed|er|es|s)$/, '');
  return stem.length >= 3 && (COMMON_WORDS.has(stem) || COMMON_WORDS.has(`${stem}e`));
}

// Words of names that refer to secrets and settings (`accessToken`, `keyVaultName`,
// `DB_PASSWORD_FILE`, `?InterpolationInTemplate`). Plurals are matched too.
const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'access account acct action admin alias all always api app application arg auth authenticate author ' +
    'authorize backup base basic bearer delegate forward impersonate initiate proxy provide ' +
    'bot bucket build cache cert certificate client cloud code compiled config connection consumer content ' +
    'context cookie cred credential current custom data database default deploy dev development ' +
    'domain encrypt encryption end endpoint env environment error event expression extension external ' +
    'field file form from github gitlab google hash header hook host identity import in input ' +
    'integration interpolation internal issuer item jit key keyword label level line local login main ' +
    'manager master message method mode my name new next node null number oauth old option or order org ' +
    'organization other owner param paren pass passphrase password path payment personal pipeline ' +
    'placeholder port primary private prod production profile project prop property provider public ' +
    'queue read ref refresh region registry release remote repo request required reset resource response ' +
    'root salt sample secret secure server service session setting shared sign signing site slack source ' +
    'ssh ssl stage staging start state static storage store stripe string system table target team ' +
    'template tenant terminator test text the tls to token topic type update upload url user username ' +
    'value vault version web webhook write your'
  ).split(' '),
);

/**
 * Reads as words: split into chunks at case changes, digits and separators (`TokenOrValue` →
 * Token, Or, Value), lower-case chunks only at the start of a part (camelCase, snake_case),
 * at least one chunk of four letters or more, at most half the chunks of one or
 * two letters, no chunk longer than 14 letters, vowels in every chunk of three letters or more
 * (one upper-case acronym excepted), and at most two digits. Random strings split into many tiny
 * or vowelless chunks (`aZ3kLm9Q` → a, Z, 3, k, Lm, 9, Q; `tBv5KZWHQc…` → …, KZWH, hscg) and fail.
 */
function isWordy(text: string): boolean {
  let digits = 0;
  let letters = 0;
  let short = 0;
  let long = 0;
  let acronyms = 0;
  for (const part of text.split(/[._:/@~-]+/)) {
    const chunks = part.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
    let position = 0;
    let singles = 0;
    // In a mixed-case part, upper-case runs are acronyms: short, and one of them (`getHTTPClient`).
    const mixed = /[a-z]/.test(part);
    let capsRuns = 0;
    for (const [i, chunk] of chunks.entries()) {
      if (/^\d+$/.test(chunk)) {
        // Names end with their numbers (`sha256`, `oauth2`); random strings scatter digits.
        if (i < chunks.length - 1) return false;
        digits += chunk.length;
        continue;
      }
      if (chunk.length === 1 && ++singles > 1) return false;
      if (
        mixed &&
        chunk.length >= 2 &&
        chunk === chunk.toUpperCase() &&
        (chunk.length > 4 || ++capsRuns > 1)
      ) {
        return false;
      }
      // Five consonants in a row are not English (`lwfrrh`); `y` counts as a vowel.
      if (/[b-df-hj-np-tv-xz]{5}/i.test(chunk)) return false;
      // camelCase / PascalCase / snake_case: a lower-case chunk only starts a part (`tokenValue`,
      // not `xwQXQU7zj`).
      if (position++ > 0 && /^[a-z]/.test(chunk)) return false;
      letters++;
      if (chunk.length > 14) return false;
      if (chunk.length <= 2) short++;
      if (chunk.length >= 4) long++;
      // Words have vowels; random chunks (`hscg`, `RHJ`) mostly do not. One acronym (`SQL`) is fine.
      if (chunk.length >= 3 && !/[aeiouy]/i.test(chunk)) {
        if (chunk.length > 4 || chunk !== chunk.toUpperCase() || ++acronyms > 1) return false;
      }
    }
  }
  return letters > 0 && digits <= 2 && long > 0 && short * 2 <= letters;
}

/** Words and spaces (an i18n label, a sentence): `Password`, `Mot de passe`, `Enter your token`. */
export function isProse(value: string): boolean {
  return /\s/.test(value.trim()) || /^[A-Z]?[a-z]{1,14}$/.test(value);
}

/**
 * Printable text inside base64 (`dXNlcjpwYXNzd29yZA==` is `user:password`): judged as what it
 * encodes. Random secrets decode to binary and are left alone.
 */
export function isEncodedPlaceholder(value: string): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]*$/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon > 0) return isPlaceholderPassword(decoded.slice(0, colon), decoded.slice(colon + 1));
  return decoded.trim() === '' || isPlaceholderValue(decoded);
}

/**
 * For the generic rule: is this assigned value a stand-in or not a secret at all? Everything
 * `isPlaceholderToken` says, plus stopwords, type names and non-secret shapes.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (isPlaceholderToken(v, { anyMarkupCharacter: false })) return true;
  if (TYPE_NAMES.has(v.toLowerCase())) return true;
  if (hasGenericStopword(v)) return true;
  if (isNonSecretShape(v) || isIdentifierLike(v) || isProse(v)) return true;
  return isEncodedPlaceholder(v);
}
