import type { Severity } from '@seckit/core';
import {
  isPlaceholderCredential,
  rulesUsingKeywordPositions,
  keywords as seckitKeywords,
  rules as seckitRules,
  ruleSeverity as seckitSeverity,
} from '@seckit/secretlint-rule-preset';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleCreator } from '@secretlint/types';
import { PRESET_GATES, PRESET_KEYWORDS } from '../preset-keywords.js';

/** One secretlint rule as the engine runs it. */
export interface SecretRuleEntry {
  // biome-ignore lint/suspicious/noExplicitAny: rule creators differ in their option types
  rule: SecretLintRuleCreator<any>;
  /** Lowercase literals, one of which occurs in anything the rule reports; none: always run. */
  keywords: readonly string[] | undefined;
  /** An exact necessary condition on the text, cheaper than the rule; checked after the keywords. */
  gate?: ((text: string) => boolean) | undefined;
  severity: Severity;
  options?: object | undefined;
  /** Also run on lockfiles, where only credentials inside URLs are worth looking for. */
  lockfiles?: boolean | undefined;
  /** The rule walks the lines holding its keywords: the prefilter records where they occur. */
  keywordPositions?: boolean | undefined;
}

const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';
const AWS = '@secretlint/secretlint-rule-aws';

// Rules that find credentials inside URLs and registry settings: a lockfile's integrity hashes
// would only feed the token rules false positives (secrets-anchors (d) item 7).
const LOCKFILE_RULES = new Set([
  '@secretlint/secretlint-rule-basicauth',
  '@secretlint/secretlint-rule-database-connection-string',
  '@secretlint/secretlint-rule-npm',
  '@seckit/secretlint-rule-connection-string',
]);

// Basic-auth URLs are often test fixtures or local services; provider credentials are live keys.
const PRESET_SEVERITY: Readonly<Record<string, Severity>> = {
  '@secretlint/secretlint-rule-basicauth': 'high',
};

/**
 * secretlint's recommended preset as seckit runs it, two rules adjusted:
 * - the AWS rule leaves access key *ids* off by default; a committed key id is worth blocking on;
 * - the comment filter is left out: seckit reads `secretlint-disable-*` comments itself (core's
 *   inline suppressions), so every suppressed finding is still listed with its reason.
 */
export function presetRuleEntries(): SecretRuleEntry[] {
  return presetRules
    .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
    .map((rule) => ({
      rule,
      keywords: PRESET_KEYWORDS[rule.meta.id],
      gate: PRESET_GATES[rule.meta.id],
      severity: PRESET_SEVERITY[rule.meta.id] ?? 'critical',
      options: rule.meta.id === AWS ? { enableIDScanRule: true } : undefined,
      lockfiles: LOCKFILE_RULES.has(rule.meta.id),
    }));
}

/** seckit's own rules (@seckit/secretlint-rule-preset): their keywords and severities come with them. */
export function seckitRuleEntries(): SecretRuleEntry[] {
  return seckitRules.map((rule) => ({
    rule,
    keywords: seckitKeywords[rule.meta.id],
    severity: seckitSeverity[rule.meta.id] ?? 'high',
    lockfiles: LOCKFILE_RULES.has(rule.meta.id),
    keywordPositions: rulesUsingKeywordPositions.includes(rule.meta.id),
  }));
}

/** Every rule the secrets check runs, and the filter for stand-in values. */
export interface SecretRuleSet {
  entries: SecretRuleEntry[];
  /** True for obvious fakes (`ghp_XXXX…`, `<your-token>`): such findings are dropped. */
  isPlaceholder: (value: string) => boolean;
}

/**
 * secretlint's preset first (its findings keep its rule ids), then seckit's rules, which leave
 * what the preset reports to it. The placeholder filter applies to every finding, the preset's too.
 * `SECKIT_SECRET_RULES=preset` runs secretlint's preset alone: to compare with secretlint itself
 * (bench/secrets-speed), or to tell whether a finding comes from seckit's own rules.
 */
export function defaultSecretRules(env: NodeJS.ProcessEnv = process.env): SecretRuleSet {
  const entries =
    env.SECKIT_SECRET_RULES === 'preset'
      ? presetRuleEntries()
      : [...presetRuleEntries(), ...seckitRuleEntries()];
  return { entries, isPlaceholder: isPlaceholderCredential };
}
