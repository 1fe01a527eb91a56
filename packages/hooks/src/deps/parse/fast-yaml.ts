import type { Span } from '../text-place.js';

/**
 * A fast reader for the YAML that package managers write: block mappings and sequences, plain and
 * quoted scalars, one-line flow collections, full-line comments, several documents. It exists
 * because a 2,000-package pnpm-lock.yaml (~670 KB) takes the `yaml` library 350+ ms and js-yaml
 * 100+ ms on a cold start, more than the whole hook may spend. It gives up (FastYamlUnsupported)
 * on anything outside that subset — anchors, tags, block scalars, multi-line scalars, duplicate
 * keys, odd indentation — and the caller then uses the `yaml` library, so it never guesses: what it
 * accepts it reads exactly as `yaml` (failsafe schema: every scalar a string) does, which a
 * differential property test checks.
 */
export class FastYamlUnsupported extends Error {
  constructor(
    readonly offset: number,
    why: string,
  ) {
    super(why);
    this.name = 'FastYamlUnsupported';
  }
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'flow' | 'block';

/** Where one entry of a mapping (or item of a sequence) is: its key and its value token. */
export interface EntrySpan {
  key?: Span;
  value: Span;
  style: ScalarStyle;
}

/**
 * Where a container came from, kept on it under a symbol (invisible to Object.keys and JSON): the
 * index of its first line (block collections) or -(offset + 1) of its opening bracket (flow).
 * Spans of entries are worked out from that only when asked — for a finding or an edit — because
 * a 2,000-package lockfile has tens of thousands of entries and recording each one's place costs
 * more in allocation and garbage collection than the parse itself.
 */
export const SPANS: unique symbol = Symbol('seckit.yaml.origin');
const STYLES: ScalarStyle[] = ['plain', 'single', 'double', 'flow', 'block'];

/** Non-blank, non-comment lines: parallel arrays, no object per line. */
interface Lines {
  start: number[];
  end: number[];
  indent: number[];
  /** Per line: the index just past the last line of its document. */
  docEnd: number[];
}

const INDICATORS = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);

/** Characters YAML treats specially (lone CR is a line break) or rejects (C0 controls, BOM inside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters YAML refuses.
const UNUSUAL = /\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]/;

/**
 * `skim`: top-level keys whose contents the caller never reads (pnpm-lock.yaml's `snapshots`, half
 * the file). Their lines are still checked line by line — indentation, keys, quoting, flow
 * brackets — so a truncated or conflicted file is still refused, but no values are built; the
 * key maps to an empty mapping.
 */
export function parseFastYaml(
  text: string,
  options: { skim?: readonly string[] } = {},
): {
  docs: unknown[];
  spanOf(container: unknown, key: string | number): EntrySpan | undefined;
} {
  const unusual = UNUSUAL.exec(text);
  if (unusual !== null) throw new FastYamlUnsupported(unusual.index, 'unusual control character');
  const L: Lines = { start: [], end: [], indent: [], docEnd: [] };
  const docs: unknown[] = [];
  let docStart = 0;
  let sawMarker = false;

  const flush = () => {
    const count = L.start.length;
    for (let j = docStart; j < count; j++) L.docEnd.push(count);
    if (count > docStart) docs.push(new DocReader(text, L, docStart, count, options.skim ?? []).read());
    else if (sawMarker) docs.push('');
    docStart = count;
  };

  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    let indent = 0;
    while (pos + indent < end && text.charCodeAt(pos + indent) === 32) indent++;
    const first = text.charCodeAt(pos + indent);
    if (first === 9) throw new FastYamlUnsupported(pos + indent, 'tab in indentation');
    const blank = pos + indent >= end;
    if (!blank && first !== 35) {
      if (indent === 0 && text.startsWith('---', pos) && (end === pos + 3 || isSpace(text, pos + 3))) {
        if (text.slice(pos + 3, end).trim() !== '') throw new FastYamlUnsupported(pos, 'content after ---');
        flush();
        sawMarker = true;
      } else if (indent === 0 && (text.startsWith('...', pos) || first === 37)) {
        throw new FastYamlUnsupported(pos, 'document end marker or directive');
      } else {
        L.start.push(pos);
        L.end.push(end);
        L.indent.push(indent);
      }
    }
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  flush();
  const cursor = new Cursor(text, 0, 0);
  return { docs, spanOf: (container, key) => locate(text, L, cursor, container, key) };
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

function isSeqAt(text: string, L: Lines, j: number): boolean {
  const at = L.start[j]! + L.indent[j]!;
  return text.charCodeAt(at) === 45 && (at + 1 >= L.end[j]! || text.charCodeAt(at + 1) === 32);
}

/** Re-reads a container's lines to find one entry: only ever for findings and edits. */
function locate(
  text: string,
  L: Lines,
  s: Cursor,
  container: unknown,
  key: string | number,
): EntrySpan | undefined {
  if (typeof container !== 'object' || container === null) return undefined;
  const at = (container as { [SPANS]?: number })[SPANS];
  if (at === undefined) return undefined;
  if (at < 0) {
    const start = -at - 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.charCodeAt(end - 1) === 13) end--;
    return { value: { start, end }, style: 'flow' };
  }
  const indent = L.indent[at]!;
  const stop = L.docEnd[at]!;
  const seq = isSeqAt(text, L, at);
  let n = 0;
  for (let j = at; j < stop && L.indent[j]! >= indent; j++) {
    if (L.indent[j] !== indent) continue;
    if (seq) {
      if (n++ !== key) continue;
      s.reset(L.start[j]! + indent + 1, L.end[j]!);
      const vs = s.skipToValue();
      s.readBlockValue();
      return { value: { start: vs, end: s.pos }, style: STYLES[s.style]! };
    }
    s.reset(L.start[j]! + indent, L.end[j]!);
    const ks = s.pos;
    if (s.readKey() !== key) continue;
    const keySpan = { start: ks, end: s.keyEnd };
    if (s.atEnd()) {
      const next = j + 1;
      if (
        next < stop &&
        (L.indent[next]! > indent || (L.indent[next] === indent && isSeqAt(text, L, next)))
      ) {
        return {
          key: keySpan,
          value: { start: L.start[next]! + L.indent[next]!, end: L.end[next]! },
          style: 'block',
        };
      }
      return { key: keySpan, value: { start: s.pos, end: s.pos }, style: 'plain' };
    }
    const vs = s.skipToValue();
    s.readBlockValue();
    return { key: keySpan, value: { start: vs, end: s.pos }, style: STYLES[s.style]! };
  }
  return undefined;
}

class DocReader {
  private i: number;
  private readonly cursor: Cursor;

  constructor(
    private readonly text: string,
    private readonly L: Lines,
    first: number,
    private readonly last: number,
    private readonly skim: readonly string[],
  ) {
    this.i = first;
    this.cursor = new Cursor(text, 0, 0);
  }

  read(): unknown {
    const first = this.i;
    const indent = this.L.indent[first]!;
    const value = isSeqAt(this.text, this.L, first) ? this.readSeq(indent) : this.readMap(indent);
    if (this.i < this.last) throw new FastYamlUnsupported(this.L.start[this.i]!, 'unexpected indentation');
    return value;
  }

  private readMap(indent: number): Record<string, unknown> {
    const { text, L, cursor: s } = this;
    const map: Record<string, unknown> = Object.create(null);
    (map as { [SPANS]?: number })[SPANS] = this.i;
    while (this.i < this.last) {
      const j = this.i;
      const lineIndent = L.indent[j]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) throw new FastYamlUnsupported(L.start[j]!, 'unexpected indentation');
      if (isSeqAt(text, L, j)) throw new FastYamlUnsupported(L.start[j]!, 'sequence inside a mapping');
      s.reset(L.start[j]! + indent, L.end[j]!);
      const key = s.readKey();
      if (key === '<<') throw new FastYamlUnsupported(L.start[j]!, 'merge key');
      // A null-prototype object holding only strings and objects: undefined means absent.
      if (map[key] !== undefined) throw new FastYamlUnsupported(L.start[j]!, 'duplicate key');
      this.i++;
      if (s.atEnd()) {
        const next = this.i;
        if (indent === 0 && this.skim.includes(key) && next < this.last && L.indent[next]! > 0) {
          const skimmed: Record<string, unknown> = Object.create(null);
          (skimmed as { [SPANS]?: number })[SPANS] = next;
          this.skimBlock();
          map[key] = skimmed;
          continue;
        }
        if (
          next < this.last &&
          (L.indent[next]! > indent || (L.indent[next] === indent && isSeqAt(text, L, next)))
        ) {
          // A nested block; YAML lets a sequence value start at the key's own indentation.
          map[key] = isSeqAt(text, L, next) ? this.readSeq(L.indent[next]!) : this.readMap(L.indent[next]!);
        } else {
          map[key] = '';
        }
        continue;
      }
      map[key] = s.readBlockValue();
      s.expectLineEnd();
    }
    return map;
  }

  /** Checks the lines of a nested block without building it (see `skim`). */
  private skimBlock(): void {
    const { text, L, cursor: s } = this;
    const indents: number[] = [];
    const seqLevel: boolean[] = [];
    // Keys seen per open mapping level: a repeated key makes pnpm refuse the file, so it must be
    // noticed here too (the library then reports it).
    const keys: (Set<string> | undefined)[] = [];
    let opened = true; // the top-level key ended with ":"
    while (this.i < this.last && L.indent[this.i]! > 0) {
      const j = this.i;
      const indent = L.indent[j]!;
      const seq = isSeqAt(text, L, j);
      if (indent > (indents[indents.length - 1] ?? 0)) {
        if (!opened) throw new FastYamlUnsupported(L.start[j]!, 'unexpected indentation');
        indents.push(indent);
        seqLevel.push(seq);
        keys.push(seq ? undefined : new Set());
      } else {
        while (indents.length > 0 && indents[indents.length - 1]! > indent) {
          indents.pop();
          seqLevel.pop();
          keys.pop();
        }
        if (indents[indents.length - 1] !== indent || seqLevel[seqLevel.length - 1] !== seq) {
          throw new FastYamlUnsupported(L.start[j]!, 'unexpected indentation');
        }
      }
      if (seq) {
        s.reset(L.start[j]! + indent + 1, L.end[j]!);
        if (s.atEnd()) throw new FastYamlUnsupported(L.start[j]!, 'nested block in a sequence');
        s.skipToValue();
        if (s.skipBlockValue()) throw new FastYamlUnsupported(L.start[j]!, 'mapping inside a sequence');
        s.expectLineEnd();
        opened = false;
      } else {
        s.reset(L.start[j]! + indent, L.end[j]!);
        const key = s.readKey();
        const seen = keys[keys.length - 1]!;
        if (key === '<<' || seen.has(key))
          throw new FastYamlUnsupported(L.start[j]!, 'merge or duplicate key');
        seen.add(key);
        opened = s.atEnd();
        if (!opened) {
          s.skipToValue();
          if (s.skipBlockValue()) throw new FastYamlUnsupported(L.start[j]!, '":" inside a plain value');
          s.expectLineEnd();
        }
      }
      this.i++;
    }
  }

  private readSeq(indent: number): unknown[] {
    const { text, L, cursor: s } = this;
    const seq: unknown[] = [];
    (seq as { [SPANS]?: number })[SPANS] = this.i;
    while (this.i < this.last) {
      const j = this.i;
      const lineIndent = L.indent[j]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent || !isSeqAt(text, L, j)) {
        throw new FastYamlUnsupported(L.start[j]!, 'unexpected line in a sequence');
      }
      s.reset(L.start[j]! + indent + 1, L.end[j]!);
      if (s.atEnd()) throw new FastYamlUnsupported(L.start[j]!, 'nested block in a sequence');
      const value = s.readBlockValue();
      if (s.style === 0 && /:( |$)/.test(value as string)) {
        throw new FastYamlUnsupported(L.start[j]!, 'mapping inside a sequence');
      }
      s.expectLineEnd();
      this.i++;
      seq.push(value);
    }
    return seq;
  }
}

class Cursor {
  /** Style of the last value read: an index into STYLES. */
  style = 0;
  /** End of the last key read (before its colon). */
  keyEnd = 0;

  constructor(
    private readonly text: string,
    public pos: number,
    private end: number,
  ) {}

  reset(pos: number, end: number): void {
    this.pos = pos;
    this.end = end;
  }

  skipToValue(): number {
    this.skipSpaces();
    return this.pos;
  }

  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.end;
  }

  skipSpaces(): void {
    while (this.pos < this.end && this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  private fail(why: string): never {
    throw new FastYamlUnsupported(this.pos, why);
  }

  /** Only spaces, or a comment after at least one space, may follow a value. */
  expectLineEnd(): void {
    const before = this.pos;
    this.skipSpaces();
    if (this.pos >= this.end) return;
    if (this.text[this.pos] === '#' && this.pos > before) {
      this.pos = this.end;
      return;
    }
    this.fail('unexpected text after a value');
  }

  readKey(): string {
    const c = this.text.charCodeAt(this.pos);
    let value: string;
    if (c === 39 || c === 34) {
      value = c === 39 ? this.readSingle() : this.readDouble();
    } else {
      this.checkPlainStart();
      const stop = find(KEY_STOP, this.text, this.pos);
      if (stop >= this.end || this.text.charCodeAt(stop) !== 58)
        this.fail('expected "key:" (or a comment or tab inside a key)');
      value = this.text.slice(this.pos, stop).trimEnd();
      if (value === '') this.fail('empty key');
      this.pos = stop;
    }
    this.keyEnd = this.pos;
    if (this.text.charCodeAt(this.pos) !== 58) this.fail('expected ":" after a key');
    this.pos++;
    if (this.pos < this.end && this.text.charCodeAt(this.pos) !== 32) this.fail('expected a space after ":"');
    return value;
  }

  private checkPlainStart(): void {
    const c = this.text[this.pos]!;
    if (!INDICATORS.has(c)) return;
    const next = this.text[this.pos + 1];
    // "-x", "?x", ":x" are plain scalars; every other indicator changes the meaning.
    if (
      (c === '-' || c === '?' || c === ':') &&
      next !== undefined &&
      next !== ' ' &&
      !'[]{},'.includes(next)
    )
      return;
    this.fail(`"${c}" starts something other than a plain scalar`);
  }

  readBlockValue(): unknown {
    this.skipSpaces();
    const c = this.text[this.pos];
    if (c === "'") {
      this.style = 1;
      return this.readSingle();
    }
    if (c === '"') {
      this.style = 2;
      return this.readDouble();
    }
    if (c === '{' || c === '[') {
      this.style = 3;
      return this.readFlow();
    }
    this.style = 0;
    this.checkPlainStart();
    const stop = Math.min(find(VALUE_STOP, this.text, this.pos), this.end);
    if (stop < this.end && this.text.charCodeAt(stop) === 58) this.fail('":" inside a plain value');
    const value = this.text.slice(this.pos, stop).trimEnd();
    this.pos = this.pos + value.length;
    if (value.includes('\t')) this.fail('tab in a plain value');
    return value;
  }

  /** readBlockValue without building the value (plain scalars are the common case). */
  skipBlockValue(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === 39 || c === 34 || c === 123 || c === 91) {
      this.readBlockValue();
      return false;
    }
    this.checkPlainStart();
    const stop = Math.min(find(VALUE_STOP, this.text, this.pos), this.end);
    if (stop < this.end && this.text.charCodeAt(stop) === 58) return true;
    let last = stop;
    while (last > this.pos && this.text.charCodeAt(last - 1) === 32) last--;
    for (let i = this.pos; i < last; i++)
      if (this.text.charCodeAt(i) === 9) this.fail('tab in a plain value');
    this.pos = last;
    return false;
  }

  private readSingle(): string {
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const q = this.text.indexOf("'", i);
      if (q < 0 || q >= this.end) this.fail('single-quoted string continues on the next line');
      out += this.text.slice(i, q);
      if (q + 1 < this.end && this.text.charCodeAt(q + 1) === 39) {
        out += "'";
        i = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }

  private readDouble(): string {
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const stop = find(DOUBLE_STOP, this.text, i);
      if (stop >= this.end) this.fail('double-quoted string continues on the next line');
      out += this.text.slice(i, stop);
      if (this.text.charCodeAt(stop) === 34) {
        this.pos = stop + 1;
        return out;
      }
      i = stop;
      const e = this.text[i + 1];
      const simple = e === undefined ? undefined : DOUBLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = this.text.slice(i + 2, i + 2 + width);
      if (width === 0 || hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) this.fail('unsupported escape');
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail('invalid code point');
      out += String.fromCodePoint(code);
      i += 2 + width;
    }
  }

  /** A flow mapping or sequence that opens and closes on this line. */
  private readFlow(): unknown {
    const openAt = this.pos;
    const open = this.text[this.pos];
    this.pos++;
    if (open === '{') {
      const map: Record<string, unknown> = Object.create(null);
      (map as { [SPANS]?: number })[SPANS] = -(openAt + 1);
      this.flowSpaces();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return map;
      }
      for (;;) {
        this.flowSpaces();
        const key = this.readFlowScalar(true);
        if (this.text[this.pos] !== ':') this.fail('expected ":" in a flow mapping');
        this.pos++;
        if (this.text[this.pos] !== ' ') this.fail('expected a space after ":" in a flow mapping');
        this.flowSpaces();
        const value = this.readFlowValue();
        if (Object.hasOwn(map, key) || key === '<<') this.fail('duplicate or merge key in a flow mapping');
        map[key] = value;
        this.flowSpaces();
        const sep = this.text[this.pos];
        this.pos++;
        if (sep === '}') return map;
        if (sep !== ',') this.fail('expected "," or "}"');
        this.flowSpaces();
        if (this.text[this.pos] === '}') {
          this.pos++;
          return map;
        }
      }
    }
    const seq: unknown[] = [];
    (seq as { [SPANS]?: number })[SPANS] = -(openAt + 1);
    this.flowSpaces();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return seq;
    }
    for (;;) {
      this.flowSpaces();
      seq.push(this.readFlowValue());
      this.flowSpaces();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === ']') return seq;
      if (sep !== ',') this.fail('expected "," or "]"');
      this.flowSpaces();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return seq;
      }
    }
  }

  private flowSpaces(): void {
    this.skipSpaces();
    if (this.pos >= this.end) this.fail('flow collection continues on the next line');
  }

  private readFlowValue(): unknown {
    const c = this.text[this.pos];
    if (c === '{' || c === '[') return this.readFlow();
    const value = this.readFlowScalar(false);
    if (this.text[this.pos] === ':') this.fail('implicit mapping inside a flow collection');
    return value;
  }

  private readFlowScalar(isKey: boolean): string {
    const c = this.text.charCodeAt(this.pos);
    if (c === 39) return this.readSingle();
    if (c === 34) return this.readDouble();
    this.checkPlainStart();
    const stop = Math.min(find(FLOW_STOP, this.text, this.pos), this.end);
    const at = this.text.charCodeAt(stop);
    if (stop < this.end && (at === 9 || at === 32)) this.fail('tab or comment inside a flow collection');
    const value = this.text.slice(this.pos, stop).trimEnd();
    if (value === '') this.fail(isKey ? 'empty key in a flow mapping' : 'empty value in a flow collection');
    this.pos = stop;
    return value;
  }
}

/**
 * Where a plain scalar may end, found by the regex engine (compiled, fast even in a cold
 * process) rather than a character loop: ":" before a space or line end, " #", tabs, line ends.
 */
const KEY_STOP = /:(?=[ \r\n]|$)| (?=#)|[\t\n]/g;
const VALUE_STOP = / (?=#)|:(?=[ \r\n]|$)|[\r\n]/g;
const FLOW_STOP = /[,[\]{}\n\t\r]|:(?=[ ,[\]{}\r\n]|$)| (?=#)/g;
const DOUBLE_STOP = /["\\\n]/g;

/**
 * Index of the next match at or after `from`, or the text's length. Every pattern above matches
 * exactly one character, so `test` (which allocates no match array) gives the index.
 */
function find(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : text.length;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
