/**
 * Shannon entropy in bits per character. A random 20-character alphanumeric token scores about
 * 4.1, a hex digest about 3.9, an English word or a camelCase identifier 2.5 to 3.2. The ceiling is
 * log2(length), so short strings are judged against what their length allows (see `entropyRatio`).
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Entropy relative to the most a string of this length could have (1 = every character distinct). */
export function entropyRatio(value: string): number {
  const length = [...value].length;
  if (length < 2) return 0;
  return shannonEntropy(value) / Math.log2(length);
}
