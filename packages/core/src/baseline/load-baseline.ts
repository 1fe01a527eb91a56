import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BASELINE_PATH, configUnreadable } from '../config-paths.js';
import { BASELINE_VERSION } from '../format-versions.js';
import { parseJsonWithPlaces } from '../json-locate.js';
import { describeIssues } from '../policy/describe-issues.js';
import { Baseline } from '../schemas/baseline.js';

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
    return { ok: false, errors: [configUnreadable(file, error)] };
  }
  return parseBaseline(text, file);
}
