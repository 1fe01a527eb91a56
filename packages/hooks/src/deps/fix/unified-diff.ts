/**
 * A unified diff of two texts with the same number of lines (pin edits replace one token, never
 * a line break): changed lines with three lines of context, nearby changes merged into one hunk.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error('unifiedDiff: texts differ in line count');
  const changed = a.map((line, i) => line !== b[i]).flatMap((c, i) => (c ? [i] : []));
  if (changed.length === 0) return '';
  const CONTEXT = 3;
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const start = Math.max(0, i - CONTEXT);
    const end = Math.min(a.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const [start, end] of hunks) {
    const count = end - start + 1;
    out.push(`@@ -${start + 1},${count} +${start + 1},${count} @@`);
    for (let i = start; i <= end; ) {
      if (a[i] === b[i]) {
        out.push(` ${a[i]}`);
        i++;
        continue;
      }
      // A run of changed lines: its old lines, then its new ones (as diff(1) writes them).
      let j = i;
      while (j <= end && a[j] !== b[j]) j++;
      for (let k = i; k < j; k++) out.push(`-${a[k]}`);
      for (let k = i; k < j; k++) out.push(`+${b[k]}`);
      i = j;
    }
  }
  return `${out.join('\n')}\n`;
}
