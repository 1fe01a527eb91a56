/**
 * The one error type the library throws at its boundary. `code` is stable (tests and callers match
 * on it); `message` is for people and names the file and place. The CLI maps it to exit code 2.
 */
export class SeckitError extends Error {
  readonly code: string;
  readonly file: string | undefined;

  constructor(code: string, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SeckitError';
    this.code = code;
    this.file = options.file;
  }
}

export function isSeckitError(error: unknown): error is SeckitError {
  return error instanceof SeckitError;
}
