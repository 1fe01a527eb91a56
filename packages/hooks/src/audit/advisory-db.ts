import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SeckitError, type Severity } from '@seckit/core';
import { fixesAbove, isAffected } from './affected.js';
import { cvss3BaseScore, severityOfScore, severityOfWord } from './cvss.js';
import { cvss4Score } from './cvss4.js';
import { type Advisory, type Ecosystem, matchName } from './osv-record.js';
import { readRecords } from './read-records.js';
import { versionOrder } from './version-order.js';
import { ZipError, zipEntries } from './zip-reader.js';

/** One advisory (or several records that are aliases of each other) affecting one installed version. */
export interface AdvisoryMatch {
  /** The id shown first: a GHSA id if the group has one, else a CVE, else the record id. */
  id: string;
  /** Every id of the group (records and their aliases), sorted. */
  ids: string[];
  summary?: string;
  severity: Severity;
  severitySource: 'cvss' | 'database' | 'malicious' | 'unknown';
  cvss?: { score: number; vector: string };
  malicious: boolean;
  /**
   * Lowest version that fixes every record of the group for this installed version (the lowest
   * of their `fixed` versions above it that none of them affects); undefined: no fix known.
   */
  fixed?: string;
  url: string;
  /** ISO timestamps of the newest `modified` / earliest `published` among the group's records. */
  modified?: string;
  published?: string;
}

export interface DatabaseSource {
  ecosystem: Ecosystem;
  file: string;
  present: boolean;
  /** Records in the file (entries of the zip). */
  records: number;
  /**
   * Records read and left out on purpose: withdrawn, or naming no package of this ecosystem.
   * With `names`, records naming none of them are not parsed and not counted here.
   */
  skipped: number;
  /** Newest `modified` among the records read, and the file's own modification time. */
  newestModified?: Date;
  fileModified?: Date;
}

export interface DatabaseProblem {
  file: string;
  entry?: string;
  message: string;
}

export interface LoadedDatabase {
  sources: DatabaseSource[];
  problems: DatabaseProblem[];
  /** Advisories affecting exactly this version of this package. */
  match(ecosystem: Ecosystem, name: string, version: string): AdvisoryMatch[];
  /**
   * `ecosystem:name@version` of installed versions that have advisories but that their
   * ecosystem's order cannot read: judged by exact `versions[]` lists only.
   */
  unparsable: Set<string>;
}

/** osv-scanner's offline layout: `<dir>/osv-scanner/<Ecosystem>/all.zip`. */
export function databaseFile(dir: string, ecosystem: Ecosystem): string {
  return path.join(dir, 'osv-scanner', ecosystem, 'all.zip');
}

/**
 * Reads the ecosystems' zips. Only records naming one of `names` (when given) are parsed: the
 * npm database holds ~200,000 records, a project a few thousand packages (a malformed record
 * naming none of them cannot change a verdict, and is not reported). A missing zip is "not
 * present"; a zip that cannot be read is a problem of that file; a malformed record is a problem
 * of that entry; the rest is used. Throws only when `dir` is not a folder (a usage error).
 */
export async function loadAdvisoryDatabase(options: {
  dir: string;
  ecosystems: readonly Ecosystem[];
  names?: ReadonlyMap<Ecosystem, ReadonlySet<string>>;
}): Promise<LoadedDatabase> {
  const sources: DatabaseSource[] = [];
  const problems: DatabaseProblem[] = [];
  const index = new Map<Ecosystem, Map<string, Advisory[]>>();
  await checkFolder(options.dir);
  for (const ecosystem of options.ecosystems) {
    const file = databaseFile(options.dir, ecosystem);
    const byName = new Map<string, Advisory[]>();
    index.set(ecosystem, byName);
    let zip: Buffer;
    let fileModified: Date;
    try {
      [zip, fileModified] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        sources.push({ ecosystem, file, present: false, records: 0, skipped: 0 });
        continue;
      }
      problems.push({
        file,
        message: `cannot be read (${(error as Error).message}): none of its advisories were used`,
      });
      sources.push({ ecosystem, file, present: true, records: 0, skipped: 0 });
      continue;
    }
    const wanted = options.names?.get(ecosystem);
    let entries: ReturnType<typeof zipEntries>;
    try {
      entries = zipEntries(zip);
    } catch (error) {
      const why = error instanceof ZipError ? error.message : String(error);
      problems.push({ file, message: `is not a readable zip (${why}): none of its advisories were used` });
      sources.push({ ecosystem, file, present: true, records: 0, skipped: 0, fileModified });
      continue;
    }
    const read = readRecords(zip, entries, ecosystem, wanted);
    for (const p of read.problems) problems.push({ file, ...p });
    const records = read.records;
    const newest = read.newest;
    for (const advisory of read.advisories) {
      for (const name of new Set(
        advisory.affected.filter((a) => a.ecosystem === ecosystem).map((a) => a.name),
      )) {
        const list = byName.get(name);
        if (list === undefined) byName.set(name, [advisory]);
        else list.push(advisory);
      }
    }
    sources.push({
      ecosystem,
      file,
      present: true,
      records,
      skipped: read.skipped,
      fileModified,
      ...(newest > 0 ? { newestModified: new Date(newest) } : {}),
    });
  }
  const unparsable = new Set<string>();
  return {
    sources,
    problems,
    unparsable,
    match(ecosystem, name, version) {
      const key = matchName(ecosystem, name);
      const candidates = index.get(ecosystem)?.get(key);
      if (candidates === undefined) return [];
      if (versionOrder(ecosystem).parse(version) === undefined)
        unparsable.add(`${ecosystem}:${name}@${version}`);
      const entries = new Map(
        candidates.map((a) => [a, a.affected.filter((e) => e.ecosystem === ecosystem && e.name === key)]),
      );
      const entriesOf = (advisory: Advisory) => entries.get(advisory) ?? [];
      const affects = (advisory: Advisory, v: string) =>
        entriesOf(advisory).some((entry) => isAffected(entry, ecosystem, v));
      const hits = candidates.filter((advisory) => affects(advisory, version));
      return mergeAliases(hits, (ids) => {
        // The lowest `fixed` above the installed version that none of the group's records
        // affects, nor any other record of this package sharing one of its ids (the same CVE as
        // a GHSA whose ranges differ): upgrading to it clears them all, a record re-introduced
        // later or with no fix included.
        const related = candidates.filter((a) => ids.has(a.id) || a.aliases.some((x) => ids.has(x)));
        const fixes = [
          ...new Set(related.flatMap((a) => entriesOf(a).flatMap((e) => fixesAbove(e, ecosystem, version)))),
        ];
        fixes.sort(versionOrder(ecosystem).compare);
        return fixes.find((fix) => !related.some((a) => affects(a, fix)));
      });
    },
  };
}

/** A database folder that exists but is a file is a usage error; a missing one is "not present". */
async function checkFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) {
    throw new SeckitError(
      'E_AUDIT_DB',
      `${dir}: the advisory database must be a folder (holding osv-scanner/<Ecosystem>/all.zip), not a file; point --db or "audit.database" in .seckit/policy.json at the folder`,
    );
  }
}

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
const SOURCE_RANK: Record<AdvisoryMatch['severitySource'], number> = {
  unknown: 0,
  database: 1,
  cvss: 2,
  malicious: 3,
};

type Rating = Pick<AdvisoryMatch, 'severity' | 'severitySource' | 'cvss'>;
// A record affects many installed versions: rate it once.
const ratings = new WeakMap<Advisory, Rating>();

function severityOf(advisory: Advisory, malicious: boolean): Rating {
  if (malicious) return { severity: 'critical', severitySource: 'malicious' };
  let rating = ratings.get(advisory);
  if (rating === undefined) {
    rating = rate(advisory);
    ratings.set(advisory, rating);
  }
  return rating;
}

function rate(advisory: Advisory): Rating {
  // The gravest of the record's vectors (a record may carry a v3 and a v4 vector); a vector that
  // is not valid CVSS v3 / v4 is passed over, and the database's own rating stands in.
  let best: { score: number; vector: string } | undefined;
  for (const c of advisory.cvss) {
    const score =
      c.type === 'CVSS_V3'
        ? cvss3BaseScore(c.vector)
        : c.type === 'CVSS_V4'
          ? cvss4Score(c.vector)
          : undefined;
    if (score !== undefined && (best === undefined || score > best.score)) best = { score, vector: c.vector };
  }
  if (best !== undefined)
    return { severity: severityOfScore(best.score), severitySource: 'cvss', cvss: best };
  const word =
    advisory.databaseSeverity === undefined ? undefined : severityOfWord(advisory.databaseSeverity);
  if (word !== undefined) return { severity: word, severitySource: 'database' };
  return { severity: 'medium', severitySource: 'unknown' };
}

const isMalicious = (ids: readonly string[]) => ids.some((id) => id.startsWith('MAL-'));

/** The latest (1) or earliest (-1) of RFC 3339 timestamps, as written; unreadable ones are ignored. */
function extreme(times: readonly (string | undefined)[], sign: 1 | -1): string | undefined {
  if (times.length === 1) return times[0]; // most groups: one record, nothing to compare
  let best: { text: string; time: number } | undefined;
  for (const text of times) {
    const time = text === undefined ? Number.NaN : Date.parse(text);
    if (Number.isNaN(time)) continue;
    if (best === undefined || (time - best.time) * sign > 0) best = { text: text!, time };
  }
  return best?.text;
}

/** Records that name each other (id or alias, either way) become one finding. */
function mergeAliases(
  hits: readonly Advisory[],
  fixOf: (ids: ReadonlySet<string>) => string | undefined,
): AdvisoryMatch[] {
  const groups: { ids: Set<string>; members: Advisory[] }[] = [];
  for (const hit of hits) {
    const ids = new Set([hit.id, ...hit.aliases]);
    const joined = groups.filter((g) => [...ids].some((id) => g.ids.has(id)));
    const group = { ids, members: [hit] };
    for (const g of joined) {
      for (const id of g.ids) group.ids.add(id);
      group.members.push(...g.members);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  return (
    groups
      .map((g) => {
        const ids = [...g.ids].sort();
        const id =
          ids.find((i) => i.startsWith('GHSA-')) ?? ids.find((i) => i.startsWith('CVE-')) ?? g.members[0]!.id;
        const malicious = isMalicious(ids);
        const severities = g.members.map((m) => severityOf(m, malicious));
        // The gravest rating; between equal ones, the best-founded (a computed CVSS score first).
        const weight = (x: (typeof severities)[number]) =>
          RANK[x.severity] * 1000 + SOURCE_RANK[x.severitySource] * 100 + (x.cvss?.score ?? 0);
        const top = severities.reduce((a, b) => (weight(b) > weight(a) ? b : a));
        const preferred = g.members.find((m) => m.id === id) ?? g.members[0]!;
        const summary = preferred.summary ?? g.members.find((m) => m.summary !== undefined)?.summary;
        const fixed = fixOf(g.ids);
        const modified = extreme(
          g.members.map((m) => m.modified),
          1,
        );
        const published = extreme(
          g.members.map((m) => m.published),
          -1,
        );
        return {
          id,
          ids,
          ...(summary === undefined ? {} : { summary }),
          ...top,
          malicious,
          ...(fixed === undefined ? {} : { fixed }),
          url: `https://osv.dev/vulnerability/${id}`,
          ...(modified === undefined ? {} : { modified }),
          ...(published === undefined ? {} : { published }),
        };
      })
      // Ids are ASCII: a plain comparison is the same in every locale (and cheaper than ICU's).
      .sort((a, b) => RANK[b.severity] - RANK[a.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}
