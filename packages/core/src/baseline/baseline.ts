// Building and writing baselines. Reading one (which validates it with zod) is load-baseline.ts.
import { BASELINE_VERSION } from '../format-versions.js';
import type { Baseline, BaselineEntry } from '../schemas/baseline.js';
import type { Finding } from '../schemas/finding.js';

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
