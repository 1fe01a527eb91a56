import type { Span } from '../text-place.js';

export interface JsonSpans {
  /** Span of the value at `path` (a string with its quotes). */
  value(path: readonly (string | number)[]): Span | undefined;
  /** Span of the property name whose value is at `path`. */
  key(path: readonly (string | number)[]): Span | undefined;
}

/**
 * Where every value of a JSON text is, in one pass. Only run on text JSON.parse (or the JSONC
 * reader) has already accepted, so it reads valid JSON — plus the trailing commas and comments of
 * JSONC — and never validates. It replaces jsonc-parser's tree on the hook's path: loading that
 * library and building its tree cost more than reading a package.json.
 */
export function jsonSpans(text: string): JsonSpans {
  const values = new Map<string, Span>();
  const keys = new Map<string, Span>();
  let i = 0;

  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44) i++;
      else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl + 1;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
      } else return;
    }
  };
  const stringEnd = (from: number): number => {
    for (let j = from + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 34) return j + 1;
    }
    return text.length;
  };
  const value = (path: string) => {
    skip();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      for (;;) {
        skip();
        if (i >= text.length || text.charCodeAt(i) === 125) break;
        const keyStart = i;
        i = stringEnd(i);
        const raw = text.slice(keyStart + 1, i - 1);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(keyStart, i)) as string) : raw;
        const child = `${path}\0${name}`;
        keys.set(child, { start: keyStart, end: i });
        skip();
        i++; // ":"
        value(child);
      }
      i++;
    } else if (c === 91) {
      i++;
      for (let n = 0; ; n++) {
        skip();
        if (i >= text.length || text.charCodeAt(i) === 93) break;
        value(`${path}\0${n}`);
      }
      i++;
    } else if (c === 34) {
      i = stringEnd(i);
    } else {
      while (i < text.length && !/[\s,}\]/]/.test(text[i]!)) i++;
    }
    values.set(path, { start, end: i });
  };
  value('');
  const id = (path: readonly (string | number)[]) => path.map((p) => `\0${p}`).join('');
  return { value: (path) => values.get(id(path)), key: (path) => keys.get(id(path)) };
}
