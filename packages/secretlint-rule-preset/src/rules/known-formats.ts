import { PRESET_TOKEN_PATTERNS } from '../preset-overlap.js';
import { tokenPatterns } from './token-rule.js';
import { tokenSpecs } from './tokens/index.js';

// Non-global copies: `test` on a global pattern would carry `lastIndex` from one call to the next.
const KNOWN: readonly RegExp[] = [...tokenPatterns(tokenSpecs), ...PRESET_TOKEN_PATTERNS].map(
  (p) => new RegExp(p.source, p.flags.replace(/[gdy]/g, '')),
);

/**
 * Does a free-form value contain a provider-format token (this pack's or secretlint's preset's)?
 * Rules that judge free-form values (generic assignments, Kubernetes stringData) leave such values
 * to the provider rule, so one credential is one finding with the most precise rule id.
 */
export function containsKnownToken(value: string): boolean {
  return KNOWN.some((p) => p.test(value));
}
