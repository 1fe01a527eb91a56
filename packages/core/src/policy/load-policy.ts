import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { configUnreadable, POLICY_PATH } from '../config-paths.js';
import { SeckitError } from '../errors.js';
import { parseJsonWithPlaces } from '../json-locate.js';
import type { JsonPlace } from '../offset-place.js';
import { Policy } from '../schemas/policy.js';
import { describeIssues } from './describe-issues.js';

export type PolicyResult =
  | {
      ok: true;
      policy: Policy;
      source: 'file' | 'default';
      warnings: string[];
      /** Line and column of a JSON path in the file (for findings about the policy itself). */
      placeOf: (path: readonly (string | number)[]) => JsonPlace | undefined;
    }
  | { ok: false; errors: string[] };

/**
 * Validate policy text. Every problem is listed (not just the first), each naming the file, the
 * JSON path and the place, so one edit-run cycle fixes them all.
 */
export function parsePolicy(text: string, file = POLICY_PATH): PolicyResult {
  if (text.trim() === '')
    return { ok: false, errors: [`${file}: the file is empty; write {} for the defaults`] };
  const parsed = parseJsonWithPlaces(text);
  if (!parsed.ok) {
    const { message, place } = parsed.problem;
    return { ok: false, errors: [`${file}: ${message} (line ${place.line}, column ${place.column})`] };
  }
  const result = Policy.safeParse(parsed.json.value);
  if (!result.success) {
    return {
      ok: false,
      errors: describeIssues(result.error.issues, { file, json: parsed.json, knownKeys: knownPolicyKeys }),
    };
  }
  const warnings: string[] = [];
  const value = parsed.json.value as { $schema?: unknown };
  if (value.$schema === undefined) {
    warnings.push(
      `${file}: no "$schema"; add it for completion in editors (see @seckit/core's policy.schema.json)`,
    );
  }
  return { ok: true, policy: result.data, source: 'file', warnings, placeOf: parsed.json.placeOf };
}

/** Read `.seckit/policy.json` under `root`; a missing file means the defaults. */
export async function loadPolicy(root: string, file = POLICY_PATH): Promise<PolicyResult> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        ok: true,
        policy: Policy.parse({}),
        source: 'default',
        warnings: [],
        placeOf: () => undefined,
      };
    }
    return { ok: false, errors: [configUnreadable(file, error)] };
  }
  return parsePolicy(text, file);
}

/** Like loadPolicy but throws a SeckitError listing every problem: for callers that want exceptions. */
export async function loadPolicyOrThrow(root: string, file = POLICY_PATH): Promise<Policy> {
  const result = await loadPolicy(root, file);
  if (!result.ok) throw new SeckitError('E_POLICY', result.errors.join('\n'), { file });
  return result.policy;
}

function knownPolicyKeys(objectPath: readonly PropertyKey[]): readonly string[] {
  let schema: z.ZodType = Policy;
  for (const seg of objectPath) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) {
      const next = (schema.shape as Record<string, z.ZodType>)[String(seg)];
      if (next === undefined) return [];
      schema = next;
    } else if (schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
    } else {
      return [];
    }
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}
