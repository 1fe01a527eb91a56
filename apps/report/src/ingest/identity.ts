import { createHash } from 'node:crypto';

const DOMAIN = 'sec-report/identity/v1';

function digest(parts: readonly string[]): string {
  // NUL separators keep ("a", "bc") and ("ab", "c") apart.
  return createHash('sha256')
    .update(`${DOMAIN}\0${parts.join('\0')}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * A 53-bit hash of a finding's details (message, severity, location…), stored beside it so an
 * unchanged finding seen again costs no write at all. Change detection only, not identity, so a
 * fast non-cryptographic hash (cyrb53) is enough; it runs for every finding of every run.
 */
export function detailsHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Identity from a tool's own fingerprint(s). Sorted `key=value` pairs, so the order a tool writes
 * them in does not matter. Partial fingerprints (SARIF `partialFingerprints`) only identify a result
 * together with its rule and file, as GitHub uses them; full ones stand alone.
 */
export function fromToolFingerprints(
  fingerprints: Record<string, string>,
  partialContext?: { ruleId: string; path: string },
): string {
  const pairs = Object.entries(fingerprints)
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  const context = partialContext === undefined ? [] : [partialContext.ruleId, partialContext.path];
  // Plain text, not yet a hash: findingKey hashes it once, with the repository, tool and category.
  return `fp:${[...context, ...pairs].join('\0')}`;
}

/**
 * Identity from stable fields when the tool gives no fingerprint: rule, path and a hash of the
 * content (the secret, the flagged snippet) when there is one. Never the line number: moving code
 * must not make a new finding. Repeats within one run are told apart by `withOccurrences`.
 */
export function fromStableFields(ruleId: string, path: string, content: string | undefined): string {
  return `h:${ruleId}\0${path}\0${content === undefined ? '' : hashContent(content)}`;
}

/** Content enters identities only through SHA-256, so the database never holds it. */
export function hashContent(content: string): string {
  return createHash('sha256').update(`${DOMAIN}\0content\0${content}`).digest('hex');
}

/**
 * The same identity twice in one run: the first keeps it, later ones (in position order) get
 * `#2`, `#3`… As with GitHub's `primaryLocationLineHash` suffixes, a finding keeps its identity
 * while lines move, as long as the order of identical findings in the file does not change.
 */
export function withOccurrences<
  T extends { fingerprint: string; startLine?: number | undefined; startColumn?: number | undefined },
>(items: T[]): T[] {
  const order = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        (a.item.startLine ?? 0) - (b.item.startLine ?? 0) ||
        (a.item.startColumn ?? 0) - (b.item.startColumn ?? 0) ||
        a.index - b.index,
    );
  const seen = new Map<string, number>();
  const out = items.slice();
  for (const { item, index } of order) {
    // Tool fingerprints say "same finding" on purpose: repeats of those are deduplicated instead.
    if (!item.fingerprint.startsWith('h:')) continue;
    const n = (seen.get(item.fingerprint) ?? 0) + 1;
    seen.set(item.fingerprint, n);
    if (n > 1) out[index] = { ...item, fingerprint: `${item.fingerprint}#${n}` };
  }
  return out;
}

/**
 * The key of a finding in the database: its identity within one repository, tool and category.
 * The same secret in two repositories, or found by two tools, is two findings.
 */
export function findingKey(repository: string, tool: string, category: string, fingerprint: string): string {
  return digest(['finding', repository, tool, category, fingerprint]);
}
