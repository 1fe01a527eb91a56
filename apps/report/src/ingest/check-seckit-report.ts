import { CATEGORIES, Finding, Report, SEVERITIES, Suppression } from '@seckit/core';

type ReportFinding = Report['findings'][number];
type ReportSuppressed = Report['suppressed'][number];

/**
 * A seckit Report, checked as core's `Report` schema would check it, but fast. Validating every
 * finding through zod was the largest single part of an ingest (0.45-0.65 s for the 180,000
 * findings of bench/report's 900 Reports); the same rules written out as plain checks take ~0.08 s.
 *
 * The plain checks only ever say "valid" for a finding that core's `Finding` schema accepts
 * (test/check-seckit-report.test.ts holds them to that); anything they are not sure of goes to
 * zod. When a report does not pass them, the caller validates it with zod as before, which
 * accepts it or names every problem with its place: the messages are zod's, unchanged.
 * The top level (tool, scope, repository, time, stats…) is small and always goes through zod.
 */
export function checkSeckitReport(value: unknown): Report | undefined {
  if (!isRecord(value) || !Array.isArray(value.findings) || !Array.isArray(value.suppressed))
    return undefined;
  const top = topLevel().safeParse(value);
  if (!top.success) return undefined;
  const findings: ReportFinding[] = [];
  for (const item of value.findings) {
    const f = checkFinding(item);
    if (f === undefined) return undefined;
    findings.push(f);
  }
  const suppressed: ReportSuppressed[] = [];
  for (const item of value.suppressed) {
    const f = checkFinding(item);
    if (f === undefined || !isRecord(item)) return undefined;
    const suppression = Suppression.safeParse(item.suppression);
    if (!suppression.success) return undefined;
    suppressed.push({ ...f, suppression: suppression.data });
  }
  return { ...top.data, findings, suppressed };
}

let topSchema: ReturnType<typeof buildTopLevel> | undefined;
const buildTopLevel = () => Report.omit({ findings: true, suppressed: true });
/** Everything of the Report but its two lists, with core's own rules and defaults. */
function topLevel() {
  topSchema ??= buildTopLevel();
  return topSchema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** `z.number().int().min(1)`: a safe integer (zod 4's `int`), at least 1. */
function position(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

const FINDING_ID = /^[0-9a-f]{32}$/;
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORIES);
const SEVERITY_SET: ReadonlySet<unknown> = new Set(SEVERITIES);
/** Documentation links repeat (one per rule): each distinct one is checked by zod once. */
const docsUrls = new Map<string, string | undefined>();
const MAX_CACHED_URLS = 10_000;

/** zod's `z.url()` result for a link (it trims it), or undefined when zod refuses it. */
function checkedDocsUrl(url: string): string | undefined {
  if (docsUrls.has(url)) return docsUrls.get(url);
  const parsed = Finding.shape.docsUrl.safeParse(url);
  const result = parsed.success ? parsed.data : undefined;
  if (docsUrls.size >= MAX_CACHED_URLS) docsUrls.clear();
  docsUrls.set(url, result);
  return result;
}

/**
 * One finding as core's `Finding` schema reads it, or undefined when the plain checks cannot
 * vouch for it. Returns the object itself (unknown keys are never read downstream), with
 * `docsUrl` as zod gives it back, or the result of zod itself for rare shapes (`properties`).
 */
export function checkFinding(value: unknown): ReportFinding | undefined {
  if (!isRecord(value)) return undefined;
  if (value.properties !== undefined) {
    // Free-form values: left to zod rather than repeat its number and record rules here.
    const parsed = Finding.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }
  if (typeof value.id !== 'string' || !FINDING_ID.test(value.id)) return undefined;
  if (!nonEmptyString(value.ruleId) || !nonEmptyString(value.message)) return undefined;
  if (!CATEGORY_SET.has(value.category) || !SEVERITY_SET.has(value.severity)) return undefined;
  if (value.fix !== undefined && !nonEmptyString(value.fix)) return undefined;
  if (value.tool !== undefined && !nonEmptyString(value.tool)) return undefined;
  const location = value.location;
  if (!isRecord(location)) return undefined;
  const { path, startLine, startColumn, endLine, endColumn } = location;
  if (!nonEmptyString(path) || path.startsWith('/') || path.includes('\\') || path.split('/').includes('..'))
    return undefined;
  if (!position(startLine) || !position(startColumn) || !position(endLine) || !position(endColumn))
    return undefined;
  if (!(endLine > startLine || (endLine === startLine && endColumn >= startColumn))) return undefined;
  const finding = value as unknown as ReportFinding;
  if (value.docsUrl === undefined) return finding;
  if (typeof value.docsUrl !== 'string') return undefined;
  const docsUrl = checkedDocsUrl(value.docsUrl);
  if (docsUrl === undefined) return undefined;
  return docsUrl === value.docsUrl ? finding : { ...finding, docsUrl };
}
