import { KEYWORD_HINT, type KeywordHint } from '@seckit/secretlint-rule-preset';
import type {
  SecretLintSourceCode,
  SecretLintSourceNodeLocation,
  SecretLintSourceNodePosition,
  SecretLintSourceNodeRange,
} from '@secretlint/types';

/**
 * The source object secretlint rules receive, as @secretlint/core 12.0.0 builds it (a leading BOM
 * is removed from `content`; ranges are offsets into that content), except that the line index
 * behind the position helpers is built on first use: most rules never ask for it, and building it
 * eagerly costs a pass over every file (core's StructuredSource does). It also carries what the
 * keyword prefilter found (KEYWORD_HINT), which secretlint's rules ignore.
 */
export class RuleSourceCode implements SecretLintSourceCode {
  readonly hasBOM: boolean;
  readonly content: string;
  readonly filePath: string | undefined;
  readonly physicalFilePath: string | undefined;
  readonly contentType = 'text' as const;
  readonly ext: string;
  /** The keywords the engine's prefilter found: our rules read it instead of searching again. */
  readonly [KEYWORD_HINT]: KeywordHint | undefined;
  #lineStarts: number[] | undefined;

  constructor(input: { text: string; filePath: string; ext: string; keywords?: KeywordHint }) {
    this.hasBOM = input.text.charCodeAt(0) === 0xfeff;
    this.content = this.hasBOM ? input.text.slice(1) : input.text;
    this.filePath = input.filePath;
    this.physicalFilePath = input.filePath;
    this.ext = input.ext;
    this[KEYWORD_HINT] = input.keywords;
  }

  getFilePath(): string | undefined {
    return this.filePath;
  }

  getPhysicalFilePath(): string | undefined {
    return this.physicalFilePath;
  }

  locationToRange(loc: SecretLintSourceNodeLocation): SecretLintSourceNodeRange {
    return [this.positionToIndex(loc.start), this.positionToIndex(loc.end)];
  }

  rangeToLocation(range: SecretLintSourceNodeRange): SecretLintSourceNodeLocation {
    return { start: this.indexToPosition(range[0]), end: this.indexToPosition(range[1]) };
  }

  /** Line 1-based, column 0-based (structured-source's convention). */
  positionToIndex(pos: SecretLintSourceNodePosition): number {
    return (this.lineStarts()[pos.line - 1] as number) + pos.column;
  }

  indexToPosition(index: number): SecretLintSourceNodePosition {
    const starts = this.lineStarts();
    // upperBound: the number of line starts <= index is the 1-based line.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= index) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo, column: index - (starts[lo - 1] as number) };
  }

  // Same line breaks as structured-source 4.0.0: \r\n, \r, \n, U+2028, U+2029 (a break at the
  // very end opens an empty last line, as there).
  private lineStarts(): number[] {
    if (this.#lineStarts !== undefined) return this.#lineStarts;
    const text = this.content;
    const starts = [0];
    const breaks = /[\r\n\u2028\u2029]/g;
    for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
      let index = m.index;
      if (text.charCodeAt(index) === 13 && text.charCodeAt(index + 1) === 10) index += 1;
      if (index + 1 > text.length) break;
      starts.push(index + 1);
      breaks.lastIndex = index + 1;
    }
    this.#lineStarts = starts;
    return starts;
  }
}
