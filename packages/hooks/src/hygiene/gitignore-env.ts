import type { Finding, Policy, Scope } from '@seckit/core';
import { runGit } from '../git/run-git.js';
import { fileFinding } from './file-finding.js';

/** Environment files every repository should ignore, as paths git is asked about. */
export const ENV_PROBES = ['.env', '.env.local', 'config/.env.production'] as const;

/** The probes git would not ignore. --no-index: judge the rules, whether or not a .env is tracked. */
export async function uncoveredEnvProbes(root: string): Promise<string[]> {
  const results = await Promise.all(
    ENV_PROBES.map((p) => runGit(root, ['check-ignore', '-q', '--no-index', '--', p])),
  );
  return ENV_PROBES.filter((_, i) => results[i]!.code !== 0);
}

/**
 * Repository-level and advisory: does .gitignore keep `.env` files out? Checked on full scans and
 * when .gitignore itself changes, not on every commit.
 */
export async function gitignoreEnvFindings(
  root: string,
  policy: Policy,
  scope: Scope,
  paths: readonly string[],
): Promise<Finding[]> {
  if (scope !== 'full' && !paths.includes('.gitignore')) return [];
  const uncovered = await uncoveredEnvProbes(root);
  if (uncovered.length === 0) return [];
  return [
    fileFinding({
      ruleId: 'seckit/gitignore-env',
      path: '.gitignore',
      severity: 'low',
      message: `.gitignore does not cover ${uncovered.join(', ')}: an environment file can be committed by accident`,
      fix: 'Add these lines to .gitignore: `.env` and `.env.*`, then `!.env.example` to keep the template.',
      salt: policy.fingerprintSalt,
    }),
  ];
}
