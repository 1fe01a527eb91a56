// CVSS v4.0 scores by the specification's MacroVector method (FIRST, CVSS v4.0 specification,
// section 8): six equivalence classes put a vector in one of 270 MacroVectors, each scored by a
// table the specification publishes; the vector's score is its MacroVector's, lowered in
// proportion to how far the vector lies below the MacroVector's most severe vectors. The
// arithmetic is done in the order FIRST's reference calculator does it (distances in steps of
// 0.1, floating point, ties lifted before rounding), so scores round exactly as the calculator's.

/** Allowed values per metric; the first `X` means "not defined". */
const VALUES: Record<string, readonly string[]> = {
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
  E: ['X', 'A', 'P', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MAT: ['X', 'N', 'P'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', 'H', 'L', 'N'],
  MVI: ['X', 'H', 'L', 'N'],
  MVA: ['X', 'H', 'L', 'N'],
  MSC: ['X', 'H', 'L', 'N'],
  MSI: ['X', 'S', 'H', 'L', 'N'],
  MSA: ['X', 'S', 'H', 'L', 'N'],
  // Supplemental metrics: allowed in a vector, no part of the score.
  S: ['X', 'N', 'P'],
  AU: ['X', 'N', 'Y'],
  R: ['X', 'A', 'U', 'I'],
  V: ['X', 'D', 'C'],
  RE: ['X', 'L', 'M', 'H'],
  U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};
const BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'] as const;

/** Severity levels used for distances (0 is the most severe value of the metric). */
const LEVEL: Record<string, Record<string, number>> = {
  AV: { N: 0.0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0.0, L: 0.1, H: 0.2 },
  UI: { N: 0.0, P: 0.1, A: 0.2 },
  AC: { L: 0.0, H: 0.1 },
  AT: { N: 0.0, P: 0.1 },
  VC: { H: 0.0, L: 0.1, N: 0.2 },
  VI: { H: 0.0, L: 0.1, N: 0.2 },
  VA: { H: 0.0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0.0, M: 0.1, L: 0.2 },
  IR: { H: 0.0, M: 0.1, L: 0.2 },
  AR: { H: 0.0, M: 0.1, L: 0.2 },
};

// The specification's MacroVector scores (times ten), EQ1 outermost, then EQ2…EQ6, each from 0;
// EQ3 = 2 with EQ6 = 0 cannot occur and has no entry.
const MACRO_SCORES =
  '100 99 98 95 95 92 100 96 93 87 91 81 93 90 89 80 81 68 98 95 95 92 90 84 93 92 89 81 81 65 88 ' +
  '80 78 70 69 48 92 82 72 79 69 50 69 55 27 99 97 95 92 92 85 95 91 90 83 84 71 92 81 82 71 72 53 ' +
  '95 93 92 85 85 73 92 82 80 72 70 59 84 70 71 52 50 30 86 75 52 71 52 29 63 29 17 98 95 94 87 91 ' +
  '81 94 89 86 74 77 64 87 75 74 63 63 49 94 89 88 77 76 67 86 76 74 58 59 50 72 57 57 52 52 25 83 ' +
  '70 54 65 58 26 53 21 13 95 90 88 76 76 70 90 77 75 62 61 53 77 66 68 59 52 30 89 78 76 67 62 58 ' +
  '74 59 57 57 47 23 61 52 57 29 24 16 71 59 30 58 26 15 23 13 6 93 87 86 72 75 58 86 74 74 61 56 ' +
  '34 70 54 52 40 40 22 85 75 74 55 62 51 72 57 55 41 46 19 53 36 34 19 19 8 64 51 20 47 21 11 24 ' +
  '9 4 88 75 73 53 60 50 73 55 59 40 41 20 54 43 45 22 20 11 75 55 58 45 40 21 61 51 48 18 20 9 46 ' +
  '18 17 7 8 2 53 24 14 24 12 5 10 3 1';

const MACRO = new Map<string, number>();
{
  const scores = MACRO_SCORES.split(' ').map((s) => Number(s) / 10);
  let i = 0;
  for (let eq1 = 0; eq1 < 3; eq1++)
    for (let eq2 = 0; eq2 < 2; eq2++)
      for (let eq3 = 0; eq3 < 3; eq3++)
        for (let eq4 = 0; eq4 < 3; eq4++)
          for (let eq5 = 0; eq5 < 3; eq5++)
            for (let eq6 = 0; eq6 < 2; eq6++) {
              if (eq3 === 2 && eq6 === 0) continue;
              MACRO.set(`${eq1}${eq2}${eq3}${eq4}${eq5}${eq6}`, scores[i++]!);
            }
}

// The most severe vectors of each class level (the specification's "highest severity vectors"),
// as the values of the class's metrics in the order of the `*_METRICS` lists.
const EQ1_METRICS = ['AV', 'PR', 'UI'] as const;
const EQ2_METRICS = ['AC', 'AT'] as const;
const EQ36_METRICS = ['VC', 'VI', 'VA', 'CR', 'IR', 'AR'] as const;
const EQ4_METRICS = ['SC', 'SI', 'SA'] as const;
const EQ1_MAX: Record<number, string[]> = { 0: ['NNN'], 1: ['ANN', 'NLN', 'NNP'], 2: ['PNN', 'ALP'] };
const EQ2_MAX: Record<number, string[]> = { 0: ['LN'], 1: ['HN', 'LP'] };
const EQ36_MAX: Record<string, string[]> = {
  '00': ['HHHHHH'],
  '01': ['HHLMMH', 'HHHMMM'],
  '10': ['LHHHHH', 'HLHHHH'],
  '11': ['LHLHMH', 'LHHHMM', 'HLHMHM', 'HLLMHH', 'LLHHHM'],
  '21': ['LLLHHH'],
};
const EQ4_MAX: Record<number, string[]> = { 0: ['HSS'], 1: ['HHH'], 2: ['LLL'] };
// The depth of each class level, in steps of 0.1.
const EQ1_DEPTH = [1, 4, 5];
const EQ2_DEPTH = [1, 2];
const EQ36_DEPTH: Record<string, number> = { '00': 7, '01': 6, '10': 8, '11': 8, '21': 10 };
const EQ4_DEPTH = [6, 5, 4];

/**
 * The score of a `CVSS:4.0/...` vector (threat and environmental metrics applied when present);
 * undefined when it is not one. Metrics may come in any order; each must be known and valid.
 */
export function cvss4Score(vector: string): number | undefined {
  // Advisories share a few thousand distinct vectors at most: score each text once.
  if (scored.has(vector)) return scored.get(vector);
  const score = compute(vector);
  if (scored.size >= 10_000) scored.clear();
  scored.set(vector, score);
  return score;
}
const scored = new Map<string, number | undefined>();

function compute(vector: string): number | undefined {
  const metrics = parse(vector);
  if (metrics === undefined) return undefined;
  // The value in effect: a modified (environmental) metric overrides the base one; an undefined
  // threat or requirement metric counts as its most severe value.
  const m = (metric: string): string => {
    const value = metrics.get(metric) ?? 'X';
    if (value === 'X' && metric === 'E') return 'A';
    if (value === 'X' && (metric === 'CR' || metric === 'IR' || metric === 'AR')) return 'H';
    const modified = metrics.get(`M${metric}`);
    return modified !== undefined && modified !== 'X' ? modified : value;
  };
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((x) => m(x) === 'N')) return 0;

  const av = m('AV');
  const pr = m('PR');
  const ui = m('UI');
  const eq1 =
    av === 'N' && pr === 'N' && ui === 'N'
      ? 0
      : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P'
        ? 1
        : 2;
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
  const [vc, vi, va] = [m('VC'), m('VI'), m('VA')];
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  const safety = m('MSI') === 'S' || m('MSA') === 'S';
  const eq4 = safety ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
  const e = m('E');
  const eq5 = e === 'A' ? 0 : e === 'P' ? 1 : 2;
  const eq6 =
    (m('CR') === 'H' && vc === 'H') || (m('IR') === 'H' && vi === 'H') || (m('AR') === 'H' && va === 'H')
      ? 0
      : 1;

  const macro = (a: number, b: number, c: number, d: number, f: number, g: number) =>
    MACRO.get(`${a}${b}${c}${d}${f}${g}`);
  const value = macro(eq1, eq2, eq3, eq4, eq5, eq6);
  if (value === undefined) return undefined;
  // The next lower MacroVector along each class (none: that class is left out of the mean).
  const lower1 = macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
  const lower2 = macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
  let lower36: number | undefined;
  if (eq3 === 0 && eq6 === 0) {
    // Two ways down (01 and 10): the higher-scoring one.
    const left = macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    const right = macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    lower36 = left !== undefined && right !== undefined && left > right ? left : right;
  } else if (eq3 === 1 && eq6 === 0) lower36 = macro(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
  else lower36 = macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + (eq3 === 2 ? 1 : 0));
  const lower4 = macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
  const lower5 = macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

  // Distance of the vector from the first most severe vector of its class that it does not exceed.
  const groups = [
    { names: EQ1_METRICS, maxima: EQ1_MAX[eq1]! },
    { names: EQ2_METRICS, maxima: EQ2_MAX[eq2]! },
    { names: EQ36_METRICS, maxima: EQ36_MAX[`${eq3}${eq6}`]! },
    { names: EQ4_METRICS, maxima: EQ4_MAX[eq4]! },
  ];
  const distancesTo = (names: readonly string[], max: string) =>
    names.map((name, i) => LEVEL[name]![m(name)]! - LEVEL[name]![max[i]!]!);
  const chosen = groups.map((g) => g.maxima.find((max) => distancesTo(g.names, max).every((d) => d >= 0)));
  // When no combination of maxima lies above the vector, the reference calculator ends its search
  // on the last combination: do the same.
  const all = chosen.every((c) => c !== undefined);
  const distance = groups.map((g, i) => {
    const d = distancesTo(g.names, all ? chosen[i]! : g.maxima.at(-1)!);
    return d.reduce((sum, x) => sum + x);
  });
  const [d1, d2, d36, d4] = distance as [number, number, number, number];

  const step = 0.1;
  let existing = 0;
  const proportional = (lower: number | undefined, current: number, depth: number) => {
    if (lower === undefined) return 0;
    existing++;
    return (value - lower) * (current / (depth * step));
  };
  const n1 = proportional(lower1, d1, EQ1_DEPTH[eq1]!);
  const n2 = proportional(lower2, d2, EQ2_DEPTH[eq2]!);
  const n36 = proportional(lower36, d36, EQ36_DEPTH[`${eq3}${eq6}`]!);
  const n4 = proportional(lower4, d4, EQ4_DEPTH[eq4]!);
  // EQ5 counts in the mean with no distance (the threat metric has one value per level).
  if (lower5 !== undefined) existing++;
  const mean = existing === 0 ? 0 : (n1 + n2 + n36 + n4) / existing;
  const score = Math.max(0, Math.min(10, value - mean));
  // Half up, lifted by 10^-6 first: a tie the floating-point arithmetic left just below x.x5
  // (8.6 - 7.15 = 1.4499999999999993) rounds up, as in the reference calculator since 2024-11.
  return Math.round((score + 1e-6) * 10) / 10;
}

function parse(vector: string): Map<string, string> | undefined {
  const parts = vector.trim().split('/');
  if (parts.shift() !== 'CVSS:4.0') return undefined;
  const metrics = new Map<string, string>();
  for (const part of parts) {
    const colon = part.indexOf(':');
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (colon < 0 || metrics.has(key) || !VALUES[key]?.includes(value)) return undefined;
    metrics.set(key, value);
  }
  return BASE.every((b) => metrics.has(b)) ? metrics : undefined;
}
