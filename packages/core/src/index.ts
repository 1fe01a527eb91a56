// @seckit/core: the contract between seckit's packages. Explicit named re-exports only.

export type { BaselineResult } from './baseline/baseline.js';
export {
  BASELINE_PATH,
  createBaseline,
  loadBaseline,
  mergeBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
} from './baseline/baseline.js';
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
export type { OutputFormat } from './format/index.js';
export { formatReport, OUTPUT_FORMATS } from './format/index.js';
export { formatJson } from './format/json.js';
export { formatMarkdown } from './format/markdown.js';
// Escaping for text from scanned repositories in Markdown (sec-report's summary uses it too).
export { escapeMarkdown, markdownCode } from './format/markdown-escape.js';
export { formatSarif, toSarif } from './format/sarif.js';
export { formatText, shouldUseColor } from './format/text.js';
export type { JsonPlace, ParsedJson } from './json-locate.js';
export { jsonParseErrorText, offsetToPlace, parseJsonWithPlaces } from './json-locate.js';
export type { PolicyResult } from './policy/load-policy.js';
export { loadPolicy, loadPolicyOrThrow, POLICY_PATH, parsePolicy } from './policy/load-policy.js';
export { POLICY_SCHEMA_FILE, policyJsonSchema } from './policy/policy-json-schema.js';
export { redact, redactAll } from './redact.js';
export type { BuildReportInput } from './report/build-report.js';
export { buildReport, compareFindings } from './report/build-report.js';
export { BASELINE_VERSION, Baseline, BaselineEntry } from './schemas/baseline.js';
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
  REPORT_SCHEMA_VERSION,
  Report,
  RunError,
  Scope,
  SUPPRESSION_KINDS,
  SuppressedFinding,
  Suppression,
  SuppressionKind,
} from './schemas/report.js';
export { atOrAbove, compareSeverity, SEVERITIES, Severity } from './schemas/severity.js';
