import { applyEdits, findNodeAtLocation, modify, type Node, parseTree } from 'jsonc-parser';
import { detectJsonFormat } from './json-format.js';

export type JsonPath = (string | number)[];

export interface SetOptions {
  /**
   * Insert a new key in alphabetical place when the object's keys are already sorted (what npm,
   * pnpm and yarn do to dependency maps); otherwise, and for other objects, append it.
   */
  sorted?: boolean;
}

/** `value` as JSON text for a place whose line starts with `indent`. */
function valueText(value: unknown, unit: string, indent: string, eol: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${indent}`);
}

/**
 * Removes the property whose value is `valueNode`, with one separating comma, so the remaining
 * lines keep their layout: after a sibling, from that sibling's end; as the first of several, up
 * to the next one's start; alone, everything between the braces.
 */
function removeProperty(text: string, valueNode: Node): string {
  const property = valueNode.parent;
  const parent = property?.parent;
  if (property === undefined || parent === undefined || parent.type !== 'object') {
    return applyEdits(text, modify(text, [], undefined, {}));
  }
  const siblings = parent.children ?? [];
  const index = siblings.indexOf(property);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  if (previous !== undefined) {
    return `${text.slice(0, previous.offset + previous.length)}${text.slice(property.offset + property.length)}`;
  }
  if (next !== undefined) return `${text.slice(0, property.offset)}${text.slice(next.offset)}`;
  return `${text.slice(0, parent.offset + 1)}${text.slice(parent.offset + parent.length - 1)}`;
}

/** The indentation of the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/**
 * `text` with the value at `path` set (or removed, for `undefined`), changing only those bytes:
 * indentation, key order, line endings, the final newline and every other value stay as they are
 * (re-serialising the whole file, or letting a formatter touch the neighbouring lines, would also
 * reflow inline arrays and objects the user wrote on one line). A new key is laid out like its
 * siblings: on its own line in a multi-line object, inline in a one-line object.
 */
export function setJsonValue(text: string, path: JsonPath, value: unknown, options: SetOptions = {}): string {
  const format = detectJsonFormat(text);
  const root = parseTree(text);
  if (root === undefined)
    return `${valueText(
      path.reduceRight<unknown>((v, k) => ({ [k]: v }), value),
      format.indent,
      '',
      format.eol,
    )}${format.eol}`;
  const node = findNodeAtLocation(root, path);
  if (value === undefined) return node === undefined ? text : removeProperty(text, node);
  if (node !== undefined) {
    const indent = lineIndent(text, node.offset);
    return `${text.slice(0, node.offset)}${valueText(value, format.indent, indent, format.eol)}${text.slice(node.offset + node.length)}`;
  }
  // The deepest object that exists on the path gets the new key (with the rest nested in it).
  let depth = path.length - 1;
  let parent: Node | undefined;
  for (; depth >= 0; depth--) {
    parent = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (parent !== undefined) break;
  }
  if (parent === undefined || parent.type !== 'object') {
    return applyEdits(text, modify(text, path, value, {}));
  }
  const key = String(path[depth]);
  const nested = path.slice(depth + 1).reduceRight<unknown>((v, k) => ({ [k]: v }), value);
  const properties = parent.children ?? [];
  const keys = properties.map((p) => String(p.children?.[0]?.value));
  let index = properties.length;
  if (options.sorted && keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') <= k)) {
    const after = keys.findIndex((k) => k > key);
    if (after !== -1) index = after;
  }
  const parentText = text.slice(parent.offset, parent.offset + parent.length);
  const multiLine = parentText.includes('\n') || properties.length === 0;
  const parentIndent = lineIndent(text, parent.offset);
  const indent =
    properties[0] !== undefined && multiLine
      ? lineIndent(text, properties[0].offset)
      : `${parentIndent}${format.indent}`;
  const entry = `${JSON.stringify(key)}: ${valueText(nested, format.indent, multiLine ? indent : '', format.eol)}`;
  if (properties.length === 0) {
    const inner = `${format.eol}${indent}${entry}${format.eol}${parentIndent}`;
    return `${text.slice(0, parent.offset + 1)}${inner}${text.slice(parent.offset + parent.length - 1)}`;
  }
  if (index === 0) {
    const first = properties[0] as Node;
    const insert = multiLine ? `${entry},${format.eol}${indent}` : `${entry}, `;
    return `${text.slice(0, first.offset)}${insert}${text.slice(first.offset)}`;
  }
  const previous = properties[index - 1] as Node;
  const end = previous.offset + previous.length;
  const insert = multiLine ? `,${format.eol}${indent}${entry}` : `, ${entry}`;
  return `${text.slice(0, end)}${insert}${text.slice(end)}`;
}
