import { isUtf8 } from 'node:buffer';
import type { KeywordHint } from '@seckit/secretlint-rule-preset';
import { createKeywordPrefilter, type KeywordPrefilter, type PrefilterResult } from './keyword-prefilter.js';
import { createRuleRunner, type RuleMessage } from './rule-runner.js';
import type { SecretRuleEntry } from './rule-set.js';
import { RuleSourceCode } from './source-code.js';

/** How a file is scanned (from classifyFile): lockfiles only by the rules that allow it. */
export type ScanKind = 'text' | 'lockfile';

export interface EngineInput {
  content: Uint8Array;
  kind: ScanKind;
  /** The path the rules see (some look at the name or extension); absolute, as secretlint's CLI. */
  filePath: string;
  ext: string;
  /** The decoded content when the caller has it already. */
  text?: string | undefined;
}

export interface EngineOutput {
  /** What the rules saw (content without a BOM); undefined when no rule could match. */
  source: RuleSourceCode | undefined;
  /** Ordered as lintSource orders them; `ruleIndex` points into the engine's entries. */
  messages: (RuleMessage & { ruleIndex: number })[];
}

export interface SecretEngine {
  readonly entries: readonly SecretRuleEntry[];
  scan(input: EngineInput): EngineOutput | Promise<EngineOutput>;
}

/**
 * Prefilter + rules, set up once per process (or worker) and reused for every file: the keyword
 * automaton picks the rules that can match, and only then is the file decoded and those rules run.
 */
export function createSecretEngine(entries: readonly SecretRuleEntry[]): SecretEngine {
  const prefilter = createEnginePrefilter(entries);
  const runner = createRuleRunner(entries.map((e) => ({ rule: e.rule, options: e.options })));
  const indexById = new Map(entries.map((e, i) => [e.rule.meta.id, i]));
  const withIndex = (messages: RuleMessage[]) =>
    messages.map((m) => ({ ...m, ruleIndex: indexById.get(m.ruleId) ?? -1 }));

  return {
    entries,
    scan(input) {
      const found = prefilter.scan(input.content);
      let candidates = found.candidates;
      if (input.kind === 'lockfile') candidates = candidates.filter((i) => entries[i]!.lockfiles === true);
      if (candidates.length === 0) return { source: undefined, messages: [] };
      const text = input.text ?? decode(input.content, found.ascii);
      const source = new RuleSourceCode({
        text,
        filePath: input.filePath,
        ext: input.ext,
        keywords: keywordHint(prefilter, input.content, found),
      });
      candidates = candidates.filter((i) => entries[i]!.gate?.(source.content) ?? true);
      if (candidates.length === 0) return { source, messages: [] };
      const result = runner.run(source, candidates);
      if (Array.isArray(result)) return { source, messages: withIndex(result) };
      return result.then((messages) => ({ source, messages: withIndex(messages) }));
    },
  };
}

/** The engine's prefilter: every rule's keywords, positions recorded for the rules that use them. */
export function createEnginePrefilter(entries: readonly SecretRuleEntry[]): KeywordPrefilter {
  return createKeywordPrefilter(
    entries.map((e) => e.keywords),
    { trackPositions: entries.filter((e) => e.keywordPositions === true).flatMap((e) => e.keywords ?? []) },
  );
}

/**
 * What the rules get under KEYWORD_HINT for one file: the keywords found and, when they can be
 * placed in the decoded text (see textOffsets), where the tracked ones end.
 */
export function keywordHint(
  prefilter: KeywordPrefilter,
  bytes: Uint8Array,
  found: PrefilterResult,
): KeywordHint {
  const hint: KeywordHint = { searched: prefilter.searched, found: found.found };
  if (prefilter.tracked.size === 0 || found.ends.length === 0) return hint;
  const ends = textOffsets(bytes, found.ends, found.ascii);
  return ends === undefined ? hint : { ...hint, ends, tracked: prefilter.tracked };
}

/** UTF-8 text of `bytes`; pure ASCII (most source files) decodes as Latin-1, about twice as fast. */
function decode(bytes: Uint8Array, ascii: boolean): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString(ascii ? 'latin1' : 'utf8');
}

/**
 * Byte offsets (ascending, each just past an ASCII byte) as offsets into the decoded text the rules
 * see: the same in an ASCII file; in valid UTF-8, one UTF-16 unit per character (two for those
 * of four bytes) minus a leading BOM, which the source drops. Invalid UTF-8 decodes with
 * replacement characters whose count depends on the decoder's rules: undefined, and the rules
 * search the text themselves.
 */
export function textOffsets(
  bytes: Uint8Array,
  ends: readonly number[],
  ascii: boolean,
): readonly number[] | undefined {
  if (ascii) return ends;
  if (!isUtf8(bytes)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 1 : 0;
  const out = new Array<number>(ends.length);
  let units = 0;
  let at = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    for (; at < end; at++) {
      const byte = bytes[at]!;
      // Lead bytes start a character; continuation bytes (10xxxxxx) add nothing.
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
    out[i] = units - bom;
  }
  return out;
}
