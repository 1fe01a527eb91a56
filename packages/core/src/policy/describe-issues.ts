import type { z } from 'zod';
import type { ParsedJson } from '../json-locate.js';
import { redact } from '../redact.js';

/** `exceptions[0].reason` style, the way people read paths in JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * Shows a user's value back to them, shortened. Policy values are config, but a long string in the
 * wrong place may be a credential pasted by mistake: those are redacted like any secret.
 */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') text = JSON.stringify(value.length > 24 ? redact(value) : value);
  else if (Array.isArray(value)) text = 'an array';
  else if (value === null) text = 'null';
  else if (typeof value === 'object') text = 'an object';
  else text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export interface DescribeOptions {
  file: string;
  json: ParsedJson;
  /** Known keys per object path (formatted), for "did you mean" on unknown keys. */
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[];
}

/** One line per problem: `<file>: <path>: <what is wrong>, got <value> (line L, column C)`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], options: DescribeOptions): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const hint = closest(key, options.knownKeys?.(issue.path) ?? []);
        const suggestion = hint === undefined ? 'remove it' : `did you mean "${hint}"?`;
        lines.push(
          withPlace(`${options.file}: ${formatPath(path)}: unknown key; ${suggestion}`, path, options),
        );
      }
      continue;
    }
    const got = showValue(valueAt(options.json.value, issue.path));
    let what: string;
    switch (issue.code) {
      case 'invalid_value':
        what = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
        break;
      case 'invalid_type':
        what =
          got === 'nothing'
            ? `is required (expected ${issue.expected})`
            : `expected ${issue.expected === 'record' ? 'object' : issue.expected}, got ${got}`;
        break;
      case 'invalid_union':
        what = `expected ${unionExpectation(issue)}, got ${got}`;
        break;
      default:
        what = `${issue.message}, got ${got}`;
    }
    lines.push(withPlace(`${options.file}: ${formatPath(issue.path)}: ${what}`, issue.path, options));
  }
  return lines;
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const options = new Set<string>();
  for (const branch of issue.errors) {
    for (const sub of branch) {
      if (sub.code === 'invalid_value') for (const v of sub.values) options.add(JSON.stringify(v));
      else if (sub.code === 'invalid_type') options.add(sub.expected);
    }
  }
  return options.size > 0 ? `one of ${[...options].join(', ')}` : 'a valid value';
}

function withPlace(text: string, path: readonly PropertyKey[], options: DescribeOptions): string {
  const place = options.json.placeOf(path.filter((p): p is string | number => typeof p !== 'symbol'));
  return place === undefined ? text : `${text} (line ${place.line}, column ${place.column})`;
}
