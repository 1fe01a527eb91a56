/** How a JSON file is laid out, so a rewrite changes only what we meant to change. */
export interface JsonFormat {
  /** One level of indentation: a tab, or N spaces. */
  indent: string;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

/**
 * Reads the layout from the text: the first indented line gives the indent (tabs or the number of
 * spaces, as husky does for tabs), CRLF anywhere means CRLF. A one-line file falls back to 2 spaces,
 * npm's own default.
 */
export function detectJsonFormat(text: string): JsonFormat {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indentMatch = /\n([ \t]+)\S/.exec(text);
  const found = indentMatch?.[1];
  const indent = found === undefined ? '  ' : found.startsWith('\t') ? '\t' : ' '.repeat(found.length);
  return { indent, eol, finalNewline: /\r?\n$/.test(text) };
}
