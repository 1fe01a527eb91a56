import type { CheckId, Finding, Policy } from '@seckit/core';

export interface CheckContext {
  root: string;
  policy: Policy;
}

/** A file as a check sees it: decoded text, repo-relative POSIX path. */
export interface TextFile {
  path: string;
  text: string;
}

/**
 * A check is a plain object (no classes, no registration): an id the policy can switch off, and a
 * function from one file to findings. Findings carry fingerprints; the scanner makes them unique.
 */
export interface FileCheck {
  id: CheckId;
  /** Cheap filter by path, so a check never pays for files it does not judge. */
  appliesTo?(path: string): boolean;
  run(file: TextFile, context: CheckContext): Promise<Finding[]>;
}
