import type { TokenRuleSpec } from '../token-rule.js';
import { cloudTokens } from './cloud.js';
import { devtoolTokens } from './devtools.js';
import { messagingTokens } from './messaging.js';
import { saasTokens } from './saas.js';

/** Every provider-format token rule of the pack, in README order. */
export const tokenSpecs: readonly TokenRuleSpec[] = [
  ...cloudTokens,
  ...devtoolTokens,
  ...messagingTokens,
  ...saasTokens,
];
