import { createHash } from 'node:crypto';

/**
 * Fingerprints identify a finding across runs. They depend on the rule, the path and the content
 * (for secrets: the value), never on line numbers, so moving lines keeps the id and changing the
 * value changes it. The value only enters a salted SHA-256; ids are 128-bit hex prefixes.
 */
const DOMAIN = 'seckit/fingerprint/v1';

export interface FingerprintInput {
  ruleId: string;
  path: string;
  /** What makes this finding this finding: the secret's value, or a stable key such as `deps:lodash`. */
  content: string;
  /** Optional extra salt (policy `fingerprintSalt`). */
  salt?: string | undefined;
}

export function fingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  // NUL separators keep ("a", "bc") and ("ab", "c") apart.
  hash.update(`${DOMAIN}\0${input.salt ?? ''}\0${input.ruleId}\0${input.path}\0${input.content}`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The same secret twice in one file gives the same fingerprint; suffix the 2nd, 3rd… occurrence
 * (in the given order) so ids stay unique within a report, while the first keeps its plain id.
 */
export function uniqueIds<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    if (n === 1) return item;
    const id = createHash('sha256')
      .update(`${DOMAIN}\0occurrence\0${item.id}\0${n}`)
      .digest('hex')
      .slice(0, 32);
    return { ...item, id };
  });
}
