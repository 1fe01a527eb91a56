import { createRequire } from 'node:module';
import { jsonParseErrorText } from '@seckit/core';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { LineIndex, type Span } from '../text-place.js';
import { type JsonSpans, jsonSpans } from './json-spans.js';
import { DepsParseError } from './parse-error.js';

const require = createRequire(import.meta.url);

export interface JsonFile {
  value: unknown;
  /** Span of the value at `path` (for a string: including its quotes). */
  spanOf(path: readonly (string | number)[]): Span | undefined;
  /** Span of the property name at `path`. */
  keySpanOf(path: readonly (string | number)[]): Span | undefined;
}

export interface JsonOptions {
  /** bun.lock is JSONC: trailing commas (and, in principle, comments). */
  jsonc?: boolean;
}

/**
 * Reads JSON through JSON.parse (fast: a 1.2 MB package-lock.json parses in ~15 ms, jsonc-parser
 * needs ~100 ms) and finds places only when one is asked for, i.e. when there is a finding or an
 * error to point at. JSONC input first has its trailing commas blanked out (same offsets), the
 * form bun writes; anything else JSONC falls back to jsonc-parser, loaded only then.
 */
export function loadJson(
  text: string,
  file: string,
  code: 'E_MANIFEST' | 'E_LOCKFILE',
  options: JsonOptions = {},
): JsonFile {
  try {
    return load(text, file, code, options);
  } catch (error) {
    if (error instanceof DepsParseError) throw error;
    // Absurd nesting overflows the stack of any recursive parser: still this file's problem.
    throw new DepsParseError(code, file, `unreadable JSON (${(error as Error)?.name ?? 'error'})`);
  }
}

function load(text: string, file: string, code: 'E_MANIFEST' | 'E_LOCKFILE', options: JsonOptions): JsonFile {
  let value: unknown;
  try {
    value = JSON.parse(options.jsonc ? blankTrailingCommas(text) : text);
  } catch (error) {
    // Strict JSON is what npm reads with JSON.parse: never accept more than it does.
    value = slowParse(text, file, code, options, (error as Error).message);
  }
  let spans: JsonSpans | null | undefined;
  const index = (): JsonSpans | null => {
    if (spans === undefined) {
      try {
        spans = jsonSpans(text);
      } catch {
        spans = null; // places are a courtesy; a finding without one still points at the file
      }
    }
    return spans;
  };
  return { value, spanOf: (path) => index()?.value(path), keySpanOf: (path) => index()?.key(path) };
}

/** Replaces each comma that only precedes `}` or `]` by a space, outside strings. */
export function blankTrailingCommas(text: string): string {
  let out: string[] | undefined;
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 44) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const next = text[j];
      if (next === '}' || next === ']') {
        out ??= [];
        out.push(text.slice(last, i), ' ');
        last = i + 1;
      }
    }
  }
  if (out === undefined) return text;
  out.push(text.slice(last));
  return out.join('');
}

function slowParse(
  text: string,
  file: string,
  code: 'E_MANIFEST' | 'E_LOCKFILE',
  options: JsonOptions,
  nativeMessage: string,
): unknown {
  const { parseTree, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    allowTrailingComma: options.jsonc === true,
    disallowComments: !options.jsonc,
  });
  const first = errors[0];
  if (text.trim() === '') throw new DepsParseError(code, file, 'the file is empty');
  if (first !== undefined || tree === undefined) {
    const place = new LineIndex(text).position(first?.offset ?? 0);
    const what =
      first === undefined ? 'the file is empty' : jsonParseErrorText(printParseErrorCode(first.error));
    throw new DepsParseError(code, file, `invalid JSON: ${what}`, place);
  }
  if (!options.jsonc) {
    const at = /position (\d+)/.exec(nativeMessage);
    const place = new LineIndex(text).position(at === null ? 0 : Number(at[1]));
    // Not the native message itself: newer Node versions quote the surrounding text, which may
    // hold a credential.
    throw new DepsParseError(code, file, 'invalid JSON', place);
  }
  return toValue(tree);
}

/** jsonc-parser's own getNodeValue assigns with `obj[key] =`; "__proto__" must stay data. */
function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k === undefined || v === undefined) continue;
        Object.defineProperty(obj, String(k.value), {
          value: toValue(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
