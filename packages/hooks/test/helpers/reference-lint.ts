import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SecretLintCoreConfig } from '@secretlint/types';
import type { SecretRuleEntry } from '../../src/secrets/engine/rule-set.js';

/** A message as both lintSource and the engine give it (lintSource's `loc` aside). */
export interface Comparable {
  ruleId: string;
  messageId: string;
  message: string;
  range: readonly [number, number];
  data: unknown;
  docsUrl: string | undefined;
}

export type ReferenceLint = (
  filePath: string,
  text: string,
  entries: readonly SecretRuleEntry[],
) => Promise<Comparable[]>;

/**
 * Plain `lintSource` from @secretlint/core 12.0.0, the reference the engine must match, with one
 * change: its profiler is switched off. With it on, every file costs time proportional to all the
 * files before it (secretlint #1653), which would make this suite quadratic; it only measures, so
 * switching it off changes no message.
 */
export async function referenceLint(): Promise<ReferenceLint> {
  const require = createRequire(import.meta.url);
  const corePackage = require.resolve('@secretlint/core/package.json');
  const profilerPath = createRequire(corePackage).resolve('@secretlint/profiler');
  const profiler = (await import(pathToFileURL(profilerPath).href)) as {
    secretLintProfiler: { mark: (marker: unknown) => void };
  };
  profiler.secretLintProfiler.mark = () => {};
  const { lintSource } = await import('@secretlint/core');
  const configs = new WeakMap<readonly SecretRuleEntry[], SecretLintCoreConfig>();
  return async (filePath, text, entries) => {
    let config = configs.get(entries);
    if (config === undefined) {
      config = { rules: entries.map((e) => ({ id: e.rule.meta.id, rule: e.rule, options: e.options })) };
      configs.set(entries, config);
    }
    const result = await lintSource({
      source: { filePath, content: text, ext: path.extname(filePath), contentType: 'text' },
      options: { config, maskSecrets: false },
    });
    return result.messages.map((m) => ({
      ruleId: m.ruleId,
      messageId: m.messageId,
      message: m.message,
      range: m.range,
      data: m.data,
      docsUrl: m.docsUrl,
    }));
  };
}
