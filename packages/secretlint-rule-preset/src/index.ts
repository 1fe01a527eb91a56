// @seckit/secretlint-rule-preset: explicit named exports only.
import type { SecretLintRuleCreator, SecretLintRulePresetCreator } from '@secretlint/types';
import {
  README_URL,
  type RuleDefinition,
  type RuleOptions,
  ruleIdOf,
  type Severity,
  toSecretlintRule,
} from './rule-kit.js';
import { genericSecretAssignmentRule } from './rules/generic/generic-secret-assignment.js';
import { specificRules } from './rules/specific-rules.js';

export { shannonEntropy } from './entropy.js';
export { isPlaceholderCredential, isPlaceholderValue } from './placeholder.js';
export type { KeywordHint, RuleDocs, RuleOptions, Severity } from './rule-kit.js';
export { KEYWORD_HINT } from './rule-kit.js';

/** Every rule definition (finder, keywords, severity, docs), generic last. */
export const definitions: readonly RuleDefinition[] = [...specificRules, genericSecretAssignmentRule];

/** The secretlint rules, one per definition. */
export const rules: SecretLintRuleCreator<RuleOptions>[] = definitions.map(toSecretlintRule);

/**
 * Rule id → lowercase literals, one of which occurs (case-insensitively) in any text the rule can
 * match. A necessary condition: a caller may skip a rule for a file that contains none of them.
 */
export const keywords: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  definitions.map((d) => [ruleIdOf(d.name), d.keywords]),
);

/**
 * Rule ids whose finders walk the lines holding their keywords. A caller with a keyword prefilter
 * can record where those keywords occur and pass the offsets in the source's KEYWORD_HINT.
 */
export const rulesUsingKeywordPositions: readonly string[] = definitions
  .filter((d) => d.usesKeywordPositions === true)
  .map((d) => ruleIdOf(d.name));

/** Rule id → seckit severity: provider credentials and keys critical/high, the generic rule medium. */
export const ruleSeverity: Readonly<Record<string, Severity>> = Object.fromEntries(
  definitions.map((d) => [ruleIdOf(d.name), d.severity]),
);

/** The preset: list `@seckit/secretlint-rule-preset` in `.secretlintrc.json` to enable every rule. */
export const creator: SecretLintRulePresetCreator<Record<string, never>> = {
  meta: {
    id: '@seckit/secretlint-rule-preset',
    recommended: true,
    type: 'preset',
    docs: { url: README_URL },
  },
  rules: rules as SecretLintRuleCreator<unknown>[],
  create(context) {
    for (const rule of rules) context.registerRule(rule);
  },
};
