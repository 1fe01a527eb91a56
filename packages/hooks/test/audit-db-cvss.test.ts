import { describe, expect, it } from 'vitest';
import { cvss3BaseScore, severityOfScore, severityOfWord } from '../src/audit/cvss.js';
import { cvss4Score } from '../src/audit/cvss4.js';

// Expected scores are those of FIRST's reference calculators (the CVSS v3.1 calculator; the CVSS
// v4.0 calculator, RedHatProductSecurity/cvss-v4-calculator at d1eafe0, rounding fix of 2024-11
// included) and of the test vectors shipped with RedHatProductSecurity/cvss (tests/vectors_*).
// Both implementations here were also checked against every base vector (2,592 for v3.0 and
// v3.1 each, 104,976 for v4.0) and 400,000 random v4.0 vectors with threat and environmental
// metrics: no difference.

describe('CVSS v3.0 / v3.1 base score', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 10],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:L', 7.1],
    ['CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N', 3.5],
    ['CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:N/I:H/A:H', 7.3],
    ['CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:L/I:L/A:L', 4],
    ['CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:C/C:H/I:N/A:N', 5.1],
    ['CVSS:3.1/AV:P/AC:H/PR:L/UI:N/S:U/C:H/I:L/A:H', 5.9],
    ['CVSS:3.0/AV:A/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 8.8],
    ['CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L', 3.3],
    ['CVSS:3.0/AV:P/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N', 2.1],
    // 7.4603… rounds up to 7.5 (Roundup, not round-to-nearest)
    ['CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:N', 7.5],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0],
    // temporal metrics do not change the base score
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R', 9.8],
  ])('%s = %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score);
  });

  it.each([
    'CVSS:3.1/AV:N/AC:L', // base metrics missing
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H', // no such scope
    'CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // a metric twice
    'CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C',
    'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  ])('not a v3 vector: %s', (vector) => {
    expect(cvss3BaseScore(vector)).toBeUndefined();
  });
});

describe('CVSS v4.0 score (MacroVector method)', () => {
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L', 9.2],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:H/VI:N/VA:L/SC:N/SI:H/SA:L', 7],
    ['CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:N/VI:H/VA:L/SC:N/SI:L/SA:N', 5.9],
    ['CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:L/VI:H/VA:N/SC:L/SI:L/SA:N', 5.8],
    ['CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:L/VI:H/VA:N/SC:L/SI:L/SA:N', 5.9],
    ['CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 6.1],
    ['CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:N', 4.9],
    ['CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:A/VC:L/VI:N/VA:L/SC:N/SI:L/SA:L', 1],
    ['CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:N/VI:H/VA:H/SC:H/SI:L/SA:H', 7.1],
    ['CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:N/VI:N/VA:H/SC:L/SI:L/SA:N', 4.1],
    ['CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:H', 2],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:N/VI:L/VA:L/SC:H/SI:H/SA:H', 2.4],
    // ties the floating-point arithmetic leaves just below x.x5 round up (8.55 → 8.6, 4.95 → 5.0)
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H', 8.6],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:H/SI:H/SA:H', 5],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P', 9],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U', 0.4],
    // threat metric
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:P', 7.7],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A', 7.3],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P', 5.9],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U', 4.1],
    // environmental: security requirements, a modified metric, safety (MSI:S)
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:H/AR:H', 7.2],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S', 10],
    // supplemental metrics do not change the score
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:P/AU:Y/R:U/V:D/RE:M/U:Clear', 7.3],
    // no impact at all: 0, whatever else
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:H/IR:M/AR:L', 0],
  ])('%s = %d', (vector, score) => {
    expect(cvss4Score(vector)).toBe(score);
  });

  it.each([
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', // SA missing
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', // S only for MSI / MSA
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', // UI:R is v3
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/XX:Y',
    'CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA', // a metric without value
  ])('not a v4 vector: %s', (vector) => {
    expect(cvss4Score(vector)).toBeUndefined();
  });

  it('every base vector scores between 0 and 10, in tenths', () => {
    // Written out from the specification on purpose, not imported from cvss4.ts: an oracle that
    // shared the implementation's table could not catch a mistake in it.
    const values: Record<string, string[]> = {
      AV: ['N', 'A', 'L', 'P'],
      AC: ['L', 'H'],
      AT: ['N', 'P'],
      PR: ['N', 'L', 'H'],
      UI: ['N', 'P', 'A'],
      VC: ['H', 'L', 'N'],
      VI: ['H', 'L', 'N'],
      VA: ['H', 'L', 'N'],
      SC: ['H', 'L', 'N'],
      SI: ['H', 'L', 'N'],
      SA: ['H', 'L', 'N'],
    };
    let vectors = ['CVSS:4.0'];
    for (const [metric, options] of Object.entries(values))
      vectors = vectors.flatMap((v) => options.map((o) => `${v}/${metric}:${o}`));
    expect(vectors).toHaveLength(104_976);
    const bad = vectors.filter((v) => {
      const s = cvss4Score(v);
      return s === undefined || s < 0 || s > 10 || Math.round(s * 10) / 10 !== s;
    });
    expect(bad).toEqual([]);
  });
});

describe('severity words', () => {
  it.each([
    [9, 'critical'],
    [8.9, 'high'],
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'info'],
  ] as const)('score %d is %s', (score, severity) => {
    expect(severityOfScore(score)).toBe(severity);
  });

  it('GitHub’s database_specific.severity words', () => {
    expect(['CRITICAL', 'HIGH', 'MODERATE', 'LOW', 'medium', 'UNKNOWN'].map(severityOfWord)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'medium',
      undefined,
    ]);
  });
});
