import path from 'node:path';
import { type Finding, fingerprint, offsetToPlace, redact, redactAll } from '@seckit/core';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import type { RuleMessage } from '../secrets/engine/rule-runner.js';
import { defaultSecretRules, type SecretRuleSet } from '../secrets/engine/rule-set.js';
import { createSecretEngine, type ScanKind, type SecretEngine } from '../secrets/engine/secret-engine.js';
import { classifyFile } from '../secrets/file-kind.js';
import type { FileCheck } from './check.js';

/** "found GitHub Token(****): ****" → "GitHub Token": secretlint's words, without its masked data. */
export function describeSecretlintMessage(message: string): string {
  const head = message.split(':')[0] ?? message;
  const cleaned = head
    .replace(/\([^)]*\*{4}[^)]*\)/g, '')
    .replace(/\*+/g, '')
    .replace(/^found\s+/i, '')
    .trim();
  return cleaned === '' ? 'Secret' : cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/**
 * Where the credential really is. Some secretlint rules report a range that starts at the
 * assignment (`AWS_SECRET_ACCESS_KEY=…`) rather than at the value, so hashing the range would
 * fingerprint the wrong text. The rule's `data` holds the value itself: find it at or near the range.
 */
export function locateCredential(
  text: string,
  msg: Pick<SecretLintCoreResultMessage, 'range' | 'data'>,
): { start: number; end: number; dataValues: string[] } {
  const dataValues = Object.values((msg.data ?? {}) as Record<string, unknown>).filter(
    (v): v is string => typeof v === 'string' && v.length >= 4,
  );
  const [from, to] = msg.range;
  for (const value of [...dataValues].sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(value, Math.max(0, from - value.length));
    if (at >= 0 && at <= to) return { start: at, end: at + value.length, dataValues };
  }
  return { start: from, end: to, dataValues };
}

export interface SecretFile {
  /** Repo-relative POSIX path. */
  path: string;
  content: Uint8Array;
  kind: ScanKind;
  /** Decoded content, when the caller decoded it already. */
  text?: string | undefined;
}

export interface SecretScanContext {
  root: string;
  salt: string | undefined;
}

export interface SecretScanner {
  readonly engine: SecretEngine;
  scan(file: SecretFile, context: SecretScanContext): Finding[] | Promise<Finding[]>;
}

/** The secretlint rules of `rules` behind one keyword prefilter, turning messages into findings. */
export function createSecretScanner(rules: SecretRuleSet = defaultSecretRules()): SecretScanner {
  const engine = createSecretEngine(rules.entries);
  const toFindings = (
    file: SecretFile,
    context: SecretScanContext,
    output: { source: { content: string } | undefined; messages: (RuleMessage & { ruleIndex: number })[] },
  ): Finding[] => {
    if (output.source === undefined || output.messages.length === 0) return [];
    const findings: Finding[] = [];
    for (const msg of output.messages) {
      const finding = toFinding(msg, output.source.content, file.path, context.salt, rules);
      if (finding !== undefined) findings.push(finding);
    }
    return findings;
  };
  return {
    engine,
    scan(file, context) {
      const output = engine.scan({
        content: file.content,
        kind: file.kind,
        filePath: path.join(context.root, file.path),
        ext: path.extname(file.path),
        text: file.text,
      });
      if (output instanceof Promise) return output.then((o) => toFindings(file, context, o));
      return toFindings(file, context, output);
    },
  };
}

function toFinding(
  msg: RuleMessage & { ruleIndex: number },
  text: string,
  filePath: string,
  salt: string | undefined,
  rules: SecretRuleSet,
): Finding | undefined {
  // `text` is what the rules saw (a BOM removed), so ranges and places agree with secretlint's.
  const { start, end, dataValues } = locateCredential(text, msg);
  const value = text.slice(start, end);
  if (rules.isPlaceholder(value)) return undefined;
  const ruleId = msg.ruleId;
  const begin = offsetToPlace(text, start);
  const finish = offsetToPlace(text, end);
  // The rules run unmasked so we can read the value; mask their message before using any of it.
  const described = describeSecretlintMessage(redactAll(msg.message, [value, ...dataValues]));
  return {
    id: fingerprint({ ruleId, path: filePath, content: value, salt }),
    ruleId,
    category: 'secret',
    severity: rules.entries[msg.ruleIndex]?.severity ?? 'critical',
    message: redactAll(`${described} found: ${redact(value)}`, [value]),
    // 1-based columns with an exclusive end (SARIF's convention).
    location: {
      path: filePath,
      startLine: begin.line,
      startColumn: begin.column,
      endLine: finish.line,
      endColumn: finish.column,
    },
    fix: 'Remove the value, rotate it at its provider (it is exposed once committed), and load it from the environment or a secret manager.',
    ...(msg.docsUrl === undefined ? {} : { docsUrl: oneFragment(msg.docsUrl) }),
    tool: 'secretlint',
    properties: { messageId: msg.messageId },
  };
}

/**
 * secretlint appends `#<messageId>` to a rule's docs URL. Our pack's URLs already point at the
 * rule's README section (`…README.md#<rule>`), and a second `#` would make a fragment no page
 * has: keep the first one.
 */
function oneFragment(url: string): string {
  const first = url.indexOf('#');
  const second = first < 0 ? -1 : url.indexOf('#', first + 1);
  return second < 0 ? url : url.slice(0, second);
}

let defaultScanner: SecretScanner | undefined;

/** The scanner with seckit's default rules, built on first use and then shared. */
export function secretScanner(): SecretScanner {
  defaultScanner ??= createSecretScanner();
  return defaultScanner;
}

/**
 * secretlint rules in-process behind a keyword prefilter (no CLI, no config lookup, no profiler).
 * The scan loop hands this check whole files through `secretScanner()` (in batches, in worker
 * threads for large scans); `run` is the same thing for one decoded file.
 */
export const secretlintCheck: FileCheck = {
  id: 'secrets',
  async run(file, context) {
    const content = Buffer.from(file.text, 'utf8');
    const kind = classifyFile(file.path, content).kind === 'lockfile' ? 'lockfile' : 'text';
    return secretScanner().scan(
      { path: file.path, content, kind, text: file.text },
      { root: context.root, salt: context.policy.fingerprintSalt },
    );
  },
};
