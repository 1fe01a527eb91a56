import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@seckit/vitest-config/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/install/unified-diff.js';

/** Applies a patch with git itself (`git apply`), the strictest reader of the format. */
function applyWithGit(before: string | undefined, diff: string): string | undefined {
  const dir = tempDir('seckit-diff-');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  mkdirSync(path.join(dir, 'x'), { recursive: true });
  if (before !== undefined) writeFileSync(path.join(dir, 'x', 'f.txt'), before);
  writeFileSync(path.join(dir, 'p.diff'), diff);
  execFileSync('git', ['apply', '--unidiff-zero', 'p.diff'], { cwd: dir });
  try {
    return readFileSync(path.join(dir, 'x', 'f.txt'), 'utf8');
  } catch {
    return undefined;
  }
}

describe('unifiedDiff', () => {
  it('prints git-style hunks with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff('x/f.txt', before, after)).toBe(
      '--- a/x/f.txt\n+++ b/x/f.txt\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
    expect(unifiedDiff('x/f.txt', before, before)).toBe('');
  });

  it('shows created and deleted files against /dev/null, and a missing final newline', () => {
    expect(unifiedDiff('x/f.txt', undefined, 'new\n')).toBe(
      '--- /dev/null\n+++ b/x/f.txt\n@@ -0,0 +1,1 @@\n+new\n',
    );
    expect(unifiedDiff('x/f.txt', 'old', undefined)).toContain('-old\n\\ No newline at end of file\n');
  });

  it('git apply turns before into after, for any pair of texts', () => {
    const line = fc.constantFrom('a', 'b', 'c', '', '  x', '}');
    const text = fc
      .array(line, { maxLength: 25 })
      .map((lines) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('x/f.txt', before, after);
        if (before === after) return diff === '';
        return applyWithGit(before, diff) === after;
      }),
      { numRuns: 40 },
    );
  });
});
