import { messages } from './messages.js';

/** The lines sec-init owns in `.husky/pre-commit`. Everything outside the markers is the user's. */
export const BLOCK_START = '# >>> seckit >>> (managed by sec-init; edit outside these markers)';
export const BLOCK_END = '# <<< seckit <<<';

/**
 * What our block does:
 * - `lint-staged`: runs lint-staged, which runs our task (and any other task the user configured);
 * - `comment`: nothing, because the user's own lines already run lint-staged, which has our task;
 * - `direct`: runs seckit itself over the whole index (when lint-staged cannot carry our task).
 */
export type BlockKind = 'lint-staged' | 'comment' | 'direct';

export interface BlockOptions {
  kind: BlockKind;
  /** The package folder relative to the repository root (POSIX), `''` at the root (husky's `cd` form). */
  cd: string;
  /** The package manager to suggest when the tools are missing (`npm install`, `pnpm install`, …). */
  installHint: string;
  /** For `comment`: the config files that carry our task, for the reader. */
  configs?: readonly string[];
}

/** Single-quoted for sh: `'it'\''s'`. Folder names come from the user's repository. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The block's text. No `npx` (it costs ~0.35 s per commit): the bins are called by path, and a
 * missing one stops the commit with what to do rather than a bare `command not found` (fail
 * closed: the hook is a security check). husky runs hooks with `sh -e` from the repository root;
 * in a package below the root the work happens in a subshell that `cd`s there, so the user's own
 * lines keep the directory they expect.
 */
export function seckitBlock(options: BlockOptions): string {
  if (options.kind === 'comment') {
    return [BLOCK_START, ...messages.hookCommentLines(options.configs ?? []), BLOCK_END, ''].join('\n');
  }
  const bin = options.kind === 'lint-staged' ? 'node_modules/.bin/lint-staged' : 'node_modules/.bin/seckit';
  const command = options.kind === 'lint-staged' ? bin : `${bin} scan --staged`;
  const shown = options.cd === '' ? bin : `${options.cd}/${bin}`;
  const guard = `[ -x ${bin} ] || { echo ${shellQuote(messages.hookToolMissing(shown, options.installHint, options.cd))} >&2; exit 1; }`;
  const body =
    options.cd === ''
      ? [guard, command]
      : ['(', `  cd ${shellQuote(options.cd)} || exit 1`, `  ${guard}`, `  ${command}`, ')'];
  return [BLOCK_START, messages.hookBlockComment(options.kind), ...body, BLOCK_END, ''].join('\n');
}

export type BlockUpdate =
  | { ok: true; content: string; changed: boolean; action: 'created' | 'appended' | 'updated' | 'unchanged' }
  | { ok: false; reason: string };

interface BlockPosition {
  lines: string[];
  start: number | undefined;
  end: number | undefined;
  problem: string | undefined;
}

const isStart = (line: string) => line.replace(/\r$/, '').startsWith('# >>> seckit >>>');
const isEnd = (line: string) => line.replace(/\r$/, '').trimEnd() === BLOCK_END;

function locate(existing: string): BlockPosition {
  const lines = existing.split('\n');
  const starts = indexesOf(lines, isStart);
  const ends = indexesOf(lines, isEnd);
  const start = starts[0];
  const end = ends[0];
  if (starts.length === 0 && ends.length === 0) return { lines, start, end, problem: undefined };
  if (starts.length !== 1 || ends.length !== 1 || start === undefined || end === undefined || end < start) {
    return {
      lines,
      start,
      end,
      problem:
        starts.length > 1 || ends.length > 1
          ? 'it contains more than one seckit block'
          : `its seckit block is incomplete (the "${start === undefined ? BLOCK_START : BLOCK_END}" line is missing or out of order)`,
    };
  }
  return { lines, start, end, problem: undefined };
}

/**
 * The hook file with `block` present and current. Absent file → just the block. A file without
 * the block → the user's lines untouched, block appended. A file with the block → the block
 * replaced in place (so a later sec-init can change the command without touching user lines).
 * Markers are matched by prefix, so a future version may change the text after `>>> seckit >>>`.
 * Half a block, or two, is refused rather than guessed at.
 */
export function upsertSeckitBlock(existing: string | undefined, block: string): BlockUpdate {
  if (existing === undefined || existing.trim() === '') {
    return { ok: true, content: block, changed: true, action: 'created' };
  }
  const { lines, start, end, problem } = locate(existing);
  if (problem !== undefined) return { ok: false, reason: problem };
  if (start === undefined || end === undefined) {
    const separator = existing.endsWith('\n') ? '' : '\n';
    return { ok: true, content: `${existing}${separator}${block}`, changed: true, action: 'appended' };
  }
  const blockLines = block.replace(/\n$/, '').split('\n');
  const content = [...lines.slice(0, start), ...blockLines, ...lines.slice(end + 1)].join('\n');
  const changed = content !== existing;
  return { ok: true, content, changed, action: changed ? 'updated' : 'unchanged' };
}

/** The hook file without our block (for `--uninstall`); `undefined` when nothing else is left. */
export function removeSeckitBlock(existing: string): string | undefined {
  const { lines, start, end, problem } = locate(existing);
  if (problem !== undefined || start === undefined || end === undefined) return existing;
  const rest = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
  return rest.trim() === '' ? undefined : rest;
}

/** The user's lines (outside our block), for deciding whether they already run lint-staged. */
export function userLines(existing: string | undefined): string[] {
  if (existing === undefined) return [];
  const { lines, start, end } = locate(existing);
  return lines.filter((_, i) => start === undefined || end === undefined || i < start || i > end);
}

/**
 * Whether the user's own lines start lint-staged (`npx lint-staged`, `pnpm exec lint-staged`,
 * `node_modules/.bin/lint-staged`, …). Comments do not count. Then our task only needs to be in the
 * config: running lint-staged from our block too would run every task twice.
 */
export function userRunsLintStaged(existing: string | undefined): boolean {
  return userLines(existing).some(
    (line) => !/^\s*#/.test(line) && /(^|[\s/'"])lint-staged(\s|$|['";&|)])/.test(line),
  );
}

/** Whether the file has our block at all (any version of it). */
export function hasSeckitBlock(existing: string | undefined): boolean {
  return (existing ?? '').split('\n').some(isStart);
}

function indexesOf(lines: readonly string[], test: (line: string) => boolean): number[] {
  return lines.flatMap((line, index) => (test(line) ? [index] : []));
}
