import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactAll } from '../src/index.js';

describe('redact', () => {
  it('shows at most a 4-character prefix, and none for short values', () => {
    expect(redact('AKIAFAKE2TEST3KEY4ID')).toBe('AKIA****'); // seckit-allow: fake AWS key id for tests
    expect(redact('hunter2')).toBe('****');
    expect(redact('')).toBe('****');
  });

  it('never returns enough of a value to contain it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 5 }), (v) => {
        expect(redact(v).includes(v)).toBe(false);
      }),
    );
  });

  it('redactAll removes every occurrence', () => {
    const s = 'token=abcdefghijklmnopqrst and again abcdefghijklmnopqrst';
    expect(redactAll(s, ['abcdefghijklmnopqrst'])).toBe('token=abcd**** and again abcd****');
  });
});
