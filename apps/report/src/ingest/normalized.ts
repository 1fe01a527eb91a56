import type { Scope, Severity } from '@seckit/core';

/** Input formats `sec-report ingest` reads. */
export const INPUT_FORMATS = ['seckit', 'sarif', 'secretlint', 'gitleaks'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A suppression stated by the tool itself (inline comment, baseline, SARIF `suppressions`). */
export interface ToolSuppression {
  kind: string;
  justification: string;
  /** YYYY-MM-DD: the last day it applies. */
  expires?: string;
}

/** One finding as every input format becomes it: masked, with a severity and an identity. */
export interface NormalizedFinding {
  /**
   * Identity material within its run's repository, tool and category: a tool's fingerprint
   * (`fp:`), or a hash of stable fields (`h:`), with an occurrence suffix for repeats.
   */
  fingerprint: string;
  ruleId: string;
  /** secret, dependency… when the tool says; undefined otherwise. */
  kind: string | undefined;
  severity: Severity;
  /** The tool's own severity, as it wrote it (e.g. `security-severity 8.1`, `level error`). */
  rawSeverity: string | undefined;
  /** Masked: never holds a secret's value. */
  message: string;
  path: string | undefined;
  startLine: number | undefined;
  startColumn: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  helpUri: string | undefined;
  /** Fingerprints the tool wrote (hashes, not values), kept for SARIF output. */
  toolFingerprints: { partial?: Record<string, string>; full?: Record<string, string> } | undefined;
  suppression: ToolSuppression | undefined;
}

export interface NormalizedRule {
  name?: string | undefined;
  description?: string | undefined;
  helpUri?: string | undefined;
}

/** One tool run: a seckit Report, one SARIF `run`, or one secretlint / gitleaks JSON file. */
export interface NormalizedRun {
  file: string;
  format: InputFormat;
  /** Index of the run in its file (SARIF files can hold several). */
  index: number;
  tool: string;
  toolVersion: string | undefined;
  /** SARIF category (automationDetails.id up to the last `/`), without scope words; '' if none. */
  category: string;
  repository: string;
  branch: string | undefined;
  commit: string | undefined;
  scope: Scope;
  /** The tool said the run did not complete (errors, `executionSuccessful: false`). */
  failed: boolean;
  /** Milliseconds since the epoch. */
  time: number;
  /** Whether `time` came from the report itself (otherwise --run-time or the ingest time). */
  timeStated: boolean;
  findings: NormalizedFinding[];
  rules: Map<string, NormalizedRule>;
  /** Things the user should know that did not stop the ingest (e.g. absolute paths). */
  warnings: string[];
}

/** What the user told `ingest` about the inputs; each overrides what a report says. */
export interface IngestOverrides {
  format?: InputFormat | undefined;
  repository?: string | undefined;
  branch?: string | undefined;
  commit?: string | undefined;
  scope?: Scope | undefined;
  /** Milliseconds since the epoch, used when a report states no time. */
  runTime?: number | undefined;
  /** Absolute folder that absolute paths in reports are made relative to. */
  baseDir: string;
  /** Ingest time, milliseconds since the epoch. */
  now: number;
}
