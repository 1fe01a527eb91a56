import { Report } from '@seckit/core';
import { checkSeckitReport } from './check-seckit-report.js';
import { describeIssues } from './input-error.js';
import { maskText } from './mask.js';
import type { IngestOverrides, NormalizedFinding, NormalizedRule, NormalizedRun } from './normalized.js';
import { branchName, dedupe, repositoryOf, scopeOf, timeOf } from './run-context.js';

/** Same key as core's SARIF output, so a seckit finding is one finding whether it came as JSON or SARIF. */
export const SECKIT_FINGERPRINT_KEY = 'seckitFingerprint/v1';

type ReportFinding = Report['findings'][number];

function normalize(
  f: ReportFinding,
  suppression?: Report['suppressed'][number]['suppression'],
): NormalizedFinding {
  const { location } = f;
  const fingerprints = { [SECKIT_FINGERPRINT_KEY]: f.id };
  return {
    // fromToolFingerprints(fingerprints), written out: one pair, and ids are never empty.
    fingerprint: `fp:${SECKIT_FINGERPRINT_KEY}=${f.id}`,
    ruleId: f.ruleId,
    kind: f.category,
    severity: f.severity,
    rawSeverity: f.severity,
    // Already redacted by contract; masked again in case an older or foreign writer broke it.
    message: maskText(f.message),
    path: location.path,
    startLine: location.startLine,
    startColumn: location.startColumn,
    endLine: location.endLine,
    endColumn: location.endColumn,
    helpUri: f.docsUrl,
    toolFingerprints: { partial: fingerprints, full: fingerprints },
    suppression:
      suppression === undefined
        ? undefined
        : {
            kind: suppression.kind,
            justification: maskText(suppression.justification),
            ...(suppression.expires === undefined ? {} : { expires: suppression.expires }),
          },
  };
}

/** The report as core's schema reads it, or every problem it has, with its place. */
function validateWithZod(file: string, value: unknown, text: string | undefined): Report {
  const parsed = Report.safeParse(value);
  if (!parsed.success) throw describeIssues(file, 'seckit Report', parsed.error.issues, value, text);
  return parsed.data;
}

/** A seckit Report (validated by core's rules) as one run. */
export function fromSeckitReport(
  file: string,
  value: unknown,
  text: string | undefined,
  overrides: IngestOverrides,
): NormalizedRun[] {
  const report = checkSeckitReport(value) ?? validateWithZod(file, value, text);
  const findings = dedupe([
    ...report.findings.map((f) => normalize(f)),
    ...report.suppressed.map((f) => normalize(f, f.suppression)),
  ]);
  const rules = new Map<string, NormalizedRule>();
  for (const f of [...report.findings, ...report.suppressed]) {
    const known = rules.get(f.ruleId);
    if (known?.helpUri === undefined) rules.set(f.ruleId, { helpUri: f.docsUrl });
  }
  const { time, stated } = timeOf(report.createdAt, overrides);
  return [
    {
      file,
      format: 'seckit',
      index: 0,
      tool: report.tool.name.toLowerCase(),
      toolVersion: report.tool.version,
      category: '',
      repository: repositoryOf(file, report.repository.root, overrides, 'seckit'),
      branch: overrides.branch ?? branchName(report.repository.branch),
      commit: overrides.commit ?? report.repository.commit ?? undefined,
      scope: scopeOf(report.scope, overrides),
      failed: report.errors.length > 0,
      time,
      timeStated: stated,
      findings,
      rules,
      warnings: [],
    },
  ];
}
