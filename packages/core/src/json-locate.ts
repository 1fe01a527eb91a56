import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type JsonPlace, offsetToPlace } from './offset-place.js';

export interface ParsedJson {
  value: unknown;
  /** Where a path (e.g. ['exceptions', 0, 'reason']) is in the text; the nearest existing parent if absent. */
  placeOf(path: readonly (string | number)[]): JsonPlace | undefined;
}

export interface JsonSyntaxProblem {
  message: string;
  place: JsonPlace;
}

/**
 * Strict JSON parse that reports the first syntax error with line and column (Node's own message
 * differs between versions and gives only an offset), and keeps positions for later messages.
 */
export function parseJsonWithPlaces(
  text: string,
): { ok: true; json: ParsedJson } | { ok: false; problem: JsonSyntaxProblem } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    const what = first === undefined ? 'empty file' : describeParseError(printParseErrorCode(first.error));
    return { ok: false, problem: { message: what, place: offsetToPlace(text, offset) } };
  }
  const value: unknown = JSON.parse(text);
  return {
    ok: true,
    json: {
      value,
      placeOf(path) {
        for (let n = path.length; n >= 0; n--) {
          const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
          if (node !== undefined) {
            // For a property value, point at its key: that is where people look.
            const target = node.parent?.type === 'property' ? node.parent : node;
            return offsetToPlace(text, target.offset);
          }
        }
        return undefined;
      },
    },
  };
}

/** jsonc-parser's error code in words (`CommaExpected` → `expected "," between entries`). */
export function jsonParseErrorText(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'invalid character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected "," between entries',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return map[code] ?? code;
}

function describeParseError(code: string): string {
  return `invalid JSON: ${jsonParseErrorText(code)}`;
}
