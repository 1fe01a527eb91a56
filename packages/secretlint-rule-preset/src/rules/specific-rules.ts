import type { RuleDefinition } from '../rule-kit.js';
import { connectionStringRule } from './connection-string.js';
import { kubernetesSecretRule } from './kubernetes-secret.js';
import { privateKeyRule } from './private-key.js';
import { dockerConfigRule, netrcRule, npmrcRule, pypircRule } from './registry-config.js';
import { tokenRule } from './token-rule.js';
import { tokenSpecs } from './tokens/index.js';

/**
 * Every rule except the generic one, in README order. The generic rule consults these so that a
 * credential one of them reports is not reported a second time as a generic secret.
 */
export const specificRules: readonly RuleDefinition[] = [
  privateKeyRule,
  connectionStringRule,
  npmrcRule,
  pypircRule,
  netrcRule,
  dockerConfigRule,
  kubernetesSecretRule,
  ...tokenSpecs.map(tokenRule),
];
