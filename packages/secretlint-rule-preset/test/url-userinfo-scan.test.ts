import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { URL_USERINFO, urlUserinfoMatches } from '../src/rules/connection-string.js';

// The connection-string rule tries its URL pattern only just before each `://` (see
// urlUserinfoMatches). It must find exactly what a global scan of the whole text finds.
function globalScan(text: string): string[] {
  return [...text.matchAll(URL_USERINFO)].map((m) => `${m.index}:${m[0]}`);
}

function anchoredScan(text: string): string[] {
  return [...urlUserinfoMatches(text)].map((m) => `${m.index}:${m[0]}`);
}

// Characters that matter to the pattern (scheme, separators, user/password stops) and a few that don't.
const alphabet = fc.constantFrom(
  ...'aZ9+.-:/@ \n?#"\'<\\_x'.split(''),
  '://',
  'jdbc:',
  'postgres://',
  'u:p@h',
  'mysql:',
);

describe('URL user-info scan anchored at "://"', () => {
  it('finds the same matches as a global scan, on random text', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        expect(anchoredScan(text)).toEqual(globalScan(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles schemes at the length limit, long runs of scheme characters and back-to-back URLs', () => {
    const longest = `${'a'.repeat(31)}:${'b'.repeat(21)}:${'c'.repeat(21)}`;
    const samples = [
      `${longest}://user:pw123456@host`,
      `x${longest}://user:pw123456@host`,
      `${'a:'.repeat(60)}redis://:pw123456@host`,
      `${'q'.repeat(200)}://u:p@h`,
      'a://u:p@b://u2:p2@c',
      'jdbc:mysql://root:pw123456@db:3306/app postgres://a:b@c',
      ':///u:p@h',
      '',
    ];
    for (const text of samples) expect(anchoredScan(text)).toEqual(globalScan(text));
    expect(anchoredScan(samples[0] ?? '')).toHaveLength(1);
  });
});
