import { isPlaceholderCredential } from '../placeholder.js';
import type { Span } from '../preset-overlap.js';
import {
  type Hit,
  LineCursor,
  overlaps,
  type RuleDefinition,
  type RuleDocs,
  type Severity,
  type SourceFile,
  valueSpan,
} from '../rule-kit.js';

/** One token format of a provider (a provider may issue several). */
export interface TokenKind {
  messageId: string;
  message: string;
  /** Global pattern with the `d` flag; group `value` (if any) is the credential, else the match. */
  pattern: RegExp;
  /** Literals one of which the match contains (lowercase). */
  keywords: readonly string[];
  /** Must match the line holding the value (a provider name, for formats that are not unique). */
  lineContext?: RegExp;
  /** Lowercase literal the file must contain (a weaker context than `lineContext`). */
  fileContext?: string;
  /** Extra check on the value (checksums, decodable headers…). */
  validate?: (value: string) => boolean;
  /** Spans another tool already reports (secretlint's preset): matches inside them are left to it. */
  reportedElsewhere?: (text: string) => Span[];
  /**
   * Where a match can start, for patterns the regex engine is slow to look for by itself (a leading
   * character class, a case-insensitive alternation): every match holds one of these literals
   * exactly `offset` characters after its start. The literal is searched in the text as is, or in
   * the lowercased text (then written in lower case) when the pattern has the `i` flag, and the
   * pattern is tried only there. The matches are the same as a scan of the whole text
   * (test/token-anchors.test.ts); a wrong anchor loses matches, so keep them next to the pattern.
   */
  anchors?: readonly TokenAnchor[];
}

export interface TokenAnchor {
  literal: string;
  offset: number;
}

export interface TokenRuleSpec {
  name: string;
  severity: Severity;
  docs: RuleDocs;
  kinds: readonly TokenKind[];
}

// Boundaries: a token starts after, and ends before, a character that cannot be part of it. Besides
// precision, the start boundary is what keeps the patterns cheap on pathological input: in a long
// run of token characters only the first position can start a match.
export const START = `(?<![A-Za-z0-9_-])`;
export const END = `(?![A-Za-z0-9_-])`;
/** End boundary for base64 bodies. */
export const END64 = `(?![A-Za-z0-9+/=_-])`;

/** A global pattern with match indices (`d`), from source text. */
export function re(source: string, flags = ''): RegExp {
  return new RegExp(source, `gd${flags}`);
}

export function tokenRule(spec: TokenRuleSpec): RuleDefinition {
  const keywords = [...new Set(spec.kinds.flatMap((k) => k.keywords))];
  return {
    name: spec.name,
    severity: spec.severity,
    keywords,
    messages: Object.fromEntries(spec.kinds.map((k) => [k.messageId, k.message])),
    docs: spec.docs,
    find(file) {
      const hits: Hit[] = [];
      for (const kind of spec.kinds) {
        if (!kind.keywords.some((k) => file.has(k))) continue;
        if (kind.fileContext !== undefined && !file.has(kind.fileContext)) continue;
        const lines = new LineCursor(file.text);
        const elsewhere = kind.reportedElsewhere?.(file.text) ?? [];
        const matches =
          kind.anchors === undefined ? file.text.matchAll(kind.pattern) : anchoredMatches(file, kind);
        for (const match of matches) {
          const [start, end] = valueSpan(match);
          const value = file.text.slice(start, end);
          if (kind.lineContext !== undefined && !kind.lineContext.test(lines.at(start).text)) continue;
          if (kind.validate !== undefined && !kind.validate(value)) continue;
          if (isPlaceholderCredential(value)) continue;
          if (elsewhere.some((span) => overlaps(span, [start, end]))) continue;
          hits.push({ start, end, messageId: kind.messageId });
        }
      }
      return hits;
    },
  };
}

const stickyCopies = new WeakMap<RegExp, RegExp>();
const literalSearches = new WeakMap<readonly TokenAnchor[], RegExp>();

function literalSearch(anchors: readonly TokenAnchor[]): RegExp {
  let search = literalSearches.get(anchors);
  if (search === undefined) {
    const escaped = anchors.map((a) => a.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    search = new RegExp(escaped.join('|'), 'gi');
    literalSearches.set(anchors, search);
  }
  return search;
}

/** The matches of `kind.pattern` in the file, trying the pattern only at its anchors' positions. */
export function* anchoredMatches(
  file: SourceFile,
  kind: Pick<TokenKind, 'pattern' | 'anchors'>,
): Generator<RegExpExecArray> {
  const { pattern, anchors = [] } = kind;
  let sticky = stickyCopies.get(pattern);
  if (sticky === undefined) {
    sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    stickyCopies.set(pattern, sticky);
  }
  const starts: number[] = [];
  if (pattern.flags.includes('i')) {
    // Case-insensitive: one search for all the literals, in any case (as the pattern matches them).
    const search = literalSearch(anchors);
    search.lastIndex = 0;
    for (let m = search.exec(file.text); m !== null; m = search.exec(file.text)) {
      const at = m.index;
      // Overlapping occurrences (`dddd_`): look again from the next character.
      search.lastIndex = at + 1;
      for (const { literal, offset } of anchors) {
        if (at >= offset && file.text.slice(at, at + literal.length).toLowerCase() === literal)
          starts.push(at - offset);
      }
    }
  } else {
    for (const { literal, offset } of anchors) {
      for (let at = file.text.indexOf(literal); at >= 0; at = file.text.indexOf(literal, at + 1)) {
        if (at >= offset) starts.push(at - offset);
      }
    }
  }
  if (anchors.length > 1) starts.sort((a, b) => a - b);
  // As a global scan would: the leftmost match, then the next one from where it ended.
  let lastEnd = 0;
  for (const start of starts) {
    if (start < lastEnd) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(file.text);
    if (m === null) continue;
    lastEnd = Math.max(sticky.lastIndex, start + 1);
    yield m;
  }
}

/** Every token pattern of the given specs, for rules that must not re-report a known format. */
export function tokenPatterns(specs: readonly TokenRuleSpec[]): RegExp[] {
  return specs.flatMap((s) =>
    s.kinds.filter((k) => k.lineContext === undefined && k.fileContext === undefined).map((k) => k.pattern),
  );
}
