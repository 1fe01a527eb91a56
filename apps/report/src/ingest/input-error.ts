import { parseJsonWithPlaces, SeckitError } from '@seckit/core';
import type { z } from 'zod';

/** A problem with one input file: the message names the file and, when known, the place. */
export function inputError(file: string, message: string): SeckitError {
  return new SeckitError('E_INPUT', `${file}: ${message}`, { file });
}

/** `runs[0].results[3].level`, the way people read paths in JSON. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** The type of a value, never the value: input files may hold secrets. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const MAX_LISTED = 5;

/**
 * zod issues as one message: the file, then each problem with its JSON path and, when the text is
 * at hand, line and column. Values are described by type only (they may be secrets). The position
 * lookup parses the text again, which only happens on this error path.
 */
export function describeIssues(
  file: string,
  what: string,
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
  text: string | undefined,
): SeckitError {
  const placeOf = text === undefined ? undefined : parsePlaces(text);
  const lines = issues.slice(0, MAX_LISTED).map((issue) => {
    let problem: string;
    const got = kindOf(valueAt(value, issue.path));
    switch (issue.code) {
      case 'invalid_value':
        problem = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
        break;
      case 'invalid_type':
        problem =
          got === 'nothing'
            ? `is required (expected ${issue.expected})`
            : `expected ${issue.expected}, got ${got}`;
        break;
      default:
        problem = `${issue.message}, got ${got}`;
    }
    const place = placeOf?.(issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    const at = place === undefined ? '' : ` (line ${place.line}, column ${place.column})`;
    return `${formatPath(issue.path)}: ${problem}${at}`;
  });
  const more = issues.length > MAX_LISTED ? `\n  … and ${issues.length - MAX_LISTED} more problems` : '';
  return inputError(file, `not a valid ${what}:\n  ${lines.join('\n  ')}${more}`);
}

function parsePlaces(text: string) {
  const parsed = parseJsonWithPlaces(text);
  return parsed.ok ? parsed.json.placeOf : undefined;
}
