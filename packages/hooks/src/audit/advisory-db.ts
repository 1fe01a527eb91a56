import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Severity } from '@seckit/core';
import { judgeVersion } from './affected.js';
import { cvss3BaseScore, severityOfScore, severityOfWord } from './cvss.js';
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
  /** Lowest version that fixes every record of the group; undefined: no fix known. */
  fixed?: string;
  url: string;
}

export interface DatabaseSource {
  ecosystem: Ecosystem;
  file: string;
  present: boolean;
  /** Records in the file (entries of the zip). */
  records: number;
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
  /** Versions the ecosystem's order could not read (judged by exact `versions[]` lists only). */
  unparsable: Set<string>;
}

/** osv-scanner's offline layout: `<dir>/osv-scanner/<Ecosystem>/all.zip`. */
export function databaseFile(dir: string, ecosystem: Ecosystem): string {
  return path.join(dir, 'osv-scanner', ecosystem, 'all.zip');
}

/**
 * Reads the ecosystems' zips. Only records naming one of `names` (when given) are parsed: the
 * npm database holds ~200,000 records, a project a few thousand packages. A zip that cannot be
 * read is a problem of that file; a malformed record is a problem of that entry; the rest is used.
 */
export async function loadAdvisoryDatabase(options: {
  dir: string;
  ecosystems: readonly Ecosystem[];
  names?: ReadonlyMap<Ecosystem, ReadonlySet<string>>;
}): Promise<LoadedDatabase> {
  const sources: DatabaseSource[] = [];
  const problems: DatabaseProblem[] = [];
  const index = new Map<Ecosystem, Map<string, Advisory[]>>();
  for (const ecosystem of options.ecosystems) {
    const file = databaseFile(options.dir, ecosystem);
    const byName = new Map<string, Advisory[]>();
    index.set(ecosystem, byName);
    let zip: Buffer;
    let fileModified: Date;
    try {
      [zip, fileModified] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        sources.push({ ecosystem, file, present: false, records: 0 });
        continue;
      }
      problems.push({ file, message: `cannot be read: ${(error as Error).message}` });
      sources.push({ ecosystem, file, present: true, records: 0 });
      continue;
    }
    const wanted = options.names?.get(ecosystem);
    let entries: ReturnType<typeof zipEntries>;
    try {
      entries = zipEntries(zip);
    } catch (error) {
      const why = error instanceof ZipError ? error.message : String(error);
      problems.push({ file, message: `is not a readable zip (${why}): none of its advisories were used` });
      sources.push({ ecosystem, file, present: true, records: 0, fileModified });
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
      const parsed = versionOrder(ecosystem).parse(version) !== undefined;
      if (!parsed) unparsable.add(`${ecosystem}:${name}@${version}`);
      const hits: { advisory: Advisory; fixed: string | undefined }[] = [];
      for (const advisory of candidates) {
        let affected = false;
        const fixes: (string | undefined)[] = [];
        for (const entry of advisory.affected) {
          if (entry.ecosystem !== ecosystem || entry.name !== key) continue;
          const verdict = judgeVersion(entry, ecosystem, version, parsed);
          if (verdict.affected) {
            affected = true;
            fixes.push(verdict.fixed);
          }
        }
        if (affected) hits.push({ advisory, fixed: highest(ecosystem, fixes) });
      }
      return mergeAliases(ecosystem, hits);
    },
  };
}

/** The highest of the fixes (upgrading to it clears every range); undefined if one has none. */
function highest(ecosystem: Ecosystem, fixes: readonly (string | undefined)[]): string | undefined {
  if (fixes.length === 0 || fixes.some((f) => f === undefined)) return undefined;
  const compare = versionOrder(ecosystem).compare;
  return [...(fixes as string[])].sort(compare).at(-1);
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
  let best: { score: number; vector: string } | undefined;
  for (const c of advisory.cvss) {
    const score = c.type === 'CVSS_V3' ? cvss3BaseScore(c.vector) : undefined;
    if (score !== undefined && (best === undefined || score > best.score)) best = { score, vector: c.vector };
  }
  if (best !== undefined)
    return { severity: severityOfScore(best.score), severitySource: 'cvss', cvss: best };
  // CVSS v4 vectors are not scored here (v4 needs the specification's MacroVector tables): the
  // database's own rating stands in, as it does for records without any vector.
  const word =
    advisory.databaseSeverity === undefined ? undefined : severityOfWord(advisory.databaseSeverity);
  if (word !== undefined) return { severity: word, severitySource: 'database' };
  return { severity: 'medium', severitySource: 'unknown' };
}

const isMalicious = (ids: readonly string[]) => ids.some((id) => id.startsWith('MAL-'));

/** Records that name each other (id or alias, either way) become one finding. */
function mergeAliases(
  ecosystem: Ecosystem,
  hits: readonly { advisory: Advisory; fixed: string | undefined }[],
): AdvisoryMatch[] {
  const groups: { ids: Set<string>; members: typeof hits extends readonly (infer T)[] ? T[] : never }[] = [];
  for (const hit of hits) {
    const ids = new Set([hit.advisory.id, ...hit.advisory.aliases]);
    const joined = groups.filter((g) => [...ids].some((id) => g.ids.has(id)));
    const group = { ids, members: [hit] };
    for (const g of joined) {
      for (const id of g.ids) group.ids.add(id);
      group.members.push(...g.members);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  return groups
    .map((g) => {
      const ids = [...g.ids].sort();
      const id =
        ids.find((i) => i.startsWith('GHSA-')) ??
        ids.find((i) => i.startsWith('CVE-')) ??
        g.members[0]!.advisory.id;
      const malicious = isMalicious(ids);
      const severities = g.members.map((m) => severityOf(m.advisory, malicious));
      // The gravest rating; between equal ones, the best-founded (a computed CVSS score first).
      const weight = (x: (typeof severities)[number]) =>
        RANK[x.severity] * 1000 + SOURCE_RANK[x.severitySource] * 100 + (x.cvss?.score ?? 0);
      const top = severities.reduce((a, b) => (weight(b) > weight(a) ? b : a));
      const preferred = g.members.find((m) => m.advisory.id === id) ?? g.members[0]!;
      const fixed = highest(
        ecosystem,
        g.members.map((m) => m.fixed),
      );
      return {
        id,
        ids,
        ...(preferred.advisory.summary === undefined ? {} : { summary: preferred.advisory.summary }),
        ...top,
        malicious,
        ...(fixed === undefined ? {} : { fixed }),
        url: `https://osv.dev/vulnerability/${id}`,
      };
    })
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.id.localeCompare(b.id));
}
