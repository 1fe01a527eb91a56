// @seckit/core: the contract between seckit's packages. Explicit named re-exports only.

export { createBaseline, mergeBaseline, pruneBaseline, serializeBaseline } from './baseline/baseline.js';
export type { BaselineResult } from './baseline/load-baseline.js';
export { loadBaseline, parseBaseline } from './baseline/load-baseline.js';
export { BASELINE_PATH, configUnreadable, POLICY_PATH } from './config-paths.js';
export { isSeckitError, SeckitError } from './errors.js';
export type { EvaluateInput, Evaluation } from './evaluate/evaluate.js';
export { decide, evaluate, isExpired } from './evaluate/evaluate.js';
export type { InlineScan, InlineSuppression } from './evaluate/inline-suppressions.js';
export { findInlineSuppressions } from './evaluate/inline-suppressions.js';
export type { PathMatcher } from './evaluate/path-matcher.js';
export { createPathMatcher } from './evaluate/path-matcher.js';
export type { FingerprintInput } from './fingerprint.js';
export { fingerprint, uniqueIds } from './fingerprint.js';
export { formatGithub } from './format/github.js';
export { formatReport } from './format/index.js';
export { formatJson } from './format/json.js';
export { formatMarkdown } from './format/markdown.js';
// Escaping for text from scanned repositories in Markdown (sec-report's summary uses it too).
export { escapeMarkdown, markdownCode } from './format/markdown-escape.js';
export type { OutputFormat } from './format/output-formats.js';
export { OUTPUT_FORMATS } from './format/output-formats.js';
export { formatSarif, toSarif } from './format/sarif.js';
export { formatText, shouldUseColor } from './format/text.js';
export { BASELINE_VERSION, REPORT_SCHEMA_VERSION } from './format-versions.js';
export type { ParsedJson } from './json-locate.js';
export { jsonParseErrorText, parseJsonWithPlaces } from './json-locate.js';
export type { JsonPlace } from './offset-place.js';
export { offsetToPlace } from './offset-place.js';
export type { PolicyResult } from './policy/load-policy.js';
export { loadPolicy, loadPolicyOrThrow, parsePolicy } from './policy/load-policy.js';
export { POLICY_SCHEMA_FILE, policyJsonSchema } from './policy/policy-json-schema.js';
export { redact, redactAll } from './redact.js';
export { isRepoPath } from './repo-path.js';
export type { BuildReportInput } from './report/build-report.js';
export { buildReport, compareFindings } from './report/build-report.js';
export { Baseline, BaselineEntry } from './schemas/baseline.js';
export { CATEGORIES, Category, Finding, FindingId, Location, RepoPath } from './schemas/finding.js';
export type { PolicyInput } from './schemas/policy.js';
export {
  AUDIT_ECOSYSTEM_IDS,
  AuditException,
  AuditPolicy,
  CHECK_IDS,
  CheckId,
  DEPENDENCY_TYPES,
  DependencyPolicy,
  DependencyType,
  defaultPolicy,
  PinPreset,
  Policy,
  PolicyException,
  SlaHours,
} from './schemas/policy.js';
export {
  Decision,
  Report,
  RunError,
  Scope,
  SUPPRESSION_KINDS,
  SuppressedFinding,
  Suppression,
  SuppressionKind,
} from './schemas/report.js';
export { Severity } from './schemas/severity.js';
export { atOrAbove, compareSeverity, SEVERITIES } from './severity.js';
