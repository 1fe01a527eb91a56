import { isPlaceholderCredential } from '../placeholder.js';
import type { Span } from '../preset-overlap.js';
import {
  type Hit,
  LineCursor,
  overlaps,
  type RuleDefinition,
  type RuleDocs,
  type Severity,
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
        if (!kind.keywords.some((k) => file.lower.includes(k))) continue;
        if (kind.fileContext !== undefined && !file.lower.includes(kind.fileContext)) continue;
        const lines = new LineCursor(file.text);
        const elsewhere = kind.reportedElsewhere?.(file.text) ?? [];
        for (const match of file.text.matchAll(kind.pattern)) {
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

/** Every token pattern of the given specs, for rules that must not re-report a known format. */
export function tokenPatterns(specs: readonly TokenRuleSpec[]): RegExp[] {
  return specs.flatMap((s) =>
    s.kinds.filter((k) => k.lineContext === undefined && k.fileContext === undefined).map((k) => k.pattern),
  );
}
