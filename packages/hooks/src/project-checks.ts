import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Finding,
  findInlineSuppressions,
  type InlineScan,
  type PolicyException,
  type RunError,
} from '@seckit/core';
import { depsFileKind, runDependencyChecks } from './deps/index.js';
import { GitObjectReader } from './git/object-reader.js';
import { gitignoreEnvFindings } from './hygiene/index.js';
import type { ScanOptions } from './scan.js';
import type { JobFile } from './secrets/engine/file-job.js';

export interface ProjectResult {
  findings: Finding[];
  errors: RunError[];
  inline: [string, InlineScan][];
  warnings: string[];
  /** Exceptions the checks derive from their own policy sections (audit.exceptions). */
  exceptions: PolicyException[];
  /** What the audit read, for `seckit audit`'s summary line. */
  audit?: AuditSummary;
}

export interface AuditSummary {
  database: string;
  sources: { ecosystem: string; present: boolean; records: number; updated?: Date }[];
  packages: number;
  files: string[];
  /** Package versions of ecosystems `audit.ecosystems` leaves out. */
  notAudited: number;
}

/**
 * The checks that look at several files at once (dependency manifests with their lockfiles, drift
 * between what is staged) or at the repository (.gitignore coverage). They run in this thread
 * after the per-file jobs; most commits touch no dependency file and pay one name test per file.
 */
export async function projectChecks(jobs: readonly JobFile[], options: ScanOptions): Promise<ProjectResult> {
  const { policy, repo, scope } = options;
  const out: ProjectResult = { findings: [], errors: [], inline: [], warnings: [], exceptions: [] };
  const root = repo.root;

  if (policy.checks.dependencies || policy.checks.lockfiles) {
    const depsJobs = jobs.filter((j) => depsFileKind(j.path) !== undefined);
    if (depsJobs.length > 0) {
      const files = await Promise.all(
        depsJobs.map(async (j) => ({
          path: j.path,
          content: j.content === undefined ? await readFile(path.join(root, j.path)) : Buffer.from(j.content),
          ...(j.added === undefined ? {} : { added: j.added }),
        })),
      );
      const objects = scope === 'full' ? undefined : new GitObjectReader(root);
      let result: Awaited<ReturnType<typeof runDependencyChecks>>;
      try {
        result = await runDependencyChecks({
          root,
          scope,
          files,
          policy,
          readRepoFile: (rel) => readVersion(root, rel, scope, objects),
          ...(options.target.staged === undefined ? {} : { stagedPaths: options.target.staged }),
          ...(options.now === undefined ? {} : { now: options.now }),
        });
      } finally {
        objects?.close();
      }
      // The policy switches the two halves separately.
      const wanted = result.findings.filter((f) =>
        f.category === 'lockfile' ? policy.checks.lockfiles : policy.checks.dependencies,
      );
      out.findings.push(...wanted);
      out.errors.push(...result.errors);
      const byPath = new Map(files.map((f) => [f.path, f.content]));
      for (const p of new Set(wanted.map((f) => f.location.path))) {
        const content = byPath.get(p);
        if (content !== undefined) out.inline.push([p, findInlineSuppressions(content.toString('utf8'))]);
      }
    }
  }

  if (policy.checks.audit) {
    // Opt-in (CI): the exact versions of the lockfiles among the targets against the offline
    // database. Loaded only when on: the hook never pays for it otherwise.
    const { isAuditInput, newest, runAudit } = await import('./audit/index.js');
    const inputs = jobs.map((j) => j.path).filter(isAuditInput);
    if (inputs.length === 0 && scope === 'full') {
      // Switched on, yet nothing to judge: say so rather than pass as if audited.
      out.warnings.push(
        'checks.audit is on but no lockfile or requirements file is tracked: nothing was audited',
      );
    }
    if (inputs.length > 0) {
      const byPath = new Map(jobs.map((j) => [j.path, j]));
      const audit = await runAudit({
        root,
        files: inputs,
        read: async (rel) => {
          const job = byPath.get(rel);
          if (job?.content !== undefined) return Buffer.from(job.content).toString('utf8');
          return (await readVersion(root, rel, job === undefined ? scope : 'full', undefined))?.toString(
            'utf8',
          );
        },
        policy,
        scope,
        env: options.env ?? process.env,
        ...(options.auditDatabase === undefined ? {} : { database: options.auditDatabase }),
        ...(options.now === undefined ? {} : { now: options.now }),
      });
      out.findings.push(...audit.findings);
      out.errors.push(...audit.errors);
      out.warnings.push(...audit.warnings);
      out.exceptions.push(...audit.exceptions);
      out.audit = {
        database: audit.database.dir,
        sources: audit.database.sources.map((src) => {
          const updated = newest(src);
          return {
            ecosystem: src.ecosystem,
            present: src.present,
            records: src.records,
            ...(updated === undefined ? {} : { updated }),
          };
        }),
        packages: audit.inventory.packages.length - audit.notAudited,
        files: audit.inventory.files,
        notAudited: audit.notAudited,
      };
    }
  }

  if (policy.checks.hygiene) {
    out.findings.push(
      ...(await gitignoreEnvFindings(
        root,
        policy,
        scope,
        jobs.map((j) => j.path),
      )),
    );
  }
  return out;
}

/** A file as the scan sees the repository: the index for a staged scan, HEAD for a range, else the tree. */
async function readVersion(
  root: string,
  rel: string,
  scope: ScanOptions['scope'],
  objects: GitObjectReader | undefined,
): Promise<Buffer | undefined> {
  if ((scope === 'staged' || scope === 'diff') && objects !== undefined) {
    return objects.read(`${scope === 'staged' ? '' : 'HEAD'}:${rel}`);
  }
  try {
    return await readFile(path.join(root, rel));
  } catch {
    return undefined;
  }
}
