/** The lines sec-init owns in `.husky/pre-commit`. Everything outside the markers is the user's. */
export const BLOCK_START = '# >>> seckit >>> (managed by sec-init; edit outside these markers)';
export const BLOCK_END = '# <<< seckit <<<';
/** husky 9 puts node_modules/.bin on PATH for hooks, so the bare bin name resolves. */
export const HOOK_COMMAND = 'seckit scan --staged';

export const SECKIT_BLOCK = `${BLOCK_START}\n${HOOK_COMMAND}\n${BLOCK_END}\n`;

export type BlockUpdate =
  | { ok: true; content: string; changed: boolean; action: 'created' | 'appended' | 'updated' | 'unchanged' }
  | { ok: false; reason: string };

/**
 * The hook file with our block present and current. Absent file → just the block. A file without
 * the block → the user's lines untouched, block appended. A file with the block → the block
 * replaced in place (so a later sec-init can change the command without touching user lines).
 * Markers are matched by prefix, so a future version may change the text after `>>> seckit >>>`.
 * Half a block, or two, is refused rather than guessed at.
 */
export function upsertSeckitBlock(existing: string | undefined): BlockUpdate {
  if (existing === undefined || existing.trim() === '') {
    return { ok: true, content: SECKIT_BLOCK, changed: true, action: 'created' };
  }
  const lines = existing.split('\n');
  const isStart = (line: string) => line.replace(/\r$/, '').startsWith('# >>> seckit >>>');
  const isEnd = (line: string) => line.replace(/\r$/, '').trimEnd() === BLOCK_END;
  const starts = indexesOf(lines, isStart);
  const ends = indexesOf(lines, isEnd);
  if (starts.length === 0 && ends.length === 0) {
    const separator = existing.endsWith('\n') ? '' : '\n';
    return { ok: true, content: `${existing}${separator}${SECKIT_BLOCK}`, changed: true, action: 'appended' };
  }
  const start = starts[0];
  const end = ends[0];
  if (starts.length !== 1 || ends.length !== 1 || start === undefined || end === undefined || end < start) {
    return {
      ok: false,
      reason:
        starts.length > 1 || ends.length > 1
          ? 'it contains more than one seckit block'
          : `its seckit block is incomplete (the "${start === undefined ? BLOCK_START : BLOCK_END}" line is missing or out of order)`,
    };
  }
  const blockLines = SECKIT_BLOCK.replace(/\n$/, '').split('\n');
  const content = [...lines.slice(0, start), ...blockLines, ...lines.slice(end + 1)].join('\n');
  const changed = content !== existing;
  return { ok: true, content, changed, action: changed ? 'updated' : 'unchanged' };
}

function indexesOf(lines: readonly string[], test: (line: string) => boolean): number[] {
  return lines.flatMap((line, index) => (test(line) ? [index] : []));
}
