import type { Finding, Policy, Scope } from '@seckit/core';
import { runGit } from '../git/run-git.js';
import { fileFinding } from './file-finding.js';

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
  // --no-index: judge the rules, whether or not a .env happens to be tracked.
  const probes = ['.env', '.env.local', 'config/.env.production'];
  const results = await Promise.all(
    probes.map((p) => runGit(root, ['check-ignore', '-q', '--no-index', '--', p])),
  );
  const uncovered = probes.filter((_, i) => results[i]!.code !== 0);
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
