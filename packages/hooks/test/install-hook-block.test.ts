import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, SECKIT_BLOCK, upsertSeckitBlock } from '../src/install/hook-block.js';

describe('upsertSeckitBlock', () => {
  it('creates the exact marked block for a new file', () => {
    expect(upsertSeckitBlock(undefined)).toEqual({
      ok: true,
      content: SECKIT_BLOCK,
      changed: true,
      action: 'created',
    });
    expect(SECKIT_BLOCK).toBe(
      '# >>> seckit >>> (managed by sec-init; edit outside these markers)\nseckit scan --staged\n# <<< seckit <<<\n',
    );
  });

  it('appends after the user lines, adding a missing final newline', () => {
    expect(upsertSeckitBlock('npm test')).toMatchObject({
      content: `npm test\n${SECKIT_BLOCK}`,
      action: 'appended',
    });
    expect(upsertSeckitBlock('npm test\n')).toMatchObject({ content: `npm test\n${SECKIT_BLOCK}` });
  });

  it('is a no-op on its own output', () => {
    for (const input of [undefined, 'npm test\n', '#!/bin/sh\nlint\n']) {
      const first = upsertSeckitBlock(input);
      if (!first.ok) throw new Error('unexpected');
      expect(upsertSeckitBlock(first.content)).toEqual({
        ok: true,
        content: first.content,
        changed: false,
        action: 'unchanged',
      });
    }
  });

  it('replaces an outdated block in place and keeps lines on both sides', () => {
    const old = `npm run lint\n# >>> seckit >>> (old text)\nnpx seckit scan --staged --old\n${BLOCK_END}\nnpm test\n`;
    const result = upsertSeckitBlock(old);
    expect(result).toEqual({
      ok: true,
      content: `npm run lint\n${SECKIT_BLOCK}npm test\n`,
      changed: true,
      action: 'updated',
    });
  });

  it.each([
    [`${BLOCK_START}\nseckit scan --staged\n`, 'incomplete'],
    [`${BLOCK_END}\n${BLOCK_START}\n`, 'incomplete'],
    [`${SECKIT_BLOCK}${SECKIT_BLOCK}`, 'more than one'],
  ])('refuses a malformed block: %j', (input, reason) => {
    const result = upsertSeckitBlock(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
