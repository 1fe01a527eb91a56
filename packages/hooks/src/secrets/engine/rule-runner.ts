import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessages,
  SecretLintRuleMessageTranslateResult,
  SecretLintRuleReportHandler,
  SecretLintSourceCode,
} from '@secretlint/types';

/**
 * Runs secretlint rule creators the way @secretlint/core 12.0.0's `lintSource` does, minus its
 * per-file costs: each rule is created once (core creates every rule again for every file, with
 * its events, translators and profiler marks), only the rules the caller asks for run, and nothing
 * is timed. Core 12's profiler keeps every mark and searches them all on each new one (secretlint
 * issue #1653): a 5,000-file tree took 7 min 25 s with it and 2.6 s with it switched off
 * (bench/secrets-speed/results.md). The messages are the ones `lintSource` returns: same fields
 * (but `loc`), same ignore / duplicate filtering, same order (test/secrets-engine-*.test.ts).
 *
 * Contract for rules, which the preset and @seckit/secretlint-rule-preset keep: `create()` keeps
 * no per-file state (it runs once), and a rule that calls `context.ignore()` must run on every file
 * (no keywords), or the findings it would have ignored come back.
 */
export interface RuleMessage {
  ruleId: string;
  messageId: string;
  /** The rule's message with the value in it (unmasked): callers redact before showing it. */
  message: string;
  /** Offsets into the source's content (after a BOM is removed). */
  range: readonly [number, number];
  data: Record<string, unknown> | undefined;
  docsUrl: string | undefined;
  severity: 'error' | 'warning' | 'info';
}

export interface RunnerRule {
  rule: SecretLintRuleCreator;
  options?: object | undefined;
}

export interface RuleRunner {
  /** Runs rules `indexes` (ascending) over `source`; synchronous unless a rule returns a promise. */
  run(source: SecretLintSourceCode, indexes: readonly number[]): RuleMessage[] | Promise<RuleMessage[]>;
}

interface Ignore {
  range: readonly [number, number];
  targetRuleId: string | undefined;
}

interface Sink {
  reports: RuleMessage[];
  ignores: Ignore[];
}

export function createRuleRunner(rules: readonly RunnerRule[]): RuleRunner {
  // The one mutable piece: where reports of the file being run go. Rules only report while their
  // handler runs for that file, and files are run one after another (awaited when async).
  let sink: Sink = { reports: [], ignores: [] };
  let busy = false;
  const handlers = rules.map(({ rule, options }) => {
    const { id } = rule.meta;
    const docsUrl = rule.meta.docs?.url;
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      createTranslator: (messages) => createTranslator(messages),
      report(descriptor) {
        const { message, messageId, data } = descriptor.message;
        sink.reports.push({
          ruleId: id,
          messageId,
          message,
          range: descriptor.range,
          data: data as Record<string, unknown> | undefined,
          docsUrl: docsUrl ? `${docsUrl}#${messageId}` : undefined,
          severity: 'error',
        });
      },
      ignore(descriptor) {
        sink.ignores.push({ range: descriptor.range, targetRuleId: descriptor.targetRuleId });
      },
    };
    const handler: SecretLintRuleReportHandler = rule.create(context, (options ?? {}) as never);
    const supported = rule.meta.supportedContentTypes;
    return { handler, runsOnText: supported.includes('all') || supported.includes('text') };
  });

  return {
    run(source, indexes) {
      if (busy) throw new Error('rule runner: one file at a time');
      busy = true;
      const current: Sink = { reports: [], ignores: [] };
      sink = current;
      const pending: Promise<unknown>[] = [];
      try {
        for (const index of indexes) {
          const entry = handlers[index];
          if (entry === undefined || !entry.runsOnText || entry.handler.file === undefined) continue;
          const result = entry.handler.file(source);
          if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
            pending.push(result as Promise<void>);
          }
        }
      } catch (error) {
        busy = false;
        throw error;
      }
      if (pending.length === 0) {
        busy = false;
        return cleanup(current);
      }
      return Promise.all(pending).then(
        () => {
          busy = false;
          return cleanup(current);
        },
        (error: unknown) => {
          busy = false;
          throw error;
        },
      );
    },
  };
}

/** Core's cleanupMessages without masking: drop ignored, drop duplicates (keep the last), sort. */
function cleanup({ reports, ignores }: Sink): RuleMessage[] {
  const kept =
    ignores.length === 0 ? reports : reports.filter((message) => !ignores.some((i) => isIgnored(message, i)));
  const unique = kept.filter((message, index) => {
    for (let j = index + 1; j < kept.length; j++) {
      const other = kept[j]!;
      if (
        other.range[0] === message.range[0] &&
        other.range[1] === message.range[1] &&
        other.severity === message.severity &&
        other.message === message.message
      ) {
        return false;
      }
    }
    return true;
  });
  // Array#sort is stable: equal ranges keep the rules' order, as in core.
  return unique.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

function isIgnored(message: RuleMessage, ignore: Ignore): boolean {
  const [start, end] = ignore.range;
  const inside =
    start <= message.range[0] &&
    message.range[0] <= end &&
    start <= message.range[1] &&
    message.range[1] <= end;
  if (inside && ignore.targetRuleId)
    return ignore.targetRuleId === '*' || message.ruleId === ignore.targetRuleId;
  return inside;
}

// Core's SecretLintRuleMessageTranslator with the locale fixed to "en" (seckit's messages are English).
function createTranslator(messages: SecretLintRuleLocalizeMessages) {
  return (
    messageId: string | number | symbol,
    props?: object,
  ): SecretLintRuleMessageTranslateResult<object> => {
    const handler = messages[messageId as string] as unknown;
    if (!handler) throw new Error(`messages:${String(messageId)} is missing in messages.`);
    if (typeof messageId !== 'string') throw new Error(`message's key:${String(messageId)} should be string`);
    const format = (fn: (p?: object) => string) =>
      typeof props !== 'object' || props === null ? fn() : fn(props);
    if (typeof handler === 'function') {
      return { message: format(handler as (p?: object) => string), messageId, data: props };
    }
    const localized = (handler as Record<string, (p?: object) => string>).en;
    if (!localized) throw new Error(`message's key:${messageId}.en should be defined in messages.`);
    return { message: format(localized), messageId, data: props };
  };
}
