import { DepsParseError } from './parse-error.js';

/**
 * Reads TOML with smol-toml (loaded only when a Python file is judged). Its error message carries a
 * code frame of the offending line, which may hold a credential (an index URL with a password):
 * only the reason and the place are kept.
 */
export async function loadToml(
  text: string,
  file: string,
  code: 'E_MANIFEST' | 'E_LOCKFILE',
): Promise<unknown> {
  const { parse, TomlError } = await import('smol-toml');
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
      throw new DepsParseError(code, file, `invalid TOML: ${reason}`, {
        line: error.line,
        column: error.column,
      });
    }
    // smol-toml only throws TomlError; anything else (a stack overflow on absurd nesting) is
    // still this file's fault, not ours.
    throw new DepsParseError(code, file, `invalid TOML: ${(error as Error)?.name ?? 'unreadable'}`);
  }
}
