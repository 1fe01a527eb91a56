import { isRepoPath } from '../repo-path.js';
import type { Finding } from '../schemas/finding.js';
import type { Report, RunError, Suppression } from '../schemas/report.js';
import { SARIF_LEVEL, sarifRules } from './sarif-rules.js';
import type {
  SarifLocation,
  SarifLog,
  SarifNotification,
  SarifResult,
  SarifSuppression,
} from './sarif-types.js';

export type { SarifLog } from './sarif-types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Keyed by name and version so a future fingerprint scheme can sit beside this one. */
export const SARIF_FINGERPRINT_KEY = 'seckitFingerprint/v1';
/** GitHub rejects a run with more results than this; the excess is dropped, suppressed ones first. */
export const SARIF_MAX_RESULTS = 25_000;

const SRCROOT = '%SRCROOT%';
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * A repo-relative path as a relative URI reference: each character a path segment may not hold
 * literally is percent-encoded (spaces, `[`, `]`, `#`, `?`, `%`, `:` — a `:` in the first segment
 * would read as a scheme). `(group)` and `+` stay as they are, so most paths are unchanged.
 */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) => Array.from(segment, encodeChar).join(''))
    .join('/');
}

function encodeChar(c: string): string {
  if (/^[A-Za-z0-9\-._~!$&'()*+,;=@]$/.test(c)) return c;
  // A lone surrogate (a mis-decoded file name) would make encodeURIComponent throw.
  if (/^[\ud800-\udfff]$/.test(c)) return '%EF%BF%BD';
  return encodeURIComponent(c);
}

function location(path: string, region?: Finding['location']): SarifLocation {
  const artifactLocation = { uri: pathToUri(path), uriBaseId: SRCROOT };
  if (region === undefined) return { physicalLocation: { artifactLocation } };
  const { startLine, startColumn, endLine, endColumn } = region;
  return { physicalLocation: { artifactLocation, region: { startLine, startColumn, endLine, endColumn } } };
}

function suppressionOf(s: Suppression): SarifSuppression {
  return {
    // Only an inline comment lives in the source; everything else is policy, baseline or config.
    kind: s.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: s.justification,
    properties: { seckitKind: s.kind, ...(s.expires === undefined ? {} : { expires: s.expires }) },
  };
}

function result(f: Finding, ruleIndex: ReadonlyMap<string, number>, suppression?: Suppression): SarifResult {
  // `tags` has a fixed meaning in a SARIF property bag (an array of strings); a finding's own
  // free-form properties must not collide with it.
  const { tags: _tags, ...extra } = f.properties ?? {};
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.location.path, f.location)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.id },
    // GitHub reads partialFingerprints; DefectDojo and others take their stable id from fingerprints.
    fingerprints: { [SARIF_FINGERPRINT_KEY]: f.id },
    ...(suppression === undefined ? {} : { suppressions: [suppressionOf(suppression)] }),
    properties: {
      ...extra,
      severity: f.severity,
      category: f.category,
      ...(f.tool === undefined ? {} : { tool: f.tool }),
    },
  };
}

function errorNotification(e: RunError): SarifNotification {
  // A path that is not repository-relative could be absolute: it stays out of the structured fields.
  const relative = e.path !== undefined && isRepoPath(e.path) ? e.path : undefined;
  return {
    level: 'error',
    message: { text: e.message },
    ...(e.check === undefined ? {} : { descriptor: { id: e.check } }),
    ...(relative === undefined ? {} : { locations: [location(relative)] }),
  };
}

/** The Report as one SARIF 2.1.0 run, shaped for GitHub code scanning (see research group 2). */
export function toSarif(report: Report): SarifLog {
  const rules = sarifRules([...report.findings, ...report.suppressed]);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const all = [
    ...report.findings.map((f) => result(f, ruleIndex)),
    ...report.suppressed.map((f) => result(f, ruleIndex, f.suppression)),
  ];
  const results = all.slice(0, SARIF_MAX_RESULTS);
  const notifications = report.errors.map(errorNotification);
  if (all.length > results.length) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${all.length - results.length} of ${all.length} results were left out: GitHub accepts at most ${SARIF_MAX_RESULTS} per run.`,
      },
    });
  }
  const { version } = report.tool;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'seckit',
            version,
            ...(SEMVER.test(version) ? { semanticVersion: version } : {}),
            informationUri: 'https://github.com/seckit/seckit',
            rules,
          },
        },
        // Text up to the last `/` is GitHub's category: one per scope, so a staged run never
        // replaces the results of a full scan.
        automationDetails: { id: `seckit/${report.scope}/` },
        // No `uri`: the checkout's absolute path is the consumer's business, and must not leak.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the scanned repository.' } } },
        // Columns come from JavaScript string offsets; SARIF's default would be code points.
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }),
            ...(report.warnings.length === 0
              ? {}
              : {
                  toolConfigurationNotifications: report.warnings.map(
                    (w): SarifNotification => ({ level: 'warning', message: { text: w } }),
                  ),
                }),
          },
        ],
        results,
      },
    ],
  };
}

export function formatSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
