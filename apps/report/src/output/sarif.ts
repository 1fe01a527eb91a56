import type { Policy } from '@seckit/core';
import { compareSeverity, SeckitError, type Severity } from '@seckit/core';
import { decisionAt, stateAt } from '../metrics/finding-state.js';
import type { FindingRecord, LoadedState } from '../metrics/load-findings.js';
import { slaStatus } from '../metrics/sla.js';
import { iso } from '../metrics/time.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Our own identity of each finding, beside the tool's fingerprints (kept as they came). */
export const SARIF_FINGERPRINT_KEY = 'secReportFinding/v1';
/** GitHub's limits (research group 2): results per run, runs per file. */
export const SARIF_MAX_RESULTS = 25_000;
export const SARIF_MAX_RUNS = 20;

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '2.0',
  info: '0.0',
};
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const SRCROOT = '%SRCROOT%';

/** A repo-relative path as a relative URI reference (same rules as core's SARIF output). */
export function pathToUri(p: string): string {
  return p
    .split('/')
    .map((segment) =>
      Array.from(segment, (c) => {
        if (/^[A-Za-z0-9\-._~!$&'()*+,;=@]$/.test(c)) return c;
        if (/^[\ud800-\udfff]$/.test(c)) return '%EF%BF%BD';
        return encodeURIComponent(c);
      }).join(''),
    )
    .join('/');
}

function limit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function firstSentence(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  const end = line.search(/[.!?](\s|$)/);
  return end === -1 ? line : line.slice(0, end);
}

function ruleName(ruleId: string): string {
  const words = ruleId.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return limit(words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Rule', 255);
}

function location(f: FindingRecord) {
  const p = f.path!;
  const artifactLocation = p.startsWith('/')
    ? { uri: `file://${pathToUri(p)}` }
    : { uri: pathToUri(p), uriBaseId: SRCROOT };
  const startLine = f.startLine ?? 1;
  const startColumn = f.startColumn ?? 1;
  const endLine = Math.max(f.endLine ?? startLine, startLine);
  const endColumn =
    endLine === startLine ? Math.max(f.endColumn ?? startColumn, startColumn) : (f.endColumn ?? 1);
  return { physicalLocation: { artifactLocation, region: { startLine, startColumn, endLine, endColumn } } };
}

function suppressions(f: FindingRecord, state: string, now: number) {
  const d = decisionAt(f, now);
  if (state === 'risk-accepted' && d !== undefined) {
    return [
      {
        kind: 'external',
        status: 'accepted',
        justification: `Risk accepted by ${d.actor}${d.until === undefined ? '' : ` until ${d.until}`}: ${d.reason}`,
        properties: { decidedAt: iso(d.at), ...(d.until === undefined ? {} : { until: d.until }) },
      },
    ];
  }
  if (state === 'false-positive' && d !== undefined) {
    return [
      {
        kind: 'external',
        status: 'accepted',
        justification: `False positive (${d.actor}): ${d.reason}`,
        properties: { decidedAt: iso(d.at) },
      },
    ];
  }
  if (state === 'suppressed') {
    const s = f.suppression;
    return [
      {
        kind: s?.kind === 'inline' || s?.kind === 'inSource' ? 'inSource' : 'external',
        status: 'accepted',
        justification: s?.justification ?? `"${f.ruleId}" is "off" in the policy`,
      },
    ];
  }
  return undefined;
}

/**
 * The findings still present (open, accepted, false positive, suppressed: the last three as SARIF
 * suppressions) as SARIF 2.1.0 for GitHub code scanning: one run per tool and category, the
 * tools' fingerprints kept and ours added, every result with a file location.
 */
export function toSarif(
  state: LoadedState,
  policy: Policy,
  now: number,
): { log: object; results: number; leftOut: number } {
  if (state.repositories.length > 1) {
    throw new SeckitError(
      'E_USAGE',
      `the database holds ${state.repositories.length} repositories and GitHub code scanning takes one per upload; pass --repository <name>`,
    );
  }
  const groups = new Map<string, { tool: string; category: string; findings: FindingRecord[] }>();
  // Every tool and category that ran gets a run, even with no result left: an empty run is what
  // tells GitHub that the alerts of that tool are fixed (and an empty `runs` list is rejected).
  for (const r of state.latestRuns)
    groups.set(`${r.tool}\0${r.category}`, { tool: r.tool, category: r.category, findings: [] });
  let leftOut = 0;
  for (const f of state.findings) {
    if (f.firstSeenAt > now) continue;
    const s = stateAt(f, now);
    if (s === 'fixed') continue;
    if (f.path === undefined) {
      leftOut++;
      continue;
    }
    const key = `${f.tool}\0${f.category}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { tool: f.tool, category: f.category, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(f);
  }
  if (groups.size > SARIF_MAX_RUNS) {
    throw new SeckitError(
      'E_USAGE',
      `${groups.size} tool and category pairs, but GitHub accepts at most ${SARIF_MAX_RUNS} runs per SARIF file; narrow with --repository`,
    );
  }
  let total = 0;
  const runs = [...groups.values()]
    .sort((a, b) => (a.tool + a.category < b.tool + b.category ? -1 : 1))
    .map((group) => {
      const sorted = group.findings.sort(
        (a, b) => compareSeverity(b.severity, a.severity) || a.firstSeenAt - b.firstSeenAt,
      );
      const kept = sorted.slice(0, SARIF_MAX_RESULTS);
      const byRule = new Map<string, FindingRecord[]>();
      for (const f of kept) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
      const ruleIds = [...byRule.keys()].sort();
      const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
      const rules = ruleIds.map((id) => {
        const findings = byRule.get(id)!;
        const severity = findings.reduce<Severity>(
          (max, f) => (compareSeverity(f.severity, max) > 0 ? f.severity : max),
          'info',
        );
        const known = state.rules.get(`${group.tool}\0${id}`);
        const helpUri = known?.helpUri ?? findings.find((f) => f.helpUri !== undefined)?.helpUri;
        const summary = limit(
          known?.description ?? (firstSentence(findings[0]!.message) || `Rule ${id}`),
          1024,
        );
        const kind = findings.find((f) => f.kind !== undefined)?.kind;
        return {
          id,
          name: ruleName(known?.name ?? id),
          shortDescription: { text: summary },
          fullDescription: { text: limit(`Reported by ${group.tool} as "${id}": ${summary}`, 1024) },
          help: {
            text:
              helpUri === undefined
                ? `See ${group.tool}'s documentation for "${id}".`
                : `Documentation: ${helpUri}`,
          },
          ...(helpUri !== undefined && /^https?:\/\//.test(helpUri) ? { helpUri } : {}),
          defaultConfiguration: { level: LEVEL[severity] },
          properties: {
            'security-severity': SECURITY_SEVERITY[severity],
            tags: kind === undefined ? ['security'] : ['security', kind],
          },
        };
      });
      const results = kept.map((f) => {
        const s = stateAt(f, now);
        const sla = s === 'open' ? slaStatus(f, policy, now) : undefined;
        const supp = suppressions(f, s, now);
        return {
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [location(f)],
          partialFingerprints: { ...f.toolFingerprints?.partial, [SARIF_FINGERPRINT_KEY]: f.key },
          fingerprints: { ...f.toolFingerprints?.full, [SARIF_FINGERPRINT_KEY]: f.key },
          ...(supp === undefined ? {} : { suppressions: supp }),
          properties: {
            severity: f.severity,
            ...(f.rawSeverity === undefined ? {} : { toolSeverity: f.rawSeverity }),
            state: s,
            firstSeen: iso(f.firstSeenAt),
            ...(sla === undefined ? {} : { slaDue: sla.dueAt, slaBreached: sla.breached }),
          },
        };
      });
      total += results.length;
      const notifications = [];
      if (sorted.length > kept.length) {
        notifications.push({
          level: 'warning',
          message: {
            text: `${sorted.length - kept.length} of ${sorted.length} results were left out: GitHub accepts at most ${SARIF_MAX_RESULTS} per run.`,
          },
        });
      }
      const version = state.latestRuns
        .filter((r) => r.tool === group.tool && r.category === group.category && r.toolVersion !== undefined)
        .sort((a, b) => b.at - a.at)[0]?.toolVersion;
      return {
        tool: {
          driver: {
            name: group.tool,
            ...(version === undefined
              ? {}
              : { version, ...(SEMVER.test(version) ? { semanticVersion: version } : {}) }),
            rules,
          },
        },
        // The text before the last `/` is GitHub's category: one per tool and category.
        automationDetails: {
          id: `sec-report/${group.tool}${group.category === '' ? '' : `/${group.category}`}/`,
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the scanned repository.' } } },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }),
          },
        ],
        results,
      };
    });
  return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, results: total, leftOut };
}

export function formatSarif(
  state: LoadedState,
  policy: Policy,
  now: number,
): { text: string; results: number; runs: number; leftOut: number } {
  const { log, results, leftOut } = toSarif(state, policy, now);
  return {
    text: `${JSON.stringify(log, null, 2)}\n`,
    results,
    runs: (log as { runs: unknown[] }).runs.length,
    leftOut,
  };
}
