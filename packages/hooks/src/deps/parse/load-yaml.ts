import type { Node as YamlNode } from 'yaml';
import { LineIndex, type Span } from '../text-place.js';
import { type EntrySpan, FastYamlUnsupported, parseFastYaml, type ScalarStyle } from './fast-yaml.js';
import { DepsParseError } from './parse-error.js';

export interface YamlFile {
  /** One value per document (pnpm 11+ writes two into pnpm-lock.yaml). Scalars are strings. */
  docs: unknown[];
  /** Where `container[key]` is written, for findings and for rewriting a value in place. */
  spanOf(container: unknown, key: string | number): EntrySpan | undefined;
  /** Which reader produced it (the benchmark reports it). */
  engine: 'fast' | 'yaml';
}

/** Aliases can expand exponentially ("billion laughs"); past this many nodes the file is refused. */
const MAX_NODES = 2_000_000;

/**
 * Reads YAML as data: every scalar a string (the failsafe schema, so `1.10` stays "1.10"), no
 * duplicate keys, no prototype-bearing objects. Machine-written files take the fast path; anything
 * else goes through the `yaml` library (loaded only then). Syntax errors throw DepsParseError.
 */
export async function loadYaml(
  text: string,
  file: string,
  code: 'E_MANIFEST' | 'E_LOCKFILE',
  options: { skim?: readonly string[] } = {},
): Promise<YamlFile> {
  try {
    const { docs, spanOf } = parseFastYaml(text, options);
    return { docs, spanOf, engine: 'fast' };
  } catch (error) {
    // Outside the fast reader's subset (FastYamlUnsupported) or too deep for it (RangeError):
    // either way the full parser decides.
    if (!(error instanceof FastYamlUnsupported) && !(error instanceof RangeError)) throw error;
  }
  try {
    return await loadWithLibrary(text, file, code);
  } catch (error) {
    if (error instanceof DepsParseError) throw error;
    throw new DepsParseError(code, file, `unreadable YAML (${(error as Error)?.name ?? 'error'})`);
  }
}

export async function loadWithLibrary(
  text: string,
  file: string,
  code: 'E_MANIFEST' | 'E_LOCKFILE',
): Promise<YamlFile> {
  const YAML = await import('yaml');
  let documents: ReturnType<typeof YAML.parseAllDocuments>;
  try {
    documents = YAML.parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    throw new DepsParseError(code, file, `invalid YAML: ${(error as Error).message}`);
  }
  const list = Array.isArray(documents) ? documents : [documents];
  let budget = MAX_NODES;
  const STYLE_CODES: Record<ScalarStyle, number> = { plain: 0, single: 1, double: 2, flow: 3, block: 4 };
  const attach = (container: object): (string | number)[] => {
    const flat: (string | number)[] = [];
    (container as { [FLAT]?: (string | number)[] })[FLAT] = flat;
    return flat;
  };
  const docs: unknown[] = [];
  for (const doc of list) {
    const problem = doc.errors[0];
    if (problem !== undefined) {
      const firstLine = problem.message.split('\n')[0] ?? problem.message;
      throw new DepsParseError(
        code,
        file,
        `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
        new LineIndex(text).position(problem.pos[0]),
      );
    }
    const walk = (node: unknown): unknown => {
      if (--budget < 0) throw new DepsParseError(code, file, 'YAML aliases expand to too many nodes');
      if (node === null || node === undefined) return '';
      if (YAML.isAlias(node)) return walk(node.resolve(doc));
      if (YAML.isScalar(node))
        return node.value === null || node.value === undefined ? '' : String(node.value);
      if (YAML.isSeq(node)) {
        const seq: unknown[] = [];
        const flat = attach(seq);
        for (const item of node.items) {
          const r = rangeOf(item);
          flat.push(seq.length, -1, -1, r.start, r.end, STYLE_CODES[styleOf(item)]);
          seq.push(walk(item));
        }
        return seq;
      }
      if (YAML.isMap(node)) {
        const map: Record<string, unknown> = Object.create(null);
        const flat = attach(map);
        for (const pair of node.items) {
          const key = walk(pair.key);
          if (typeof key !== 'string') {
            throw new DepsParseError(
              code,
              file,
              'a mapping key is not a plain value',
              placeOfNode(text, pair.key),
            );
          }
          map[key] = walk(pair.value);
          const k = rangeOf(pair.key);
          const v = rangeOf(pair.value);
          flat.push(key, k.start, k.end, v.start, v.end, STYLE_CODES[styleOf(pair.value)]);
        }
        return map;
      }
      throw new DepsParseError(code, file, 'unsupported YAML node');
    };
    docs.push(walk(doc.contents));
  }
  return { docs, spanOf: flatSpanOf, engine: 'yaml' };
}

function rangeOf(node: unknown): Span {
  const range = (node as YamlNode | null)?.range;
  return range === undefined || range === null ? { start: 0, end: 0 } : { start: range[0], end: range[1] };
}

function styleOf(node: unknown): ScalarStyle {
  const type = (node as { type?: string } | null)?.type;
  if (type === 'QUOTE_SINGLE') return 'single';
  if (type === 'QUOTE_DOUBLE') return 'double';
  if (type === 'PLAIN') return 'plain';
  if (type === 'FLOW_MAP' || type === 'FLOW_SEQ') return 'flow';
  return 'block';
}

function placeOfNode(text: string, node: unknown): { line: number; column: number } {
  const start = rangeOf(node).start;
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  return { line, column: start - before.lastIndexOf('\n') };
}

/** The library path records every entry's place as it walks: [key, keyStart, keyEnd, valueStart, valueEnd, style]… */
const FLAT: unique symbol = Symbol('seckit.yaml.flat');
const STYLE_NAMES: ScalarStyle[] = ['plain', 'single', 'double', 'flow', 'block'];

function flatSpanOf(container: unknown, key: string | number): EntrySpan | undefined {
  if (typeof container !== 'object' || container === null) return undefined;
  const flat = (container as { [FLAT]?: (string | number)[] })[FLAT];
  if (flat === undefined) return undefined;
  for (let i = 0; i < flat.length; i += 6) {
    if (flat[i] !== key) continue;
    const ks = flat[i + 1] as number;
    return {
      ...(ks >= 0 ? { key: { start: ks, end: flat[i + 2] as number } } : {}),
      value: { start: flat[i + 3] as number, end: flat[i + 4] as number },
      style: STYLE_NAMES[flat[i + 5] as number]!,
    };
  }
  return undefined;
}
