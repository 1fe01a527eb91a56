import {
  type Finding,
  findInlineSuppressions,
  type InlineScan,
  type Policy,
  type RunError,
  type Scope,
  uniqueIds,
} from '@seckit/core';
import type { CheckContext, FileCheck } from '../../checks/check.js';
import { secretlintCheck, secretScanner } from '../../checks/secretlint-check.js';
import { hygieneRules } from '../../hygiene/index.js';
import { classifyFile, MAX_SECRET_SCAN_BYTES } from '../file-kind.js';
import { readWorkingFile } from './read-working-file.js';

/** Files beyond this are not read at all, not even for hygiene: memory stays bounded per file. */
const HYGIENE_READ_LIMIT = 64 * 1024 * 1024;

/** One file to scan: its content, or (working-tree scans) nothing yet: read when scanned. */
export interface JobFile {
  /** Repo-relative POSIX path. */
  path: string;
  content?: Uint8Array | undefined;
  /** New to the repository in this change (from the target). */
  added?: boolean | undefined;
  /** `--diff`: the commit that introduced this content; findings carry it as `properties.commit`. */
  commit?: string | undefined;
}

/** What the checks need, identical in the main thread and in every worker. */
export interface JobSetup {
  root: string;
  policy: Policy;
  /** Hygiene rules judge additions differently in a hook than in a full scan. */
  scope: Scope;
  /** Enabled checks in run order; `secretlintCheck` among them runs through the secret engine. */
  checks: readonly FileCheck[];
}

/** The outcome of some files; merged across batches and workers. Holds no file content. */
export interface BatchResult {
  files: number;
  bytes: number;
  skipped: { path: string; why: string }[];
  findings: Finding[];
  /** Inline suppression comments, only for files with findings. */
  inline: [string, InlineScan][];
  errors: RunError[];
}

export function emptyBatchResult(): BatchResult {
  return { files: 0, bytes: 0, skipped: [], findings: [], inline: [], errors: [] };
}

export function mergeBatchResult(into: BatchResult, from: BatchResult): void {
  into.files += from.files;
  into.bytes += from.bytes;
  into.skipped.push(...from.skipped);
  into.findings.push(...from.findings);
  into.inline.push(...from.inline);
  into.errors.push(...from.errors);
}

/** Scans files one after another: read once, classify, decode only when a check needs text. */
export async function runBatch(files: readonly JobFile[], setup: JobSetup): Promise<BatchResult> {
  const result = emptyBatchResult();
  const context: CheckContext = { root: setup.root, policy: setup.policy };
  const secretContext = { root: setup.root, salt: setup.policy.fingerprintSalt };
  for (const file of files) {
    let content = file.content;
    if (content === undefined) {
      // Hygiene judges large files too (by size): read those, up to a ceiling; else only what the
      // secret scan takes.
      const read = readWorkingFile(
        setup.root,
        file.path,
        setup.policy.checks.hygiene ? HYGIENE_READ_LIMIT : MAX_SECRET_SCAN_BYTES,
      );
      if ('gone' in read) continue;
      if ('skipped' in read) {
        result.skipped.push({ path: file.path, why: read.skipped });
        continue;
      }
      if ('error' in read) {
        result.errors.push({ path: file.path, message: read.error });
        continue;
      }
      content = read.content;
    }
    // Hygiene sees every file, binary and oversized ones included (a .p12 is binary, a dump large).
    const hygiene = setup.policy.checks.hygiene ? hygieneFindings(file, content, setup) : [];
    const kind = classifyFile(file.path, content);
    if (kind.kind === 'skip') {
      result.skipped.push({ path: file.path, why: kind.why });
      result.findings.push(...withCommit(uniqueIds(hygiene), file.commit));
      continue;
    }
    result.files++;
    result.bytes += content.length;
    let text: string | undefined;
    const decode = () => {
      text ??= Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
      return text;
    };
    const fileFindings: Finding[] = [...hygiene];
    for (const check of setup.checks) {
      try {
        if (check === secretlintCheck) {
          const found = secretScanner().scan(
            { path: file.path, content, kind: kind.kind, text },
            secretContext,
          );
          fileFindings.push(...(found instanceof Promise ? await found : found));
          continue;
        }
        if (check.appliesTo !== undefined && !check.appliesTo(file.path)) continue;
        fileFindings.push(...(await check.run({ path: file.path, text: decode() }, context)));
      } catch (error) {
        // A crashed check must not look like a clean file: record it; the decision fails closed.
        result.errors.push({
          path: file.path,
          check: check.id,
          message: `check failed: ${(error as Error).message}`,
        });
      }
    }
    if (fileFindings.length > 0) {
      // Only files with findings pay for the suppression-comment scan.
      result.inline.push([file.path, findInlineSuppressions(decode())]);
      result.findings.push(...withCommit(uniqueIds(fileFindings), file.commit));
    }
  }
  return result;
}

/** `--diff`: each finding says which commit introduced its content. */
function withCommit(findings: Finding[], commit: string | undefined): Finding[] {
  return commit === undefined
    ? findings
    : findings.map((f) => ({ ...f, properties: { ...f.properties, commit } }));
}

function hygieneFindings(file: JobFile, content: Uint8Array, setup: JobSetup): Finding[] {
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const hygieneFile = { path: file.path, content: buffer, added: file.added ?? false };
  const context = { policy: setup.policy, scope: setup.scope };
  return hygieneRules.flatMap((rule) => rule.run(hygieneFile, context));
}
