import type { AffectedPackage, Ecosystem, OsvEvent, OsvRange } from './osv-record.js';
import { versionOrder } from './version-order.js';

export interface Verdict {
  affected: boolean;
  /** The lowest `fixed` above the installed version in the ranges that affect it; undefined: none known. */
  fixed?: string;
  /** A range could not be judged: its event versions are not versions of this ecosystem. */
  unjudged?: boolean;
}

const eventVersion = (e: OsvEvent): string =>
  'introduced' in e
    ? e.introduced
    : 'fixed' in e
      ? e.fixed
      : 'last_affected' in e
        ? e.last_affected
        : e.limit;

/**
 * OSV's evaluation (https://ossf.github.io/osv-schema/#evaluation): affected when the version is
 * listed in `versions[]`, or when, walking a range's events in version order, the last one that
 * applies is `introduced` (`fixed` ≤ v and `last_affected` < v end it), below every `limit`.
 * `version` must already parse in the ecosystem's order for ranges to be judged.
 */
export function judgeVersion(
  entry: AffectedPackage,
  ecosystem: Ecosystem,
  version: string,
  parsed: boolean,
): Verdict {
  const order = versionOrder(ecosystem);
  let affected = entry.versions.has(version);
  let unjudged = false;
  const fixes: string[] = [];
  if (parsed) {
    for (const range of entry.ranges) {
      const r = judgeRange(range, version, order.compare, order.parse);
      if (r === 'unjudged') unjudged = true;
      else if (r.affected) {
        affected = true;
        if (r.fixed !== undefined) fixes.push(r.fixed);
      }
    }
  }
  if (!affected) return unjudged ? { affected, unjudged } : { affected };
  fixes.sort(order.compare);
  // Listed in versions[] only: the ranges still say what fixes it.
  if (fixes.length === 0 && parsed) {
    for (const range of entry.ranges) {
      for (const e of range.events) {
        if ('fixed' in e && order.parse(e.fixed) !== undefined && order.compare(e.fixed, version) > 0)
          fixes.push(e.fixed);
      }
    }
    fixes.sort(order.compare);
  }
  return fixes[0] === undefined ? { affected } : { affected, fixed: fixes[0] };
}

interface PreparedRange {
  /** False when an event's version is not a version of the ecosystem: the range cannot be judged. */
  valid: boolean;
  limits: string[];
  /** The other events in version order (`introduced: "0"` first). */
  sorted: OsvEvent[];
}

// A range is judged against thousands of installed versions: check and sort its events once.
const prepared = new WeakMap<OsvRange, PreparedRange>();

function prepare(
  range: OsvRange,
  compare: (a: string, b: string) => number,
  parse: (v: string) => unknown,
): PreparedRange {
  let p = prepared.get(range);
  if (p !== undefined) return p;
  const valid = range.events.every((e) => {
    const ev = eventVersion(e);
    return ('introduced' in e && ev === '0') || ('limit' in e && ev === '*') || parse(ev) !== undefined;
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
          return compare(x, y);
        })
    : [];
  p = { valid, limits, sorted };
  prepared.set(range, p);
  return p;
}

function judgeRange(
  range: OsvRange,
  v: string,
  compare: (a: string, b: string) => number,
  parse: (v: string) => unknown,
): { affected: boolean; fixed?: string } | 'unjudged' {
  const { valid, limits, sorted } = prepare(range, compare, parse);
  if (!valid) return 'unjudged';
  if (limits.length > 0 && !limits.some((l) => l === '*' || compare(v, l) < 0)) return { affected: false };
  let affected = false;
  let fixed: string | undefined;
  for (const e of sorted) {
    if ('introduced' in e) {
      if (e.introduced === '0' || compare(v, e.introduced) >= 0) affected = true;
    } else if ('fixed' in e) {
      if (compare(v, e.fixed) >= 0) affected = false;
      else if (affected && fixed === undefined) fixed = e.fixed;
    } else if ('last_affected' in e) {
      if (compare(v, e.last_affected) > 0) affected = false;
    }
  }
  return affected ? (fixed === undefined ? { affected } : { affected, fixed }) : { affected };
}
