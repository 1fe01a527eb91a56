import type { Span } from '../text-place.js';

/**
 * smol-toml gives values, not positions. Findings still need a line, so this finds a value's
 * text after its table header: the first occurrence of the string literal (or of `key =`) after
 * `[header]` / `[[header]]`, else anywhere in the file. Positions only: what is judged always
 * comes from the parsed document.
 */
export function tomlLocator(text: string): {
  stringIn(header: string, value: string): Span | undefined;
  keyIn(header: string, key: string): Span | undefined;
  headerStart(header: string): number;
} {
  const headers = new Map<string, number>();
  const headerStart = (header: string): number => {
    let at = headers.get(header);
    if (at === undefined) {
      const escaped = header
        .split('.')
        .map((p) => `(?:${escapeRe(p)}|"${escapeRe(p)}"|'${escapeRe(p)}')`)
        .join('\\s*\\.\\s*');
      const m = new RegExp(`^[ \\t]*\\[\\[?[ \\t]*${escaped}[ \\t]*\\]`, 'm').exec(text);
      at = m === null ? 0 : m.index;
      headers.set(header, at);
    }
    return at;
  };
  const find = (needles: string[], from: number): Span | undefined => {
    for (const start of from > 0 ? [from, 0] : [0]) {
      let best: Span | undefined;
      for (const needle of needles) {
        const i = text.indexOf(needle, start);
        if (i >= 0 && (best === undefined || i < best.start)) best = { start: i, end: i + needle.length };
      }
      if (best !== undefined) return best;
    }
    return undefined;
  };
  return {
    headerStart,
    stringIn(header, value) {
      return find([JSON.stringify(value), `'${value}'`], headerStart(header));
    },
    keyIn(header, key) {
      const from = headerStart(header);
      const re = new RegExp(
        `^[ \\t]*(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')[ \\t]*=`,
        'gm',
      );
      for (const start of from > 0 ? [from, 0] : [0]) {
        re.lastIndex = start;
        const m = re.exec(text);
        if (m !== null) {
          const lead = m[0].length - m[0].trimStart().length;
          return { start: m.index + lead, end: m.index + lead + key.length };
        }
      }
      return undefined;
    },
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
