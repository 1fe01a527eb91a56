/** One line of an edit script: kept (` `), removed (`-`) or added (`+`). */
interface Edit {
  op: ' ' | '-' | '+';
  line: string;
}

/** Lines without their terminators; a missing final newline is shown the way `diff -u` shows it. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else lines[lines.length - 1] = `${lines.at(-1)}\n\\ No newline at end of file`;
  return lines;
}

/**
 * Shortest edit script between two line lists (Myers' O(ND) algorithm, with the trace kept so the
 * path can be walked back). Install files are small, so the simple variant is enough.
 */
function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  const max = a.length + b.length;
  const offset = max + 1;
  let v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        trace.push(next);
        break outer;
      }
    }
    v = next;
  }
  // Walk back from the end through the saved rows.
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 2; d >= 0; d--) {
    const row = trace[d] ?? [];
    const k = x - y;
    const down = k === -d || (k !== d && (row[offset + k - 1] ?? 0) < (row[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = row[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[--x] ?? '' });
      y--;
    }
    if (d > 0) {
      if (down) edits.push({ op: '+', line: b[--y] ?? '' });
      else edits.push({ op: '-', line: a[--x] ?? '' });
    }
  }
  return edits.reverse();
}

/**
 * A unified diff (`diff -u` / `git diff` format, 3 lines of context) from `before` to `after`;
 * `undefined` means the file is absent. Empty string when nothing differs.
 */
export function unifiedDiff(
  name: string,
  before: string | undefined,
  after: string | undefined,
  context = 3,
): string {
  if (before === after) return '';
  const edits = diffLines(splitLines(before ?? ''), splitLines(after ?? ''));
  const header = [
    `--- ${before === undefined ? '/dev/null' : `a/${name}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${name}`}`,
  ];
  const out: string[] = [];
  let i = 0;
  // Line numbers (1-based) in the old and new text of the edit at `i`.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const edit of edits) {
    oldAt.push(o);
    newAt.push(n);
    if (edit.op !== '+') o++;
    if (edit.op !== '-') n++;
  }
  while (i < edits.length) {
    if (edits[i]?.op === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2 × context unchanged lines.
    for (;;) {
      while (end < edits.length && edits[end]?.op !== ' ') end++;
      let gap = end;
      while (gap < edits.length && edits[gap]?.op === ' ') gap++;
      if (gap < edits.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(edits.length, end + context);
        break;
      }
    }
    const hunk = edits.slice(start, end);
    const oldCount = hunk.filter((e) => e.op !== '+').length;
    const newCount = hunk.filter((e) => e.op !== '-').length;
    const oldStart = oldCount === 0 ? (oldAt[start] ?? 1) - 1 : (oldAt[start] ?? 1);
    const newStart = newCount === 0 ? (newAt[start] ?? 1) - 1 : (newAt[start] ?? 1);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
    i = end;
  }
  return `${[...header, ...out].join('\n')}\n`;
}
