import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Policy, parsePolicy, SeckitError } from '@seckit/core';
import { PERIODS, type Period } from '../metrics/trend.js';
import type { CliIo } from './io.js';
import { DEFAULT_DB, DEFAULT_POLICY } from './options.js';

export type Values = Record<string, string | boolean | undefined>;

/** What every command gets: parsed arguments, resolved paths, the time to report at. */
export interface Context {
  io: CliIo;
  values: Values;
  positionals: string[];
  now: number;
  /** Absolute path of the database file. */
  db: string;
  /** The database path as the user gave it, for messages. */
  dbShown: string;
}

export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function resolvePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}

/** How a path is shown: relative to where the user is, as they would type it. */
export function shownPath(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
}

export function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) {
    throw new SeckitError(
      'E_USAGE',
      `--now: expected an ISO date-time such as 2026-03-01T12:00:00Z, got "${value.slice(0, 40)}"`,
    );
  }
  return t;
}

export function createContext(io: CliIo, values: Values, positionals: string[]): Context {
  const dbShown = stringOption(values, 'db') ?? DEFAULT_DB;
  return {
    io,
    values,
    positionals,
    now: parseNow(stringOption(values, 'now')),
    db: resolvePath(io, dbShown),
    dbShown,
  };
}

/**
 * The policy: --policy names a file that must exist; without it, `.seckit/policy.json` is read
 * when present and the defaults apply when it is not. Every problem is listed with its place.
 */
export async function loadPolicyFile(ctx: Context): Promise<Policy> {
  const given = stringOption(ctx.values, 'policy');
  const shown = given ?? DEFAULT_POLICY;
  let text: string;
  try {
    text = await readFile(resolvePath(ctx.io, shown), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && given === undefined) return parsePolicyOrThrow('{}', shown);
    if (code === 'ENOENT')
      throw new SeckitError('E_POLICY', `${shown}: no such policy file`, { file: shown });
    throw new SeckitError('E_POLICY', `${shown}: cannot be read (${(error as Error).message})`, {
      file: shown,
    });
  }
  return parsePolicyOrThrow(text, shown);
}

function parsePolicyOrThrow(text: string, shown: string): Policy {
  const result = parsePolicy(text, shown);
  if (!result.ok) throw new SeckitError('E_POLICY', result.errors.join('\n'), { file: shown });
  return result.policy;
}

export function periodOption(values: Values): Period {
  const value = stringOption(values, 'period') ?? 'week';
  if (!(PERIODS as readonly string[]).includes(value)) {
    throw new SeckitError(
      'E_USAGE',
      `--period: expected one of ${PERIODS.join(', ')}, got "${value.slice(0, 40)}"`,
    );
  }
  return value as Period;
}

export function requireOutput(ctx: Context, command: string): string {
  const output = stringOption(ctx.values, 'output');
  if (output === undefined)
    throw new SeckitError('E_USAGE', `\`sec-report ${command}\` needs --output <file>`);
  return output;
}
