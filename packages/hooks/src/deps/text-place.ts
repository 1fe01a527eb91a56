/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

export interface Place {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Offsets → 1-based line/column, by binary search over line starts computed once per file: a
 * lockfile with thousands of findings must not rescan its text for each one.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      let i = this.text.indexOf('\n');
      while (i >= 0) {
        starts.push(i + 1);
        i = this.text.indexOf('\n', i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  }

  place(span: Span | undefined): Place {
    if (span === undefined) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    const a = this.position(span.start);
    const b = this.position(Math.max(span.start, span.end));
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The span of a whole line (1-based), without its newline. */
  lineSpan(line: number): Span {
    const starts = this.lineStarts();
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return { start, end };
  }
}

/** Files are UTF-8; a leading BOM is not part of the content people see (or of column 1). */
export function decodeText(content: Buffer): { text: string; bom: boolean } {
  const text = content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** 1-based line and column of an offset, without an index (for the odd error place). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
