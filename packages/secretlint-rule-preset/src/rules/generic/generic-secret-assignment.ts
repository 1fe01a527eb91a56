// biome-ignore-all lint/suspicious/noTemplateCurlyInString: literal ${…} placeholders are data here (ignore lists, docs), not templates.
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholderValue } from '../../placeholder.js';
import {
  presetAwsSecretSpans,
  presetBasicAuthSpans,
  presetConnectionStringSpans,
  presetNpmrcAuthTokenSpans,
  type Span,
} from '../../preset-overlap.js';
import {
  baseName,
  type Hit,
  lineAt,
  overlaps,
  type RuleDefinition,
  type SourceFile,
} from '../../rule-kit.js';
import { containsKnownToken } from '../known-formats.js';
import { specificRules } from '../specific-rules.js';
import { classifyKey, type SecretKeyKind } from './secret-key-name.js';

// Where an unquoted value is an expression (`password = getPassword()`, `token: string`), not a literal.
const CODE_EXTENSIONS =
  /\.(?:[cm]?[jt]sx?|py|pyw|go|java|kt|kts|scala|groovy|gradle|rb|php|cs|fs|vb|c|cc|cpp|cxx|h|hpp|m|mm|rs|swift|dart|lua|pl|pm|r|jl|ex|exs|erl|clj|cljs|hs|ml|vue|svelte|astro|tf|tfvars|hcl|ps1|psm1)$/i;

const QUOTED = String.raw`(?<pfx>[rRbBuUfF@]{0,2})(?:"(?<dq>(?:[^"\\\r\n]|\\.){0,512})"|'(?<sq>(?:[^'\\\r\n]|\\.){0,512})'|\x60(?<bq>[^\x60\\\r\n]{0,512})\x60)`;
const UNQUOTED = String.raw`(?<uq>[^\s"'\x60,;]{1,512})`;
// Only keys that hold one of the rule's keywords are worth matching: checked by a bounded lookahead
// at the key's start, so long runs of other words cost one short probe per position.
const SECRETISH_KEY = String.raw`(?=[\w.-]{0,79}?(?:pass|pw|secret|token|key|auth|cred|bearer))`;

// key [: Type] op value — JS/TS/Python/Go/Java/Ruby/PHP/C# assignments and object entries, YAML,
// JSON, .env, INI/properties, shell `export X=`, HCL, XML attributes. `==`, `=~` and `=>`-less
// comparisons leave only `=`s as the value, which is too short to report.
const ASSIGNMENT = new RegExp(
  String.raw`(?<![\w.])(?<key>${SECRETISH_KEY}[A-Za-z_][\w.-]{0,79})["'\]]{0,2}` +
    String.raw`(?:[ \t]{0,4}\??:[ \t]{0,4}[A-Za-z_][\w.]{0,40}(?:<[\w ,.<>]{0,40}>)?(?:\[\])?[ \t]{0,4}(?==))?` +
    String.raw`[ \t]{0,8}(?<op>:=|=>|\?=|\|\|=|:(?!:)|=)[ \t]{0,8}(?:${QUOTED}|${UNQUOTED})`,
  'dgi',
);
// Two-argument calls: define('DB_PASSWORD', '…'), setenv("API_TOKEN", "…"), props.put("password", "…").
const CALL_PAIR = new RegExp(
  String.raw`(?<![\w.$])(?<fn>[\w.$]{0,60})\([ \t]{0,4}(?<kq>["'])(?<key>[A-Za-z_][\w.-]{0,79})\k<kq>[ \t]{0,4},[ \t]{0,4}${QUOTED}`,
  'dg',
);
// One-argument setters: setPassword("…"), .withApiKey("…"), .token("…").
const CALL_SETTER = new RegExp(
  String.raw`(?<![\w$])(?<key>${SECRETISH_KEY}[A-Za-z_]\w{0,60})\([ \t]{0,4}${QUOTED}[ \t]{0,4}\)`,
  'dgi',
);
// XML: <add key="Password" value="…"/>, <entry name="apiKey" value="…"/>, <password>…</password>.
const XML_KEY_VALUE = new RegExp(
  String.raw`\b(?:key|name)[ \t]{0,4}=[ \t]{0,4}(?<kq>["'])(?<key>[A-Za-z_][\w.:-]{0,79})\k<kq>[ \t]{1,8}value[ \t]{0,4}=[ \t]{0,4}${QUOTED}`,
  'dgi',
);
const XML_ELEMENT = /<(?<key>[A-Za-z_][\w.-]{0,60})>(?<uq>[^<>\r\n]{1,512})<\/\k<key>>/dg;
// name/value pairs on consecutive lines: Kubernetes env, ECS task definitions, GitHub Actions.
const NAME_LINE =
  /^[ \t]*(?:-[ \t]+)?["']?name["']?[ \t]*:[ \t]*["']?(?<key>[A-Za-z_][\w.-]{0,79})["']?[ \t]*,?[ \t]*$/;
const VALUE_LINE = new RegExp(String.raw`^[ \t]*["']?value["']?[ \t]*:[ \t]*(?:${QUOTED}|${UNQUOTED})`, 'd');
// Command-line flags: `deploy --token abc…`, `docker login -u ci --password abc…`.
const CLI_FLAG = new RegExp(
  String.raw`(?<![\w-])--(?<key>${SECRETISH_KEY}[A-Za-z][\w-]{0,40})[ \t]{1,4}(?:${QUOTED}|(?<uq>[^\s"'\x60;|&<>]{1,512}))`,
  'dgi',
);
// `Authorization: Bearer …` headers (curl commands, HTTP files, fetch calls).
const AUTH_HEADER =
  /Authorization["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?:Bearer|Basic|Token|Bot|Digest)[ \t]{1,4}(?<uq>[A-Za-z0-9._~+/=-]{8,512})/dgi;

// Functions whose second argument is a default or a translation, not the secret itself.
const CALL_EXCLUDED =
  /(?:^|\.)(?:getenv|get|getProperty|getString|getOrDefault|fetch|setdefault|environ\.get|env|config|t|translate|trans|gettext|ngettext|_|__|i18n|lang|label|message|assert\w*|expect|equal|include|contains)$/i;
// One-argument calls that are not setters.
const SETTER = /^(?:set|with|put)[A-Z_]/;

const KEYWORDS = ['pass', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'bearer'] as const;
const KEYWORD = new RegExp(KEYWORDS.join('|'), 'gi');

interface Candidate {
  key: string;
  start: number;
  end: number;
  quoted: boolean;
  /** The quote prefix of Python/C# strings (`f`, `r`, `@`). */
  prefix: string;
  op: string;
  /** Where the key starts (assignments only). */
  keyStart?: number;
}

// JSON has no unquoted strings: anything unquoted is a number, a boolean, or text inside a string.
const QUOTED_ONLY_EXTENSIONS = /\.(?:json|jsonc|json5|ipynb|flow|mdx)$/i;

/** Files where only a quoted literal can be a secret. */
function isCodeFile(path: string | undefined): boolean {
  return path !== undefined && (CODE_EXTENSIONS.test(path) || QUOTED_ONLY_EXTENSIONS.test(path));
}

function captured(m: RegExpMatchArray, offset: number): Omit<Candidate, 'key' | 'op'> | undefined {
  const groups = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.groups;
  for (const name of ['dq', 'sq', 'bq', 'uq'] as const) {
    const span = groups?.[name];
    if (span !== undefined) {
      return {
        start: offset + span[0],
        end: offset + span[1],
        quoted: name !== 'uq',
        prefix: m.groups?.pfx ?? '',
      };
    }
  }
  return undefined;
}

// Characters each pattern cannot match without: a line lacking them skips that pattern's regex
// (most keyword lines are code that mentions a key, not an assignment of one).
const HAS_VALUE_ATTRIBUTE = /value/i;
const HAS_AUTHORIZATION = /authorization/i;

const HAS_QUOTE = /["'\x60]/;

/**
 * Every key/value pair on the line that could be an assignment of a secret-named key. In source
 * code only quoted literals count (see findGenericSecretAssignments), and most keyword lines of
 * code hold no quote at all: those skip every pattern whose value would have to be unquoted.
 */
function lineCandidates(line: string, offset: number, code: boolean): Candidate[] {
  const out: Candidate[] = [];
  const unquotedOnly = code && !HAS_QUOTE.test(line);
  const call = line.includes('(');
  if (!unquotedOnly && (line.includes('=') || line.includes(':'))) assignmentCandidates(line, offset, out);
  if (unquotedOnly) {
    // Only the patterns whose value counts as quoted whatever it looks like.
    xmlElementAndHeaderCandidates(line, offset, out);
    return out;
  }
  if (call && line.includes(',')) {
    for (const m of line.matchAll(CALL_PAIR)) {
      if (CALL_EXCLUDED.test(m.groups?.fn ?? '')) continue;
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key: m.groups?.key ?? '', op: ',', ...value });
    }
  }
  if (call) {
    for (const m of line.matchAll(CALL_SETTER)) {
      const name = m.groups?.key ?? '';
      const key = SETTER.test(name) ? name.slice(3) : name;
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key, op: '(', ...value });
    }
  }
  if (line.includes('=') && HAS_VALUE_ATTRIBUTE.test(line)) {
    for (const m of line.matchAll(XML_KEY_VALUE)) {
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key: m.groups?.key ?? '', op: 'value=', ...value });
    }
  }
  if (line.includes('--')) {
    for (const m of line.matchAll(CLI_FLAG)) {
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key: m.groups?.key ?? '', op: 'flag', ...value });
    }
  }
  xmlElementAndHeaderCandidates(line, offset, out);
  return out;
}

/** `<password>…</password>` and `Authorization: Bearer …`: literal values even without quotes. */
function xmlElementAndHeaderCandidates(line: string, offset: number, out: Candidate[]): void {
  if (line.includes('</')) {
    for (const m of line.matchAll(XML_ELEMENT)) {
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key: m.groups?.key ?? '', op: '<>', ...value, quoted: true });
    }
  }
  if (HAS_AUTHORIZATION.test(line)) {
    for (const m of line.matchAll(AUTH_HEADER)) {
      const value = captured(m, offset);
      if (value !== undefined) out.push({ key: 'authorization', op: 'header', ...value, quoted: true });
    }
  }
}

/** `key = value`, `key: value`, `key := value`, … on the line. */
function assignmentCandidates(line: string, offset: number, out: Candidate[]): void {
  const assignment = ASSIGNMENT;
  assignment.lastIndex = 0;
  for (let m = assignment.exec(line); m !== null; m = assignment.exec(line)) {
    const value = captured(m, offset);
    if (value === undefined) continue;
    const keyStart = (m as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices?.groups?.key?.[0];
    out.push({
      key: m.groups?.key ?? '',
      op: m.groups?.op ?? '',
      ...value,
      ...(keyStart === undefined ? {} : { keyStart: offset + keyStart }),
    });
    // An unquoted value may have swallowed the next assignment (`x = Client(api_key="…")`):
    // resume right after the operator instead of after the value.
    if (!value.quoted) assignment.lastIndex = value.start - offset;
  }
}

/** `- name: DB_PASSWORD` followed by `value: …` on the next non-blank line. */
function nameValueCandidates(text: string, lineStart: number, lineText: string): Candidate | undefined {
  const name = NAME_LINE.exec(lineText);
  if (name === null) return undefined;
  let next = text.indexOf('\n', lineStart);
  while (next >= 0 && next + 1 < text.length) {
    const line = lineAt(text, next + 1);
    if (line.text.trim() !== '') {
      const m = line.text.match(VALUE_LINE);
      if (m === null) return undefined;
      const value = captured(m, line.start);
      return value === undefined ? undefined : { key: name.groups?.key ?? '', op: 'name/value', ...value };
    }
    next = text.indexOf('\n', line.end);
  }
  return undefined;
}

// Keys repeat within a file (and across files): classify each spelling once.
const keyKinds = new Map<string, SecretKeyKind | undefined>();

function classifyKeyCached(key: string): SecretKeyKind | undefined {
  if (keyKinds.has(key)) return keyKinds.get(key);
  const kind = classifyKey(key);
  if (keyKinds.size > 10_000) keyKinds.clear();
  keyKinds.set(key, kind);
  return kind;
}

/** Enough randomness for the kind of key: passwords are shorter and more human than tokens. */
export function looksLikeSecretValue(value: string, kind: SecretKeyKind): boolean {
  if (value.length < 8) return false;
  const classes =
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/\d/.test(value)) +
    Number(/[^A-Za-z0-9]/.test(value));
  const entropy = shannonEntropy(value);
  // People repeat words (`willow89!willow`): a third character class makes up for lower entropy.
  if (kind === 'password')
    return (entropy >= 2.8 && classes >= 2) || (entropy >= 2.4 && classes >= 3 && value.length >= 10);
  if (value.length < 10) return false;
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 16 && entropy >= 3.0;
  return entropy >= 3.3 && (classes >= 2 || (value.length >= 20 && entropy >= 3.8));
}

const HASH_LENGTHS = new Set([32, 40, 56, 64, 96, 128]);
const HASH_CONTEXT = /sha\d*|md5|hash|digest|checksum|integrity|commit|fingerprint|etag|\brev\b/i;

/** Credentials the other rules of the pack, or secretlint's preset, report on this file. */
function coveredSpans(file: SourceFile): Span[] {
  const spans: Span[] = [];
  for (const rule of specificRules) {
    if (!rule.keywords.some((k) => file.has(k))) continue;
    for (const hit of rule.find(file, { reportPresetCovered: true })) spans.push([hit.start, hit.end]);
  }
  spans.push(...presetAwsSecretSpans(file.text), ...presetNpmrcAuthTokenSpans(file.text, file.path));
  if (file.text.includes('://'))
    spans.push(...presetConnectionStringSpans(file.text), ...presetBasicAuthSpans(file.text));
  return spans;
}

/** The lines holding one of the rule's keywords, in order, each once. */
function* keywordLines(file: SourceFile): Generator<{ start: number; end: number; text: string }> {
  const { text } = file;
  const ends = file.keywordEnds(KEYWORDS);
  if (ends !== undefined) {
    // Where the caller's prefilter saw the keywords: no search of our own.
    let lineEnd = -1;
    for (const end of ends) {
      if (end - 1 <= lineEnd) continue;
      const line = lineAt(text, end - 1);
      lineEnd = line.end;
      yield line;
    }
    return;
  }
  const keyword = KEYWORD;
  keyword.lastIndex = 0;
  for (let k = keyword.exec(text); k !== null; k = keyword.exec(text)) {
    const line = lineAt(text, k.index);
    // The next search starts on the next line.
    keyword.lastIndex = line.end + 1;
    yield line;
  }
}

/** Secret-named keys assigned a literal that looks like a real secret. */
export function findGenericSecretAssignments(file: SourceFile): Hit[] {
  // Registry configs are judged by their own rules (npmrc, pypirc, netrc).
  if (/^(?:\.npmrc|\.?pypirc|[._]?netrc)$/i.test(baseName(file.path))) return [];
  const { text } = file;
  const code = isCodeFile(file.path);
  const yaml = file.path === undefined || /\.ya?ml$/i.test(file.path);
  const hits: Hit[] = [];
  const seenValues = new Set<number>();
  let covered: Span[] | undefined;
  for (const line of keywordLines(file)) {
    const candidates = lineCandidates(line.text, line.start, code);
    const pair = nameValueCandidates(text, line.start, line.text);
    if (pair !== undefined) candidates.push(pair);
    for (const c of candidates) {
      let { start, end } = c;
      // Too short to report (see looksLikeSecretValue), whatever the key: the cheapest test first.
      if (end - start < 8) continue;
      const kind = classifyKeyCached(c.key);
      if (kind === undefined || seenValues.has(start)) continue;
      // `${DB_PASSWORD:fallback}` (Spring, shell): an environment lookup; its fallback is a dev default.
      if (c.keyStart !== undefined && text.slice(c.keyStart - 2, c.keyStart) === '${') continue;
      // `--password --next-flag`: a flag without a value.
      if (c.op === 'flag' && text.charAt(start) === '-') continue;
      // In source code an unquoted value is an expression or a type, never a literal.
      if (!c.quoted && code) continue;
      let value = text.slice(start, end);
      if (c.prefix.toLowerCase().includes('f') && value.includes('{')) continue; // Python f-string
      if (c.quoted && c.prefix === '' && text.charAt(start - 1) === '`' && value.includes('${')) continue;
      // YAML anchors, aliases, tags and block scalars (`&pw`, `*pw`, `!vault |`, `|-`) are syntax.
      if (!c.quoted && yaml && /^[&*!|>]/.test(value)) continue;
      if (!c.quoted) {
        // Trailing punctuation of config lines: `token=abc)`, `key: abc}`.
        const trimmed = value.replace(/[)\]}]+$/, '');
        end = start + trimmed.length;
        value = trimmed;
      }
      // `"Bearer abc…"`: the credential is what follows the scheme.
      const scheme = /^(?:Bearer|Basic|Token|Bot|Digest)[ \t]+/i.exec(value);
      if (scheme !== null) {
        start += scheme[0].length;
        value = value.slice(scheme[0].length);
      }
      const lead = value.length - value.trimStart().length;
      value = value.trim();
      start += lead;
      end = start + value.length;
      if (!looksLikeSecretValue(value, kind) || isPlaceholderValue(value) || containsKnownToken(value))
        continue;
      if (HASH_LENGTHS.has(value.length) && /^[0-9a-f]+$/i.test(value) && HASH_CONTEXT.test(line.text))
        continue;
      covered ??= coveredSpans(file);
      if (covered.some((s) => overlaps(s, [start, end]))) continue;
      seenValues.add(c.start);
      hits.push({ start, end, messageId: kind === 'password' ? 'GENERIC_PASSWORD' : 'GENERIC_SECRET' });
    }
  }
  return hits;
}

export const genericSecretAssignmentRule: RuleDefinition = {
  name: 'generic-secret-assignment',
  severity: 'medium',
  keywords: KEYWORDS,
  usesKeywordPositions: true,
  messages: {
    GENERIC_PASSWORD: 'found hard-coded password',
    GENERIC_SECRET: 'found hard-coded secret',
  },
  docs: {
    title: 'Secret-named keys assigned a literal secret',
    detects:
      'A literal value assigned to a key that names a secret — `password`, `passwd`, `pwd`, `passphrase`, `secret`, `token`, `api_key`/`apiKey`, `access_key`, `private_key`, `client_secret`, `auth`, `authorization`, `credentials`… as a whole word of the key — in source code (JS/TS, Python, Go, Java/Kotlin, Ruby, PHP, C#…), YAML, JSON, .env, INI/properties, shell, Terraform/HCL and XML (attributes, `<add key=… value=…>`, elements), `name:`/`value:` pairs, setter calls and `Authorization: Bearer …` headers. The value must look random enough (Shannon entropy ≥ 2.8 bits/char and two character classes for passwords, or ≥ 2.4 with three classes from 10 characters; ≥ 3.3 and at least 10 characters for other secrets) and pass the placeholder filters: templates (`${X}`, `{{ x }}`, `<x>`, `%X%`, `$X`, `${{ secrets.X }}`), environment lookups, function calls and identifiers, type annotations, comparisons, i18n labels and prose, booleans/numbers/null, UUIDs, URLs without credentials, file paths, e-mail addresses, integrity strings, hex digests on lines that say they are hashes, documented example keys, and stopwords (`changeme`, `example`, `dummy`, `your-…`, `xxx`, `***`, `...`, repeated or sequential characters). Values shorter than 8 characters are never reported: at that length a literal is far more often a default or a fixture than a credential, and entropy cannot tell them apart. Values that another rule of this pack or of secretlint’s preset reports are left to that rule.',
    shapes: [
      'DB_PASSWORD=<password>',
      'client_secret: "<secret>"',
      'apiKey = "<key>"',
      '<add key="ApiKey" value="<key>" />',
    ],
    why: 'Most leaked credentials have no provider prefix: database passwords, internal API keys, signing secrets. Medium because the rule is heuristic: review, then move the value to the environment or a secret manager.',
  },
  find: findGenericSecretAssignments,
};
