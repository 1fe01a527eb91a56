import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonWithPlaces } from '../json-locate.js';
import { describeIssues } from '../policy/describe-issues.js';
import { BASELINE_VERSION, Baseline, type BaselineEntry } from '../schemas/baseline.js';
import type { Finding } from '../schemas/finding.js';

export const BASELINE_PATH = '.seckit/baseline.json';

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : a.ruleId < b.ruleId
        ? -1
        : a.ruleId > b.ruleId
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;
}

function normalise(entries: Iterable<BaselineEntry>): Baseline {
  const byId = new Map<string, BaselineEntry>();
  for (const e of entries) byId.set(e.id, { id: e.id, ruleId: e.ruleId, path: e.path });
  return { version: BASELINE_VERSION, entries: [...byId.values()].sort(compareEntries) };
}

/** A baseline accepting exactly these findings. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  return normalise(findings.map((f) => ({ id: f.id, ruleId: f.ruleId, path: f.location.path })));
}

/** Existing entries plus the given findings (nothing removed). */
export function mergeBaseline(existing: Baseline, findings: readonly Finding[]): Baseline {
  return normalise([...existing.entries, ...createBaseline(findings).entries]);
}

/** Existing entries minus those whose id is in `unusedIds` (known only from a full scan). */
export function pruneBaseline(existing: Baseline, unusedIds: Iterable<string>): Baseline {
  const drop = new Set(unusedIds);
  return normalise(existing.entries.filter((e) => !drop.has(e.id)));
}

/**
 * Stable bytes: sorted entries, fixed key order, two-space indent, final newline. Re-running with
 * no change writes identical bytes, so the file only shows up in a diff when the accepted set changes.
 */
export function serializeBaseline(baseline: Baseline): string {
  const b = normalise(baseline.entries);
  const lines = b.entries.map(
    (e) =>
      `    { "id": ${JSON.stringify(e.id)}, "ruleId": ${JSON.stringify(e.ruleId)}, "path": ${JSON.stringify(e.path)} }`,
  );
  const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${b.version},\n  "entries": ${body}\n}\n`;
}

export type BaselineResult =
  | { ok: true; baseline: Baseline; exists: boolean }
  | { ok: false; errors: string[] };

export function parseBaseline(text: string, file = BASELINE_PATH): BaselineResult {
  const parsed = parseJsonWithPlaces(text);
  if (!parsed.ok) {
    const { message, place } = parsed.problem;
    return {
      ok: false,
      errors: [
        `${file}: ${message} (line ${place.line}, column ${place.column}); regenerate it with \`seckit baseline\``,
      ],
    };
  }
  const result = Baseline.safeParse(parsed.json.value);
  if (!result.success)
    return { ok: false, errors: describeIssues(result.error.issues, { file, json: parsed.json }) };
  return { ok: true, baseline: result.data, exists: true };
}

/** Read `.seckit/baseline.json` under `root`; a missing file is an empty baseline. */
export async function loadBaseline(root: string, file = BASELINE_PATH): Promise<BaselineResult> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: true, baseline: { version: BASELINE_VERSION, entries: [] }, exists: false };
    }
    return { ok: false, errors: [`${file}: cannot be read (${(error as Error).message})`] };
  }
  return parseBaseline(text, file);
}
