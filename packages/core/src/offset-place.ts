// Offsets to line and column, apart from json-locate.ts so that callers that only need this do not
// load jsonc-parser.

export interface JsonPlace {
  line: number;
  column: number;
}

/** 1-based line and column of a 0-based character offset. */
export function offsetToPlace(text: string, offset: number): JsonPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
