import type { Evaluation } from '../evaluate/evaluate.js';
import { REPORT_SCHEMA_VERSION } from '../format-versions.js';
import type { Finding } from '../schemas/finding.js';
import type { Report, RunError, Scope } from '../schemas/report.js';
import { compareSeverity } from '../severity.js';

export interface BuildReportInput {
  tool: { name: string; version: string };
  scope: Scope;
  repository: Report['repository'];
  evaluation: Evaluation;
  errors?: readonly RunError[];
  warnings?: readonly string[];
  stats: { files: number; bytes: number; durationMs: number; skipped?: number };
  createdAt?: Date;
}

/** Most severe first, then by path and position, so every output lists findings in one order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(b.severity, a.severity) ||
    (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function buildReport(input: BuildReportInput): Report {
  const { evaluation } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    scope: input.scope,
    repository: input.repository,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    findings: [...evaluation.findings].sort(compareFindings),
    suppressed: [...evaluation.suppressed].sort(compareFindings),
    errors: [...(input.errors ?? [])],
    warnings: [...(input.warnings ?? []), ...evaluation.warnings],
    stats: { skipped: 0, ...input.stats },
    decision: evaluation.decision,
  };
}
