import { createKeywordPrefilter } from './keyword-prefilter.js';
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
  const prefilter = createKeywordPrefilter(entries.map((e) => e.keywords));
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
      const source = new RuleSourceCode({ text, filePath: input.filePath, ext: input.ext });
      candidates = candidates.filter((i) => entries[i]!.gate?.(source.content) ?? true);
      if (candidates.length === 0) return { source, messages: [] };
      const result = runner.run(source, candidates);
      if (Array.isArray(result)) return { source, messages: withIndex(result) };
      return result.then((messages) => ({ source, messages: withIndex(messages) }));
    },
  };
}

/** UTF-8 text of `bytes`; pure ASCII (most source files) decodes as Latin-1, about twice as fast. */
function decode(bytes: Uint8Array, ascii: boolean): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString(ascii ? 'latin1' : 'utf8');
}
