import { parse as parseJsonc } from 'jsonc-parser';
import { isMap, isSeq, parseDocument } from 'yaml';
import { setJsonValue } from './json-edit.js';
import type { LintStagedConfig } from './lint-staged-configs.js';

/**
 * The task sec-init adds. lint-staged appends the staged paths it routes to this config; the CLI
 * then reads those paths' content from the index, so it checks exactly what will be committed
 * (partially staged files included) and never edits a file.
 */
export const SECKIT_TASK = 'seckit scan --staged';

/** Recognises our task however it was later spelled (a path to the bin, extra flags, in-process). */
const OUR_TASK = /\bseckit(\.js)?\s+scan\b|@seckit\/hooks\/lint-staged\b/;

/** The config sec-init creates when the package has none. */
export const CREATED_CONFIG_NAME = '.lintstagedrc.mjs';

/**
 * Its text: our task in-process (`@seckit/hooks/lint-staged`), so a commit starts one Node process
 * (lint-staged's) instead of two; it checks and reports exactly as `seckit scan --staged` does.
 * A module config rather than JSON because only code can hold a function task.
 */
export function createdLintStagedConfig(globs: readonly string[]): string {
  return [
    '// lint-staged configuration, created by sec-init. seckit checks the staged files inside',
    "// lint-staged's own process (one Node start-up per commit, not two), exactly as",
    '// `seckit scan --staged` would. Add your own tasks beside it, e.g.',
    "//   '*.{js,ts}': 'prettier --write',",
    "import seckitTask from '@seckit/hooks/lint-staged';",
    '',
    'export default {',
    ...globs.map((glob) => `  '${glob}': seckitTask(),`),
    '};',
    '',
  ].join('\n');
}

/** Whether a code config is still exactly what sec-init created (then uninstall may delete it). */
export function isCreatedLintStagedConfig(text: string, globs: readonly string[]): boolean {
  return text.replace(/\r\n/g, '\n') === createdLintStagedConfig(globs);
}

/**
 * The globs our task goes under. `*` matches every staged file below the config (lint-staged
 * matches a slash-less glob against base names, dot files included). A config below the
 * repository root (husky's `cd <sub>` form) never sees files outside its folder unless a glob
 * starts with `../`, so one such glob per level up keeps the secret check on the whole commit.
 */
export function taskGlobs(levelsBelowRoot: number): string[] {
  return ['*', ...Array.from({ length: levelsBelowRoot }, (_, i) => `${'../'.repeat(i + 1)}**`)];
}

export function hasSeckitTask(config: Pick<LintStagedConfig, 'text'>): boolean {
  return OUR_TASK.test(config.text);
}

export type TaskEdit = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The config text with our task under each of `globs`, changing nothing else: an absent glob is
 * added; a glob with another command becomes a list that runs it first, then ours. A config that
 * already runs seckit anywhere is left as it is (the user may have moved or tuned the task).
 * Code configs are never edited.
 */
export function addSeckitTask(config: LintStagedConfig, globs: readonly string[]): TaskEdit {
  if (hasSeckitTask(config)) return { ok: true, text: config.text };
  switch (config.format) {
    case 'code':
      return { ok: false, reason: 'code' };
    case 'json':
      return addToJson(config.text, [], globs);
    case 'package.json':
      return addToJson(config.text, ['lint-staged'], globs);
    case 'yaml':
      return addToYaml(config.text, globs);
  }
}

function addToJson(text: string, prefix: string[], globs: readonly string[]): TaskEdit {
  const data: unknown = parseJsonc(text.replace(/^\uFEFF/, ''));
  const tasks = prefix.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), data);
  if (!isObject(tasks)) return { ok: false, reason: 'not-an-object' };
  let out = text;
  for (const glob of globs) {
    const current = tasks[glob];
    const next = withOurTask(current);
    if (next === undefined) return { ok: false, reason: 'unknown-task' };
    if (next !== current) out = setJsonValue(out, [...prefix, glob], next);
  }
  return { ok: true, text: out };
}

/** The task value for a glob with ours added; `undefined` for a shape we do not understand. */
function withOurTask(current: unknown): unknown {
  if (current === undefined) return SECKIT_TASK;
  if (typeof current === 'string') return [current, SECKIT_TASK];
  if (Array.isArray(current) && current.every((t) => typeof t === 'string')) return [...current, SECKIT_TASK];
  return undefined;
}

function addToYaml(text: string, globs: readonly string[]): TaskEdit {
  // An empty file is an empty config: start from an empty mapping.
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) return { ok: false, reason: 'invalid' };
  if (!isMap(doc.contents)) return { ok: false, reason: 'not-an-object' };
  for (const glob of globs) {
    const current = doc.get(glob, true);
    if (current === undefined) doc.set(glob, SECKIT_TASK);
    else if (isSeq(current)) current.add(SECKIT_TASK);
    else {
      const value = doc.get(glob);
      if (typeof value !== 'string') return { ok: false, reason: 'unknown-task' };
      doc.set(glob, doc.createNode([value, SECKIT_TASK]));
    }
  }
  return { ok: true, text: doc.toString() };
}

/**
 * The config without our task, for `--uninstall` when the file changed since sec-init wrote it
 * (otherwise the original bytes are restored). Globs left with no task are removed; a list
 * left with one command keeps the list form. Returns the text unchanged when there is nothing to do.
 */
export function removeSeckitTask(config: LintStagedConfig): string {
  if (!hasSeckitTask(config)) return config.text;
  if (config.format === 'code') return config.text;
  if (config.format === 'yaml') {
    const doc = parseDocument(config.text);
    if (!isMap(doc.contents)) return config.text;
    for (const pair of [...doc.contents.items]) {
      const key = pair.key;
      const value = pair.value;
      if (isSeq(value)) {
        value.items = value.items.filter(
          (item) => !OUR_TASK.test(String((item as { value?: unknown }).value)),
        );
        if (value.items.length === 0) doc.contents.delete(key);
      } else if (OUR_TASK.test(String((value as { value?: unknown } | null)?.value ?? ''))) {
        doc.contents.delete(key);
      }
    }
    return doc.toString();
  }
  const prefix = config.format === 'package.json' ? ['lint-staged'] : [];
  const data: unknown = parseJsonc(config.text.replace(/^\uFEFF/, ''));
  const tasks = prefix.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), data);
  if (!isObject(tasks)) return config.text;
  let out = config.text;
  for (const [glob, value] of Object.entries(tasks)) {
    if (typeof value === 'string' && OUR_TASK.test(value))
      out = setJsonValue(out, [...prefix, glob], undefined);
    else if (Array.isArray(value) && value.some((t) => typeof t === 'string' && OUR_TASK.test(t))) {
      const rest = value.filter((t) => !(typeof t === 'string' && OUR_TASK.test(t)));
      out = setJsonValue(out, [...prefix, glob], rest.length === 0 ? undefined : rest);
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
