import type {
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessages,
  SecretLintSourceCode,
} from '@secretlint/types';

/** seckit's severities (the same words as @seckit/core's, without depending on it). */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const RULE_ID_PREFIX = '@seckit/secretlint-rule-';
export const README_URL =
  'https://github.com/seckit/seckit/blob/main/packages/secretlint-rule-preset/README.md';

/**
 * What a caller that has already searched the file for keywords knows (seckit's engine runs one
 * automaton over the bytes for the keywords of every rule): `found` holds the keywords of `searched`
 * that occur, ignoring ASCII case. Attached to secretlint's source object under this symbol, it
 * spares the rules their own keyword searches; under plain secretlint it is absent and the rules
 * search the text themselves.
 */
export const KEYWORD_HINT: unique symbol = Symbol.for('@seckit/secretlint-rule-preset/keyword-hint');

export interface KeywordHint {
  searched: ReadonlySet<string>;
  found: ReadonlySet<string>;
  /**
   * Offsets in the text just past each occurrence (ascending, ignoring ASCII case) of the keywords
   * in `tracked`; only when those offsets are the text's own (an ASCII file).
   */
  ends?: readonly number[] | undefined;
  tracked?: ReadonlySet<string> | undefined;
}

/** What a rule's finder sees: the text, and the path when the caller gave one. */
export interface SourceFile {
  readonly text: string;
  /** `text.toLowerCase()`, computed on first use and shared by the rules of one file. */
  readonly lower: string;
  /** As secretlint passes it (absolute or relative); undefined for stdin-like sources. */
  readonly path: string | undefined;
  /** Does the text contain this lowercase literal, ignoring case? (From the hint when it knows.) */
  has(literal: string): boolean;
  /**
   * Where these keywords end in the text (see KeywordHint.ends), when the caller recorded exactly
   * them; undefined otherwise, and the rule searches itself.
   */
  keywordEnds(keywords: readonly string[]): readonly number[] | undefined;
}

class RuleFile implements SourceFile {
  #lower: string | undefined;
  constructor(
    readonly text: string,
    readonly path: string | undefined,
    private readonly lowerOf: () => string,
    private readonly hint: KeywordHint | undefined,
  ) {}

  get lower(): string {
    this.#lower ??= this.lowerOf();
    return this.#lower;
  }

  has(literal: string): boolean {
    const hint = this.hint;
    if (hint?.searched.has(literal)) return hint.found.has(literal);
    return this.lower.includes(literal);
  }

  keywordEnds(keywords: readonly string[]): readonly number[] | undefined {
    const hint = this.hint;
    if (hint?.ends === undefined || hint.tracked === undefined) return undefined;
    if (hint.tracked.size !== keywords.length || !keywords.every((k) => hint.tracked?.has(k)))
      return undefined;
    return hint.ends;
  }
}

export function sourceFile(text: string, path?: string, hint?: KeywordHint): SourceFile {
  return new RuleFile(text, path, () => text.toLowerCase(), hint);
}

/** One credential: `[start, end)` covers exactly the value, never the key name. */
export interface Hit {
  start: number;
  end: number;
  messageId: string;
}

/** README material, kept next to the rule so the README can be regenerated from it. */
export interface RuleDocs {
  title: string;
  detects: string;
  /** Shapes in `<…>` notation, never a working value. */
  shapes: readonly string[];
  why: string;
}

/**
 * Options every rule accepts (in `.secretlintrc.json`: `"options": {…}` of the rule).
 * `reportPresetCovered`: also report credentials that secretlint's recommended preset reports
 * (private keys, database URLs). Off by default: the pack runs beside the preset, and one
 * credential should be one finding. Turn it on when using the pack without the preset.
 */
export interface RuleOptions {
  reportPresetCovered?: boolean;
}

export interface RuleDefinition {
  /** Kebab-case name: the rule id is `@seckit/secretlint-rule-<name>`, the README anchor is `#<name>`. */
  name: string;
  severity: Severity;
  /**
   * Lowercase literals, one of which occurs (case-insensitively) in any text the rule can match.
   * A necessary condition: callers may skip the rule when none occurs.
   */
  keywords: readonly string[];
  /** messageId → message (the value is appended by the translator). */
  messages: Readonly<Record<string, string>>;
  docs: RuleDocs;
  /** The finder visits the lines that hold its keywords: keyword positions a caller knows spare it a search. */
  usesKeywordPositions?: boolean;
  find(file: SourceFile, options: RuleOptions): Hit[];
}

export function ruleIdOf(name: string): string {
  return `${RULE_ID_PREFIX}${name}`;
}

// The lowercased text of the file being linted, shared by every rule of one lintSource call (the
// source object is the same for all rules), so each rule's keyword check costs one `includes`.
// The content is compared too, in case a caller reuses one source object for several files.
const lowered = new WeakMap<object, { content: string; lower: string }>();

function lowerText(source: SecretLintSourceCode): string {
  const cached = lowered.get(source);
  if (cached !== undefined && cached.content === source.content) return cached.lower;
  const lower = source.content.toLowerCase();
  lowered.set(source, { content: source.content, lower });
  return lower;
}

/** The secretlint rule for a definition: reports each hit with the value as `CREDENTIAL`. */
export function toSecretlintRule(definition: RuleDefinition): SecretLintRuleCreator<RuleOptions> {
  const messages: SecretLintRuleLocalizeMessages = {};
  for (const [id, text] of Object.entries(definition.messages)) {
    messages[id] = { en: (props?: { CREDENTIAL?: string }) => `${text}: ${props?.CREDENTIAL ?? ''}` };
  }
  return {
    messages,
    meta: {
      id: ruleIdOf(definition.name),
      recommended: true,
      type: 'scanner',
      supportedContentTypes: ['text'],
      docs: { url: `${README_URL}#${definition.name}` },
    },
    create(context, options) {
      const t = context.createTranslator(messages);
      return {
        file(source) {
          // Secretlint has no keyword prefilter of its own: do the cheap check here too (answered
          // by the hint when seckit's engine runs the rule).
          const hint = (source as { [KEYWORD_HINT]?: KeywordHint })[KEYWORD_HINT];
          const file = new RuleFile(source.content, source.filePath, () => lowerText(source), hint);
          if (!definition.keywords.some((k) => file.has(k))) return;
          for (const hit of definition.find(file, options ?? {})) {
            const value = source.content.slice(hit.start, hit.end);
            context.report({ message: t(hit.messageId, { CREDENTIAL: value }), range: [hit.start, hit.end] });
          }
        },
      };
    },
  };
}

/** The line holding `index` (without its line break). */
export function lineAt(text: string, index: number): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  let end = text.indexOf('\n', index);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Lines by offset, remembering the last one: rules that look at the line of each match call this in
 * increasing order, and a file that is one 100 KB line must not be re-scanned per match.
 */
export class LineCursor {
  private line: { start: number; end: number; text: string } | undefined;
  constructor(private readonly text: string) {}

  at(index: number): { start: number; end: number; text: string } {
    const cached = this.line;
    if (cached !== undefined && index >= cached.start && index <= cached.end) return cached;
    this.line = lineAt(this.text, index);
    return this.line;
  }
}

/** File name without folders ('' when unknown). */
export function baseName(path: string | undefined): string {
  if (path === undefined) return '';
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** Do two half-open ranges overlap? */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** The `[start, end)` of group `value` if the pattern has one, else of the whole match. */
export function valueSpan(match: RegExpMatchArray): [number, number] {
  const indices = (match as RegExpMatchArray & { indices?: RegExpIndicesArray }).indices;
  const span = indices?.groups?.value ?? indices?.[0];
  if (span === undefined) {
    const start = match.index ?? 0;
    return [start, start + match[0].length];
  }
  return [span[0], span[1]];
}

/** Base64 (standard or URL-safe) to text; undefined when it is not base64. */
export function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/\s/g, '');
  if (clean.length < 4 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  try {
    return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}
