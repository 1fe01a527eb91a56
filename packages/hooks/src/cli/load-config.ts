import { type Baseline, loadBaseline, loadPolicy, type Policy, SeckitError } from '@seckit/core';

export interface LoadedConfig {
  policy: Policy;
  baseline: Baseline;
  baselineExists: boolean;
  warnings: string[];
  exceptionLine: (index: number) => number | undefined;
}

/** Policy and baseline of a repository; every problem in either is one SeckitError listing them all. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const [policy, baseline] = await Promise.all([loadPolicy(root), loadBaseline(root)]);
  const errors = [...(policy.ok ? [] : policy.errors), ...(baseline.ok ? [] : baseline.errors)];
  if (!policy.ok || !baseline.ok) throw new SeckitError('E_CONFIG', errors.join('\n'));
  return {
    policy: policy.policy,
    baseline: baseline.baseline,
    baselineExists: baseline.exists,
    warnings: policy.warnings,
    exceptionLine: (index) => policy.placeOf(['exceptions', index])?.line,
  };
}
