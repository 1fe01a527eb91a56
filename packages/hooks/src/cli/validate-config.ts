// Validation of the policy and the baseline with @seckit/core's schemas (zod, jsonc-parser). Loaded
// only when load-config.ts has no cached result for the files' bytes; what it returns is plain JSON
// so that the cache can hold it.
import {
  BASELINE_PATH,
  type Baseline,
  defaultPolicy,
  POLICY_PATH,
  type Policy,
  parseBaseline,
  parsePolicy,
} from '@seckit/core';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export interface ValidatedPolicy {
  policy: Policy;
  warnings: string[];
  /** Line of each `exceptions[i]` in the file (null when the policy is the default). */
  exceptionLines: (number | null)[];
}

export interface ValidatedBaseline {
  baseline: Baseline;
}

/** `text` null: no policy file, so the defaults. */
export function validatePolicy(text: string | null): Validation<ValidatedPolicy> {
  if (text === null)
    return { ok: true, value: { policy: defaultPolicy(), warnings: [], exceptionLines: [] } };
  const result = parsePolicy(text, POLICY_PATH);
  if (!result.ok) return result;
  const exceptionLines = result.policy.exceptions.map(
    (_, index) => result.placeOf(['exceptions', index])?.line ?? null,
  );
  return { ok: true, value: { policy: result.policy, warnings: result.warnings, exceptionLines } };
}

export function validateBaseline(text: string): Validation<ValidatedBaseline> {
  const result = parseBaseline(text, BASELINE_PATH);
  return result.ok ? { ok: true, value: { baseline: result.baseline } } : result;
}
