import { fingerprint } from '../fingerprint.js';
import type { Baseline, BaselineEntry } from '../schemas/baseline.js';
import type { Finding } from '../schemas/finding.js';
import type { Policy, PolicyException } from '../schemas/policy.js';
import type { Decision, RunError, SuppressedFinding, Suppression } from '../schemas/report.js';
import { atOrAbove, SEVERITIES, type Severity } from '../severity.js';
import type { InlineScan } from './inline-suppressions.js';
import { createPathMatcher } from './path-matcher.js';

export interface EvaluateInput {
  findings: readonly Finding[];
  policy: Policy;
  baseline?: Baseline | undefined;
  /** Inline suppressions per repo-relative path (only files with findings need scanning). */
  inline?: ReadonlyMap<string, InlineScan> | undefined;
  /** Files or checks that could not be evaluated; they block unless `policy.onError` is "pass". */
  errors?: readonly RunError[] | undefined;
  now?: Date | undefined;
  /** Where the policy lives and how to find a line in it, for findings about the policy itself. */
  policyFile?: string | undefined;
  exceptionLine?: ((index: number) => number | undefined) | undefined;
}

export interface Evaluation {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  decision: Decision;
  warnings: string[];
  /** Baseline entries that matched no finding in this run (meaningful only for a full scan). */
  unusedBaseline: BaselineEntry[];
}

const DAY_MS = 86_400_000;

/** An exception applies through the whole of its `expires` day, in UTC. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  if (expires === undefined) return false;
  return now.getTime() >= Date.parse(`${expires}T00:00:00Z`) + DAY_MS;
}

interface CompiledException {
  index: number;
  exception: PolicyException;
  expired: boolean;
  matches(f: Finding): boolean;
}

function compileExceptions(policy: Policy, now: Date): CompiledException[] {
  return policy.exceptions.map((exception, index) => {
    const paths = exception.path === undefined ? undefined : createPathMatcher([exception.path]);
    return {
      index,
      exception,
      expired: isExpired(exception.expires, now),
      matches: (f) =>
        (exception.rule === undefined || exception.rule === f.ruleId) &&
        (exception.fingerprint === undefined || exception.fingerprint === f.id) &&
        (paths === undefined || paths.match(f.location.path) !== undefined),
    };
  });
}

/**
 * Findings + policy + baseline + inline suppressions → what is reported, what is suppressed (with
 * why) and the decision. Pure: no I/O, `now` injected. The first applicable reason wins, in the
 * order: rule disabled, path ignore, inline comment, policy exception, baseline.
 */
export function evaluate(input: EvaluateInput): Evaluation {
  const { policy } = input;
  const now = input.now ?? new Date();
  const ignores = createPathMatcher(policy.ignore);
  const exceptions = compileExceptions(policy, now);
  const baselineIds = new Map((input.baseline?.entries ?? []).map((e) => [e.id, e]));
  const usedBaseline = new Set<string>();
  const warnings: string[] = [];
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const original of input.findings) {
    const override = policy.severity[original.ruleId];
    const finding: Finding =
      override === undefined || override === 'off' ? original : { ...original, severity: override };
    const suppression = suppressionFor(finding, override === 'off');
    if (suppression === undefined) findings.push(finding);
    else suppressed.push({ ...finding, suppression });
  }

  function suppressionFor(f: Finding, disabled: boolean): Suppression | undefined {
    if (disabled) return { kind: 'rule-disabled', justification: `"${f.ruleId}" is "off" in the policy` };
    const pattern = ignores.match(f.location.path);
    if (pattern !== undefined)
      return { kind: 'ignore', justification: `path ignored by policy pattern "${pattern}"` };
    const inline = input.inline?.get(f.location.path);
    const comment = inline?.suppressions.find(
      (s) => s.line >= f.location.startLine && s.line <= f.location.endLine,
    );
    if (comment !== undefined)
      return { kind: 'inline', justification: `${comment.marker}: ${comment.reason}` };
    for (const ex of exceptions) {
      if (!ex.expired && ex.matches(f)) {
        return {
          kind: 'exception',
          justification: ex.exception.reason,
          ...(ex.exception.expires === undefined ? {} : { expires: ex.exception.expires }),
        };
      }
    }
    if (baselineIds.has(f.id)) {
      usedBaseline.add(f.id);
      return { kind: 'baseline', justification: 'accepted in .seckit/baseline.json' };
    }
    return undefined;
  }

  // An expired exception is itself a finding: the policy promises something it no longer grants.
  const policyFile = input.policyFile ?? '.seckit/policy.json';
  for (const ex of exceptions) {
    if (!ex.expired || policy.severity['seckit/expired-exception'] === 'off') continue;
    const line = input.exceptionLine?.(ex.index) ?? 1;
    const what = [ex.exception.rule, ex.exception.path, ex.exception.fingerprint].filter(Boolean).join(', ');
    findings.push({
      id: fingerprint({
        ruleId: 'seckit/expired-exception',
        path: policyFile,
        content: JSON.stringify(ex.exception),
      }),
      ruleId: 'seckit/expired-exception',
      category: 'config',
      severity: effective(policy, 'seckit/expired-exception', 'medium'),
      message: `Exception ${ex.index + 1} (${what}) expired on ${ex.exception.expires}; the findings it covered are reported again`,
      location: { path: policyFile, startLine: line, startColumn: 1, endLine: line, endColumn: 1 },
      fix: 'Fix the findings, or renew the exception with a new "expires" date and a reason that still holds.',
      tool: 'seckit',
    });
  }

  for (const [path, scan] of input.inline ?? []) {
    for (const line of scan.missingReason) {
      warnings.push(
        `${path}:${line}: "seckit-allow" needs a reason (seckit-allow: <why>); it suppresses nothing until it has one`,
      );
    }
  }

  const unusedBaseline = [...baselineIds.values()].filter((e) => !usedBaseline.has(e.id));
  return {
    findings,
    suppressed,
    warnings,
    unusedBaseline,
    decision: decide(findings, policy, input.errors ?? []),
  };
}

function effective(policy: Policy, ruleId: string, fallback: Severity): Severity {
  const o = policy.severity[ruleId];
  return o === undefined || o === 'off' ? fallback : o;
}

/** Blocked when any finding is at or above `blockOn`, or (fail closed) when something could not be checked. */
export function decide(findings: readonly Finding[], policy: Policy, errors: readonly RunError[]): Decision {
  const reasons: string[] = [];
  const blocking = findings.filter((f) => atOrAbove(f.severity, policy.blockOn));
  if (blocking.length > 0) {
    const counts = SEVERITIES.map((s) => [s, blocking.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    reasons.push(
      `${blocking.length} finding${blocking.length === 1 ? '' : 's'} at or above "${policy.blockOn}" (${counts.join(', ')})`,
    );
  }
  if (errors.length > 0 && policy.onError === 'block') {
    reasons.push(
      `${errors.length} item${errors.length === 1 ? '' : 's'} could not be checked (policy "onError": "block" fails closed)`,
    );
  }
  return { blocked: reasons.length > 0, blockOn: policy.blockOn, reasons };
}
