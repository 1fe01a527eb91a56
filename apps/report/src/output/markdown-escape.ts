/**
 * Escaping for text from scanned repositories placed into GitHub-flavoured Markdown (PR comments,
 * step summaries). The same rules as @seckit/core's formatter, which does not export them: a
 * hostile value renders as the same visible text and can do nothing else (no extra table column,
 * no raw HTML, no disguised link, no @-mention).
 */

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A pipe splits a table row even inside a code span; an entity never does.
  '|': '&#124;',
  '`': '&#96;',
  // A zero-width space after `@` stops GitHub from notifying `@scope` of `@scope/package`.
  '@': '@&#8203;',
  '\r\n': '<br>',
  '\r': '<br>',
  '\n': '<br>',
  '\u2028': '<br>',
  '\u2029': '<br>',
};

// One pass, so the output of one rule (`&#124;`) is never fed to another (`#` → `\#`).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no business in a comment.
const SPECIAL = /\r\n|[\r\n\u2028\u2029&<>|`@]|[\\*_[\]~!#]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Inline text, safe inside a table cell or a list item; newlines become `<br>`. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => {
    const replacement = REPLACEMENTS[c];
    if (replacement !== undefined) return replacement;
    if (/[\\*_[\]~!#]/.test(c)) return `\\${c}`;
    return '';
  });
}

/** A code span for paths and rule ids, falling back to escaped text when a code span cannot carry it. */
export function markdownCode(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see escapeMarkdown.
  if (/[`\r\n\u0000-\u001f\u007f\u2028\u2029]/.test(text) || text.trim() === '') return escapeMarkdown(text);
  // Inside a table row GFM strips one `\` before a `|` before it parses the code span.
  return `\`${text.replace(/\|/g, '\\|')}\``;
}
