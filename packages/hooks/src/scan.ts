import { availableParallelism } from 'node:os';
import {
  type Baseline,
  buildReport,
  createPathMatcher,
  type Evaluation,
  evaluate,
  type Policy,
  type Report,
  type Scope,
} from '@seckit/core';
import type { FileCheck } from './checks/check.js';
import { fileChecks } from './checks/index.js';
import type { RepoInfo } from './git/resolve-repo.js';
import { type AuditSummary, projectChecks } from './project-checks.js';
import type { JobFile } from './secrets/engine/file-job.js';
import { type ParallelOptions, type ParallelTuning, runJobs } from './secrets/engine/run-jobs.js';
import { MAX_SECRET_SCAN_BYTES } from './secrets/file-kind.js';
import type { TargetFiles } from './targets/scan-file.js';
import { TOOL } from './version.js';

/** Files larger than this are not secret-scanned (counted as skipped, never silently). */
export const MAX_FILE_BYTES = MAX_SECRET_SCAN_BYTES;
/** seckit's own bookkeeping: ids that look like hex tokens, not credentials. */
const OWN_FILES = new Set(['.seckit/baseline.json']);
/** A scan still running after this long is a large one: worker threads take over the rest. */
const PARALLEL_AFTER_MS = 150;

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
  /** How large scans use worker threads; the defaults suit every real use, tests tune them. */
  parallel?: ParallelTuning;
  /** The environment (the audit's database location); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The audit's database folder (`seckit audit --db`), over the policy's. */
  auditDatabase?: string;
}

export interface ScanResult {
  report: Report;
  evaluation: Evaluation;
  /** When the audit ran: the database it used and what it read. */
  audit?: AuditSummary;
}

/** Runs the enabled checks over the target's files and evaluates the findings against the policy. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const { policy, repo } = options;
  const checks = (options.checks ?? fileChecks).filter((c) => policy.checks[c.id]);
  const ignored = createPathMatcher(policy.ignore);
  const skipped = [...options.target.skipped];

  // Paths decide before any byte is read: seckit's own files, then the policy's ignores.
  const jobs: JobFile[] = [];
  const admit = (path: string): boolean => {
    if (OWN_FILES.has(path)) return false;
    if (ignored.match(path) === undefined) return true;
    skipped.push({ path, why: 'ignored by policy' });
    return false;
  };
  for (const file of options.target.files) {
    if (admit(file.path))
      jobs.push({ path: file.path, content: file.content, added: file.added, commit: file.commit });
  }
  for (const path of options.target.onDisk ?? []) if (admit(path)) jobs.push({ path });

  // Workers rebuild the checks from `fileChecks`; any other check can only run here.
  const parallel: ParallelOptions | undefined = checks.every((c) => fileChecks.includes(c))
    ? {
        // This thread scans too: one worker per other CPU.
        workers: options.parallel?.workers ?? availableParallelism() - 1,
        afterMs: options.parallel?.afterMs ?? PARALLEL_AFTER_MS,
        mainThreadScans: options.parallel?.mainThreadScans ?? true,
        init: {
          root: repo.root,
          policy,
          scope: options.scope,
          checkIndexes: checks.map((c) => fileChecks.indexOf(c)),
        },
      }
    : undefined;
  const { result, warnings } = await runJobs(
    jobs,
    { root: repo.root, policy, scope: options.scope, checks },
    parallel,
  );
  // Checks that judge files together (a manifest with its lockfile) or the repository as a whole.
  const project = await projectChecks(jobs, options);
  result.findings.push(...project.findings);
  result.errors.push(...project.errors);
  result.inline.push(...project.inline);

  // Batches finish in any order: sort by path (stably, so a file's findings keep their order) to
  // give every run the same report.
  const byPath = <T extends { path?: string | undefined }>(a: T, b: T) =>
    (a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0;
  const findings = result.findings.sort((a, b) => byPath(a.location, b.location));
  const errors = result.errors.sort(byPath);
  const evaluation = evaluate({
    findings,
    policy:
      project.exceptions.length === 0
        ? policy
        : { ...policy, exceptions: [...policy.exceptions, ...project.exceptions] },
    baseline: options.baseline,
    inline: new Map(result.inline),
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
    warnings: [...(options.policyWarnings ?? []), ...warnings, ...project.warnings],
    stats: {
      files: result.files,
      bytes: result.bytes,
      durationMs: Math.round(performance.now() - started),
      skipped: skipped.length + result.skipped.length,
    },
    ...(options.now === undefined ? {} : { createdAt: options.now }),
  });
  return project.audit === undefined ? { report, evaluation } : { report, evaluation, audit: project.audit };
}
