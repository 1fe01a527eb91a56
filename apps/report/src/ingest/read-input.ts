import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseJsonWithPlaces } from '@seckit/core';
import { formatPath, inputError } from './input-error.js';

export const DEFAULT_MAX_INPUT_MB = 100;
/** Deeper than any report a tool writes (SARIF's own structure is about 12 levels). */
export const MAX_DEPTH = 64;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Read a report as UTF-8 text, refusing files over the limit before reading them (stat), and
 * again while reading (a pipe or a growing file has no reliable size). `source` is the path to
 * read, `file` the name messages use.
 */
export async function readInput(source: string, file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) throw inputError(file, 'is a folder');
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw inputError(file, 'no such file');
    if ((error as NodeJS.ErrnoException).code !== undefined)
      throw inputError(file, `cannot be read (${(error as Error).message})`);
    throw error;
  }
  const tooBig = (bytes: number) =>
    inputError(
      file,
      `${bytes > size ? 'more than ' : ''}${megabytes(bytes)} is over the input limit of ${megabytes(maxBytes)}; split the report, or raise --max-input-mb`,
    );
  if (size > maxBytes) throw tooBig(size);
  const chunks: Buffer[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(source);
    stream.on('data', (chunk) => {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) {
        stream.destroy();
        reject(tooBig(total));
        return;
      }
      chunks.push(buffer);
    });
    stream.on('error', (error) => reject(inputError(file, `cannot be read (${error.message})`)));
    stream.on('close', () => resolve());
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
  } catch {
    throw inputError(file, 'is not UTF-8 text; reports are JSON files');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse, with the place of a syntax error and a hint when the file just stops (truncated). */
export function parseInput(file: string, text: string): unknown {
  if (text.trim() === '') throw inputError(file, 'is empty; expected a JSON report');
  try {
    return JSON.parse(text);
  } catch {
    // Only on failure: locate the problem with a parser that reports line and column.
    const parsed = parseJsonWithPlaces(text);
    if (parsed.ok) throw inputError(file, 'invalid JSON');
    const { message, place } = parsed.problem;
    const lastLine = text.trimEnd().split('\n').length;
    const truncated =
      place.line >= lastLine && /expected|unterminated|end/i.test(message)
        ? '; the file ends early: was it truncated (disk full, interrupted upload)?'
        : '';
    throw inputError(file, `${message} (line ${place.line}, column ${place.column})${truncated}`);
  }
}

interface Frame {
  value: object;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
}

function pathOf(frame: Frame): (string | number)[] {
  const out: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) out.unshift(f.key);
  return out;
}

/**
 * Refuse data nested deeper than MAX_DEPTH before anything walks it recursively. Iterative, so
 * the check itself cannot overflow the stack; paths are rebuilt only for the error.
 */
export function checkDepth(file: string, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const stack: Frame[] = [{ value, depth: 0, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth >= MAX_DEPTH) {
      const path = pathOf(frame);
      const shown = path.length > 8 ? [...path.slice(0, 8), '…'] : path;
      throw inputError(
        file,
        `nested more than ${MAX_DEPTH} levels deep (at ${formatPath(shown)}); no report is shaped like this, refusing it`,
      );
    }
    const depth = frame.depth + 1;
    if (Array.isArray(frame.value)) {
      const list = frame.value as unknown[];
      for (let i = 0; i < list.length; i++) {
        const child = list[i];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth, key: i, parent: frame });
      }
    } else {
      const record = frame.value as Record<string, unknown>;
      for (const key in record) {
        const child = record[key];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth, key, parent: frame });
      }
    }
  }
}
