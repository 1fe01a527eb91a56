import type { AffectedPackage, Ecosystem, OsvEvent, OsvRange } from './osv-record.js';
import { pep440Key, type VersionOrder, versionOrder } from './version-order.js';

const eventVersion = (e: OsvEvent): string =>
  'introduced' in e
    ? e.introduced
    : 'fixed' in e
      ? e.fixed
      : 'last_affected' in e
        ? e.last_affected
        : e.limit;

/** The order a range's events are in: SEMVER ranges are SemVer whatever the ecosystem. */
const rangeOrder = (range: OsvRange, ecosystem: Ecosystem): VersionOrder =>
  versionOrder(range.type === 'SEMVER' ? 'npm' : ecosystem);

/**
 * OSV's evaluation (https://ossf.github.io/osv-schema/#evaluation): affected when the version is
 * listed in `versions[]`, or when, walking a range's events in version order, the last one that
 * applies is `introduced` (`fixed` ≤ v and `last_affected` < v end it), below every `limit`.
 * A version its range's order cannot read is judged by `versions[]` only.
 */
export function isAffected(entry: AffectedPackage, ecosystem: Ecosystem, version: string): boolean {
  if (listed(entry, ecosystem, version)) return true;
  for (const range of entry.ranges) {
    const order = rangeOrder(range, ecosystem);
    if (order.parse(version) !== undefined && inRange(range, version, order)) return true;
  }
  return false;
}

/** `versions[]` holds registry strings; PyPI's are compared as PEP 440 versions (`1.0` is `1.0.0`). */
function listed(entry: AffectedPackage, ecosystem: Ecosystem, version: string): boolean {
  if (entry.versions.has(version)) return true;
  if (ecosystem !== 'PyPI' || entry.versions.size === 0) return false;
  const normal = pep440Key(version);
  if (normal === undefined) return false;
  let set = normalized.get(entry);
  if (set === undefined) {
    set = new Set();
    for (const v of entry.versions) set.add(pep440Key(v) ?? v);
    normalized.set(entry, set);
  }
  return set.has(normal);
}
const normalized = new WeakMap<AffectedPackage, Set<string>>();

/**
 * The `fixed` versions of the entry's ranges above `version` (in its ecosystem's order): the
 * candidates for the lowest version that clears an advisory. Empty when `version` is not a
 * version of the ecosystem (nothing can be said to be above it).
 */
export function fixesAbove(entry: AffectedPackage, ecosystem: Ecosystem, version: string): string[] {
  const order = versionOrder(ecosystem);
  if (order.parse(version) === undefined) return [];
  const out: string[] = [];
  for (const range of entry.ranges) {
    for (const e of range.events) {
      if ('fixed' in e && order.parse(e.fixed) !== undefined && order.compare(e.fixed, version) > 0)
        out.push(e.fixed);
    }
  }
  return out;
}

interface PreparedRange {
  /** False when an event's version is not a version of the range's order: it cannot be judged. */
  valid: boolean;
  limits: string[];
  /** The other events in version order (`introduced: "0"` first). */
  sorted: OsvEvent[];
}

// A range is judged against thousands of installed versions: check and sort its events once.
const prepared = new WeakMap<OsvRange, PreparedRange>();

function prepare(range: OsvRange, order: VersionOrder): PreparedRange {
  let p = prepared.get(range);
  if (p !== undefined) return p;
  const valid = range.events.every((e) => {
    const ev = eventVersion(e);
    return ('introduced' in e && ev === '0') || ('limit' in e && ev === '*') || order.parse(ev) !== undefined;
  });
  const limits = range.events.filter((e): e is { limit: string } => 'limit' in e).map((l) => l.limit);
  const sorted = valid
    ? range.events
        .filter((e) => !('limit' in e))
        .sort((a, b) => {
          const x = eventVersion(a);
          const y = eventVersion(b);
          if ('introduced' in a && x === '0') return 'introduced' in b && y === '0' ? 0 : -1;
          if ('introduced' in b && y === '0') return 1;
          return order.compare(x, y);
        })
    : [];
  p = { valid, limits, sorted };
  prepared.set(range, p);
  return p;
}

/** The schema's walk over one range; `v` must parse in `order`. */
export function inRange(range: OsvRange, v: string, order: VersionOrder): boolean {
  const { valid, limits, sorted } = prepare(range, order);
  if (!valid) return false;
  if (limits.length > 0 && !limits.some((l) => l === '*' || order.compare(v, l) < 0)) return false;
  let affected = false;
  for (const e of sorted) {
    if ('introduced' in e) {
      if (e.introduced === '0' || order.compare(v, e.introduced) >= 0) affected = true;
    } else if ('fixed' in e) {
      if (order.compare(v, e.fixed) >= 0) affected = false;
    } else if ('last_affected' in e) {
      if (order.compare(v, e.last_affected) > 0) affected = false;
    }
  }
  return affected;
}
