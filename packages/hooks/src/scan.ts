import {
  type Baseline,
  buildReport,
  createPathMatcher,
  type Evaluation,
  evaluate,
  type Finding,
  findInlineSuppressions,
  type InlineScan,
  type Policy,
  type Report,
  type RunError,
  type Scope,
  uniqueIds,
} from '@seckit/core';
import type { CheckContext, FileCheck } from './checks/check.js';
import { fileChecks } from './checks/index.js';
import type { RepoInfo } from './git/resolve-repo.js';
import type { TargetFiles } from './targets/scan-file.js';
import { TOOL } from './version.js';

/** Files larger than this are not secret-scanned (counted as skipped, never silently). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** seckit's own bookkeeping: ids that look like hex tokens, not credentials. */
const OWN_FILES = new Set(['.seckit/baseline.json']);

export interface ScanOptions {
  repo: RepoInfo;
  scope: Scope;
  target: TargetFiles;
  policy: Policy;
  baseline?: Baseline | undefined;
  checks?: readonly FileCheck[];
  policyWarnings?: readonly string[];
  exceptionLine?: (index: number) => number | undefined;
  now?: Date;
}

export interface ScanResult {
  report: Report;
  evaluation: Evaluation;
}

/** Looks like binary content: a NUL byte in the first 8 KiB (git's own heuristic). */
function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/** Runs the enabled checks over the target's files and evaluates the findings against the policy. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const { policy, repo } = options;
  const checks = (options.checks ?? fileChecks).filter((c) => policy.checks[c.id]);
  const ignored = createPathMatcher(policy.ignore);
  const context: CheckContext = { root: repo.root, policy };
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const inline = new Map<string, InlineScan>();
  const skipped = [...options.target.skipped];
  let files = 0;
  let bytes = 0;

  for (const file of options.target.files) {
    if (OWN_FILES.has(file.path)) continue;
    if (ignored.match(file.path) !== undefined) {
      skipped.push({ path: file.path, why: 'ignored by policy' });
      continue;
    }
    if (file.content.length > MAX_FILE_BYTES) {
      skipped.push({ path: file.path, why: `larger than ${MAX_FILE_BYTES} bytes` });
      continue;
    }
    if (isBinary(file.content)) {
      skipped.push({ path: file.path, why: 'binary' });
      continue;
    }
    files++;
    bytes += file.content.length;
    const text = file.content.toString('utf8');
    const fileFindings: Finding[] = [];
    for (const check of checks) {
      if (check.appliesTo !== undefined && !check.appliesTo(file.path)) continue;
      try {
        fileFindings.push(...(await check.run({ path: file.path, text }, context)));
      } catch (error) {
        // A crashed check must not look like a clean file: record it; the decision fails closed.
        errors.push({
          path: file.path,
          check: check.id,
          message: `check failed: ${(error as Error).message}`,
        });
      }
    }
    if (fileFindings.length > 0) {
      // Only files with findings pay for the suppression-comment scan.
      inline.set(file.path, findInlineSuppressions(text));
      findings.push(...uniqueIds(fileFindings));
    }
  }

  const evaluation = evaluate({
    findings,
    policy,
    baseline: options.baseline,
    inline,
    errors,
    now: options.now,
    exceptionLine: options.exceptionLine,
  });
  const report = buildReport({
    tool: TOOL,
    scope: options.scope,
    repository: {
      root: repo.root.split(/[\\/]/).pop() || repo.root,
      branch: repo.branch,
      commit: repo.commit,
    },
    evaluation,
    errors,
    warnings: options.policyWarnings ?? [],
    stats: { files, bytes, durationMs: Math.round(performance.now() - started), skipped: skipped.length },
    ...(options.now === undefined ? {} : { createdAt: options.now }),
  });
  return { report, evaluation };
}
