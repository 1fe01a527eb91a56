import path from 'node:path';
import { type Finding, fingerprint, offsetToPlace, redact, redactAll, type Severity } from '@seckit/core';
import { lintSource } from '@secretlint/core';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintCoreResultMessage } from '@secretlint/types';
import type { CheckContext, FileCheck, TextFile } from './check.js';

const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';

// Built once per process: secretlint's per-file cost is in its rules, not its config. The preset's
// rules are listed one by one so that two of them can be adjusted:
// - the AWS rule leaves access key *ids* off by default; a committed key id is worth blocking on;
// - the comment filter is left out: we read `secretlint-disable-*` comments ourselves (core's inline
//   suppressions), so every suppressed finding is still listed in the report with its reason.
const config: SecretLintCoreConfig = {
  rules: presetRules
    .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
    .map((rule) =>
      rule.meta.id === '@secretlint/secretlint-rule-aws'
        ? { id: rule.meta.id, rule, options: { enableIDScanRule: true } }
        : { id: rule.meta.id, rule },
    ),
};

// Basic-auth URLs are often test fixtures or local services; provider credentials are always live keys.
const SEVERITY_BY_RULE: Record<string, Severity> = {
  '@secretlint/secretlint-rule-basicauth': 'high',
};

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
  msg: SecretLintCoreResultMessage,
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

function toFinding(msg: SecretLintCoreResultMessage, file: TextFile, context: CheckContext): Finding {
  const { start, end, dataValues } = locateCredential(file.text, msg);
  const value = file.text.slice(start, end);
  const ruleId = msg.ruleId;
  const begin = offsetToPlace(file.text, start);
  const finish = offsetToPlace(file.text, end);
  // secretlint runs unmasked so we can read the value; mask its message before using any of it.
  const described = describeSecretlintMessage(redactAll(msg.message, [value, ...dataValues]));
  return {
    id: fingerprint({ ruleId, path: file.path, content: value, salt: context.policy.fingerprintSalt }),
    ruleId,
    category: 'secret',
    severity: SEVERITY_BY_RULE[ruleId] ?? 'critical',
    message: redactAll(`${described} found: ${redact(value)}`, [value]),
    // 1-based columns with an exclusive end (SARIF's convention).
    location: {
      path: file.path,
      startLine: begin.line,
      startColumn: begin.column,
      endLine: finish.line,
      endColumn: finish.column,
    },
    fix: 'Remove the value, rotate it at its provider (it is exposed once committed), and load it from the environment or a secret manager.',
    ...(msg.docsUrl === undefined ? {} : { docsUrl: msg.docsUrl }),
    tool: 'secretlint',
    properties: { messageId: msg.messageId },
  };
}

/** secretlint core + the recommended preset, in-process (no CLI, no config file lookup). */
export const secretlintCheck: FileCheck = {
  id: 'secrets',
  async run(file, context) {
    const result = await lintSource({
      source: {
        filePath: path.join(context.root, file.path),
        content: file.text,
        ext: path.extname(file.path),
        contentType: 'text',
      },
      options: { config, maskSecrets: false },
    });
    return result.messages.map((m) => toFinding(m, file, context));
  },
};
