import { createRequire } from 'node:module';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, type Rec } from '../parse/records.js';
import type { Span } from '../text-place.js';

/** One block of a Yarn 1 lockfile: every key it answers for, its fields, and where they are. */
export interface YarnV1Block {
  keys: string[];
  fields: Rec;
  keySpan: Span | undefined;
  valueSpans: Map<string, Span>;
}

class Unsupported extends Error {}

/**
 * Yarn 1's lockfile syntax, as `yarn` itself writes it: top-level `key, key:` lines, two-space
 * indented `field value` lines, one nested level for dependency maps. Yarn's own parser
 * (@yarnpkg/lockfile, 280 KB) costs ~60 ms to load and ~100 ms to parse 2,000 packages, so files
 * in this exact shape are read here (with positions), and anything else — merge-conflict markers,
 * deeper nesting, duplicate keys — goes to Yarn's parser, which decides.
 */
export function readYarnV1(text: string, path: string): YarnV1Block[] {
  try {
    return fastRead(text);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
  }
  return libraryRead(text, path);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this looks for.
const NEEDS_JSON = /[\\\x00-\x1f]/;

/**
 * A quoted token, read as Yarn reads it (JSON). Most have no escape: sliced directly, which on
 * 2,000 packages is the difference between ~20 and ~60 ms. What JSON refuses is Yarn's call.
 */
function unquote(token: string): string {
  if (!NEEDS_JSON.test(token)) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    throw new Unsupported();
  }
}

function fastRead(text: string): YarnV1Block[] {
  const blocks: YarnV1Block[] = [];
  const seen = new Set<string>();
  let block: YarnV1Block | undefined;
  let nested: Rec | undefined;
  let nestedName: string | undefined;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const start = pos;
    pos = nl + 1;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
    const first = text.charCodeAt(start + indent);
    if (start + indent >= end) continue; // blank
    // Yarn writes comments only above the first entry; one inside the entries changes how Yarn's
    // parser nests what follows (a column-0 comment closes the entry): leave those files to it.
    if (first === 35) {
      if (block !== undefined) throw new Unsupported();
      continue;
    }
    if (first === 9) throw new Unsupported();
    const line = text.slice(start, end);
    const trimmed = indent === 0 ? line : line.slice(indent);
    if (indent === 0) {
      if (!line.endsWith(':')) throw new Unsupported();
      const keys = splitKeys(line.slice(0, -1));
      for (const k of keys) {
        if (seen.has(k)) throw new Unsupported();
        seen.add(k);
      }
      block = { keys, fields: Object.create(null), keySpan: { start, end }, valueSpans: new Map() };
      blocks.push(block);
      nested = undefined;
      continue;
    }
    if (block === undefined) throw new Unsupported();
    if (indent === 2) {
      nested = undefined;
      const { key, rest, restStart } = splitField(trimmed);
      if (Object.hasOwn(block.fields, key)) throw new Unsupported();
      if (rest === '') {
        nested = Object.create(null) as Rec;
        nestedName = key;
        block.fields[key] = nested;
        continue;
      }
      block.fields[key] = value(rest);
      block.valueSpans.set(key, { start: start + indent + restStart, end });
      continue;
    }
    if (indent === 4 && nested !== undefined && nestedName !== undefined) {
      const { key, rest } = splitField(trimmed);
      if (rest === '' || Object.hasOwn(nested, key)) throw new Unsupported();
      nested[key] = value(rest);
      continue;
    }
    throw new Unsupported();
  }
  return blocks;
}

/** `a@^1, "b@npm:c@^2"` → the keys, each unquoted. */
function splitKeys(text: string): string[] {
  const keys: string[] = [];
  let rest = text;
  while (rest !== '') {
    let key: string;
    if (rest.startsWith('"')) {
      const close = closingQuote(rest);
      key = unquote(rest.slice(0, close + 1));
      rest = rest.slice(close + 1);
    } else {
      if (!bareStart(rest.charCodeAt(0))) throw new Unsupported();
      const end = bareEnd(rest, 0);
      key = rest.slice(0, end);
      rest = rest.slice(end);
    }
    keys.push(key);
    if (rest === '') break;
    if (!rest.startsWith(', ')) throw new Unsupported();
    rest = rest.slice(2);
  }
  if (keys.length === 0) throw new Unsupported();
  return keys;
}

/** Yarn's bare-word start: a letter, "/", "." or "-". */
// A word starting with "." is left to Yarn's tokenizer, which refuses some (`.17.21`): Yarn never
// writes one bare.
function bareStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 45;
}

/** A bare word ends at whitespace, ":", "," or a quote (Yarn's tokenizer). */
function bareEnd(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 58 || c === 44 || c === 34 || c === 13 || c === 10) break;
  }
  return i;
}

/** `key value` or `key:`: the key, and where the value starts (-1 for `key:`). Called per line. */
function splitField(text: string): { key: string; rest: string; restStart: number } {
  let key: string;
  let i: number;
  if (text.charCodeAt(0) === 34) {
    const close = closingQuote(text);
    key = unquote(text.slice(0, close + 1));
    i = close + 1;
  } else {
    if (!bareStart(text.charCodeAt(0))) throw new Unsupported();
    i = bareEnd(text, 0);
    key = text.slice(0, i);
  }
  if (text.charCodeAt(i) === 58 && i === text.length - 1) return { key, rest: '', restStart: i };
  // `key ` with nothing after it is neither a value nor a nested header (`key:`): Yarn's call.
  if (text.charCodeAt(i) !== 32 || i + 1 >= text.length) throw new Unsupported();
  return { key, rest: text.slice(i + 1), restStart: i + 1 };
}

function value(text: string): string | boolean {
  if (text.startsWith('"')) {
    const close = closingQuote(text);
    if (close !== text.length - 1) throw new Unsupported();
    return unquote(text);
  }
  if (text === 'true' || text === 'false') return text === 'true';
  // Yarn's tokenizer ends a bare word at " ", ":" or ","; numbers become numbers: leave those to it.
  if (!bareStart(text.charCodeAt(0)) || bareEnd(text, 0) !== text.length) throw new Unsupported();
  return text;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  throw new Unsupported();
}

const require = createRequire(import.meta.url);

/**
 * Yarn 1's tokenizer takes tens of seconds (then fails) on a quote left open: a hook must not
 * hang on a broken file. Yarn never writes a string across lines, so an odd count of unescaped
 * quotes on a line is refused here, with its place.
 */
function checkQuotes(text: string, path: string): void {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.trimStart().startsWith('#')) continue;
    let open = false;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '\\' && open) i++;
      else if (raw[i] === '"') open = !open;
    }
    if (open)
      throw new DepsParseError('E_LOCKFILE', path, 'a quoted string is not closed on its line', {
        line,
        column: raw.indexOf('"') + 1,
      });
  }
}

function libraryRead(text: string, path: string): YarnV1Block[] {
  checkQuotes(text, path);
  const lockfile = require('@yarnpkg/lockfile') as typeof import('@yarnpkg/lockfile');
  let parsed: ReturnType<typeof lockfile.parse>;
  try {
    parsed = lockfile.parse(text, path);
  } catch (error) {
    const message = (error as Error)?.message ?? 'unreadable';
    const line = /(\d+):(\d+)/.exec(message);
    // Yarn's messages quote the offending token, which may be anything: keep only the place.
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      'invalid yarn.lock syntax',
      line === null ? undefined : { line: Number(line[1]), column: Number(line[2]) },
    );
  }
  if (parsed.type !== 'success') {
    throw new DepsParseError(
      'E_LOCKFILE',
      path,
      'merge conflict markers in yarn.lock: resolve the conflict (run `yarn install`)',
    );
  }
  // Yarn's parser gives one object per key; blocks shared by several keys share the object.
  const byObject = new Map<unknown, YarnV1Block>();
  for (const key of Object.keys(parsed.object)) {
    const fields = parsed.object[key];
    if (!isRecord(fields)) {
      const at = findKeyLine(text, key);
      const line = at === undefined ? 1 : text.slice(0, at.start).split('\n').length;
      throw new DepsParseError(
        'E_LOCKFILE',
        path,
        `"${key}" is not a package entry (a "key:" line followed by its fields)`,
        { line, column: 1 },
      );
    }
    let block = byObject.get(fields);
    if (block === undefined) {
      block = { keys: [], fields, keySpan: findKeyLine(text, key), valueSpans: new Map() };
      for (const field of ['resolved', 'integrity']) {
        const span = findField(text, block.keySpan, field);
        if (span !== undefined) block.valueSpans.set(field, span);
      }
      byObject.set(fields, block);
    }
    block.keys.push(key);
  }
  return [...byObject.values()];
}

function findKeyLine(text: string, key: string): Span | undefined {
  for (const needle of [`\n"${key}"`, `\n${key}`]) {
    let i = text.indexOf(needle);
    while (i >= 0) {
      const after = text[i + needle.length];
      if (after === ':' || after === ',') {
        const end = text.indexOf('\n', i + 1);
        return { start: i + 1, end: end < 0 ? text.length : end };
      }
      i = text.indexOf(needle, i + 1);
    }
  }
  return undefined;
}

function findField(text: string, block: Span | undefined, field: string): Span | undefined {
  if (block === undefined) return undefined;
  const next = text.indexOf('\n\n', block.end);
  const region = text.slice(block.end, next < 0 ? text.length : next);
  const m = new RegExp(`\\n {2}"?${field}"? (.*)`).exec(region);
  if (m === null) return undefined;
  const start = block.end + m.index + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.length };
}
