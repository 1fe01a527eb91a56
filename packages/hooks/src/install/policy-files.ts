import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BASELINE_PATH,
  createBaseline,
  loadBaseline,
  POLICY_PATH,
  POLICY_SCHEMA_FILE,
  type Policy,
  parsePolicy,
  serializeBaseline,
} from '@seckit/core';
import { resolveRepo } from '../git/resolve-repo.js';
import { scan } from '../scan.js';
import { trackedFiles } from '../targets/tree-files.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { toPosix } from './resolve-layout.js';

/**
 * `.seckit/policy.json` as sec-init writes it: the defaults made visible, and a `$schema` that
 * editors resolve from the repository itself (relative to `.seckit/`, through node_modules of the
 * folder where @seckit/core is a direct devDependency, so pnpm links it there too).
 */
export function policyText(
  gitRoot: string,
  installRoot: string,
  /** The package manager, when it records no integrity for the `--from` tarballs. */
  options: { localTarballsWithoutIntegrity?: string | undefined } = {},
): string {
  const fromSeckitDir = toPosix(path.relative(path.join(gitRoot, '.seckit'), installRoot));
  const schema = `${fromSeckitDir === '' ? '.' : fromSeckitDir}/${POLICY_SCHEMA_FILE}`;
  const policy: Record<string, unknown> = {
    $schema: schema,
    version: 1,
    blockOn: 'high',
    ignore: [],
    exceptions: [],
  };
  if (options.localTarballsWithoutIntegrity !== undefined) {
    // yarn 1 and bun record no integrity for `file:` tarballs; without this the hook would block
    // sec-init's own lockfile change. Named, with its reason, so it shows in every report.
    policy.dependencies = {
      exceptions: [
        {
          package: '@seckit/*',
          rule: 'seckit/lockfile-missing-integrity',
          reason: messages.policyTarballException(options.localTarballsWithoutIntegrity),
        },
      ],
    };
  }
  return `${JSON.stringify(policy, null, 2)}\n`;
}

export interface BaselinePlan {
  /** The file's new text, or undefined when a baseline already exists (it is the user's). */
  text: string | undefined;
  /** Findings accepted into the baseline (0 when it already existed). */
  count: number;
  /** Entries of an existing baseline. */
  existing: number;
  /** Files the scan could not check (reported, never silently passed). */
  errors: number;
}

/**
 * The baseline of what the repository already contains: a full scan of the tracked files, with
 * the policy that will be in force, accepting every finding (what `seckit baseline` records), so
 * adopting seckit never blocks on old debt. An existing baseline is kept as it is.
 */
export async function planBaseline(
  gitRoot: string,
  policySource: string,
  options: { dropRules?: readonly string[] } = {},
): Promise<BaselinePlan> {
  const parsed = parsePolicy(policySource, POLICY_PATH);
  if (!parsed.ok)
    throw new InstallError(
      'E_POLICY',
      messages.policyInvalid(parsed.errors),
      path.join(gitRoot, POLICY_PATH),
    );
  const existing = await loadBaseline(gitRoot);
  if (!existing.ok) {
    throw new InstallError(
      'E_POLICY',
      messages.policyInvalid(existing.errors),
      path.join(gitRoot, BASELINE_PATH),
    );
  }
  if (existing.exists)
    return { text: undefined, count: 0, existing: existing.baseline.entries.length, errors: 0 };
  return fullScanBaseline(gitRoot, parsed.policy, options.dropRules ?? []);
}

async function fullScanBaseline(
  gitRoot: string,
  policy: Policy,
  dropRules: readonly string[],
): Promise<BaselinePlan> {
  const repo = await resolveRepo(gitRoot);
  const target = await trackedFiles(repo.root);
  const { evaluation, report } = await scan({ repo, scope: 'full', target, policy });
  const accepted = evaluation.findings.filter(
    (f) => f.ruleId !== 'seckit/expired-exception' && !dropRules.includes(f.ruleId),
  );
  const baseline = createBaseline(accepted);
  return {
    text: serializeBaseline(baseline),
    count: baseline.entries.length,
    existing: 0,
    errors: report.errors.length,
  };
}

/** The current policy text, or undefined when there is none. */
export async function readPolicySource(gitRoot: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(gitRoot, POLICY_PATH), 'utf8');
  } catch {
    return undefined;
  }
}
