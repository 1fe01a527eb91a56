import { SeckitError } from '@seckit/core';

/**
 * A manifest or lockfile that cannot be read: a SeckitError (the one error type our parsers throw),
 * carrying the 1-based place so the finding can point at it. The message already names the file.
 */
export class DepsParseError extends SeckitError {
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(
    code: 'E_MANIFEST' | 'E_LOCKFILE',
    file: string,
    detail: string,
    place: { line: number; column: number } = { line: 1, column: 1 },
    cause?: unknown,
  ) {
    // Parsers disagree on 0- or 1-based places; findings need 1-based ones.
    const line = Math.max(1, Math.floor(place.line) || 1);
    const column = Math.max(1, Math.floor(place.column) || 1);
    super(code, `${file}:${line}:${column}: ${detail}`, { file, cause });
    this.name = 'DepsParseError';
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

export function isDepsParseError(error: unknown): error is DepsParseError {
  return error instanceof DepsParseError;
}
