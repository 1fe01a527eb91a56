import { type SarifLog, SarifResult, SarifRun } from './sarif-input.js';

/**
 * A SARIF log, checked as the `SarifLog` schema would check it, but fast: results are most of a
 * log, and zod took ~3-4 µs for each (bench/report's 20,000 results: 60-80 ms); the same rules as
 * plain checks take a tenth of that. Everything but the results (tool, rules, provenance,
 * invocations…) is small and goes through zod as before.
 *
 * The plain checks only say "valid" for a result `SarifResult` accepts (test/check-sarif.test.ts
 * holds them to that); what they are not sure of goes to zod. When a log does not pass them, the
 * caller validates it with zod, which accepts it or names each problem with its place.
 */
export function checkSarifLog(value: unknown): SarifLog | undefined {
  if (!isRecord(value) || value.version !== '2.1.0' || !Array.isArray(value.runs)) return undefined;
  const runs: SarifRun[] = [];
  for (const run of value.runs) {
    if (!isRecord(run)) return undefined;
    const rest = runWithoutResults().safeParse(run);
    if (!rest.success) return undefined;
    const results = run.results;
    if (results === undefined || results === null) {
      runs.push(results === null ? { ...rest.data, results: null } : rest.data);
      continue;
    }
    if (!Array.isArray(results)) return undefined;
    const checked: SarifResult[] = [];
    for (const item of results) {
      const result = checkResult(item);
      if (result === undefined) return undefined;
      checked.push(result);
    }
    runs.push({ ...rest.data, results: checked });
  }
  return { version: '2.1.0', runs };
}

let runSchema: ReturnType<typeof buildRunSchema> | undefined;
const buildRunSchema = () => SarifRun.omit({ results: true });
function runWithoutResults() {
  runSchema ??= buildRunSchema();
  return runSchema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
/** `z.number().int().min(n).optional()`: zod 4's `int` is a safe integer. */
const optionalInt = (value: unknown, min: number) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) >= min);

/**
 * A plain record as zod's `z.record` reads it. `__proto__` is left to zod: a parsed object holds
 * it as a key of its own, while zod's copy cannot, so the two would not be the same.
 */
function plainRecord(value: unknown, values: 'string' | 'any'): boolean {
  if (!isRecord(value) || Object.hasOwn(value, '__proto__')) return false;
  if (values === 'any') return true;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return true;
}

const KINDS: ReadonlySet<unknown> = new Set([
  'notApplicable',
  'pass',
  'fail',
  'review',
  'open',
  'informational',
]);
const LEVELS: ReadonlySet<unknown> = new Set(['none', 'note', 'warning', 'error']);

function region(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  if (!optionalInt(value.startLine, 1) || !optionalInt(value.startColumn, 1)) return false;
  if (!optionalInt(value.endLine, 1) || !optionalInt(value.endColumn, 1)) return false;
  const snippet = value.snippet;
  return snippet === undefined || (isRecord(snippet) && optionalString(snippet.text));
}

function location(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const physical = value.physicalLocation;
  if (physical === undefined) return true;
  if (!isRecord(physical)) return false;
  const artifact = physical.artifactLocation;
  if (artifact !== undefined) {
    if (!isRecord(artifact) || !optionalString(artifact.uri) || !optionalString(artifact.uriBaseId))
      return false;
    if (!optionalInt(artifact.index, -1)) return false;
  }
  return region(physical.region) && region(physical.contextRegion);
}

/**
 * One result as `SarifResult` reads it, or undefined when the plain checks cannot vouch for it.
 * The object itself is returned: what the schema would strip (keys it does not know) is never read.
 */
export function checkResult(value: unknown): SarifResult | undefined {
  if (!isRecord(value)) return undefined;
  if (value.suppressions !== undefined) {
    // Rare, and with their own rules: left to zod.
    const parsed = SarifResult.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }
  if (!optionalString(value.ruleId) || !optionalInt(value.ruleIndex, -1)) return undefined;
  const rule = value.rule;
  if (rule !== undefined && (!isRecord(rule) || !optionalString(rule.id) || !optionalInt(rule.index, -1)))
    return undefined;
  if (value.kind !== undefined && !KINDS.has(value.kind)) return undefined;
  if (value.level !== undefined && !LEVELS.has(value.level)) return undefined;
  const message = value.message;
  if (!isRecord(message) || !optionalString(message.text) || !optionalString(message.id)) return undefined;
  const args = message.arguments;
  if (args !== undefined && !(Array.isArray(args) && args.every((a) => typeof a === 'string')))
    return undefined;
  const locations = value.locations;
  if (locations !== undefined && !(Array.isArray(locations) && locations.every(location))) return undefined;
  if (value.partialFingerprints !== undefined && !plainRecord(value.partialFingerprints, 'string'))
    return undefined;
  if (value.fingerprints !== undefined && !plainRecord(value.fingerprints, 'string')) return undefined;
  if (value.properties !== undefined && !plainRecord(value.properties, 'any')) return undefined;
  return value as SarifResult;
}
