import { describe, expect, it } from 'vitest';
import { GitObjectReader } from '../src/git/object-reader.js';
import { git, makeRepo, writeFiles } from './helpers/git-repo.js';

describe('GitObjectReader (one cat-file --batch for every lookup)', () => {
  it('reads the index and HEAD versions, says undefined for a missing file or a folder', async () => {
    const big = 'x'.repeat(1024 * 1024 + 7); // larger than a pipe buffer: arrives in many chunks
    const dir = makeRepo({ 'a.txt': 'committed\n', 'sub/b.txt': 'b\n', 'big.bin': big });
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'init');
    writeFiles(dir, { 'a.txt': 'staged\n', 'with space.txt': 'spaced\n' });
    git(dir, 'add', '.');
    const reader = new GitObjectReader(dir);
    try {
      // concurrent requests come back in order, each to its caller
      const [staged, head, missing, folder, spaced, large] = await Promise.all([
        reader.read(':a.txt'),
        reader.read('HEAD:a.txt'),
        reader.read(':nope/package-lock.json'),
        reader.read(':sub'),
        reader.read(':with space.txt'),
        reader.read('HEAD:big.bin'),
      ]);
      expect(staged?.toString()).toBe('staged\n');
      expect(head?.toString()).toBe('committed\n');
      expect(missing).toBeUndefined();
      expect(folder).toBeUndefined();
      expect(spaced?.toString()).toBe('spaced\n');
      expect(large?.length).toBe(big.length);
      // and one after another
      for (let i = 0; i < 20; i++) expect((await reader.read(':sub/b.txt'))?.toString()).toBe('b\n');
      expect(await reader.read('HEAD:with space.txt')).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it('a path with a line break still works (read with git show)', async () => {
    const dir = makeRepo({ 'odd\nname.txt': 'odd\n' });
    git(dir, 'add', '.');
    const reader = new GitObjectReader(dir);
    try {
      expect((await reader.read(':odd\nname.txt'))?.toString()).toBe('odd\n');
    } finally {
      reader.close();
    }
  });
});
