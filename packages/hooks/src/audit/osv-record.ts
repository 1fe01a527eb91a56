/** The ecosystems `seckit audit` judges, named as OSV names them (and as its zip folders are). */
export const AUDIT_ECOSYSTEMS = ['npm', 'PyPI'] as const;
export type Ecosystem = (typeof AUDIT_ECOSYSTEMS)[number];

export type OsvEvent =
  | { introduced: string }
  | { fixed: string }
  | { last_affected: string }
  | { limit: string };

export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM';
  events: OsvEvent[];
}

/** One `affected[]` entry of a record, for one package of one of our ecosystems. */
export interface AffectedPackage {
  ecosystem: Ecosystem;
  /** As matched: npm as written, PyPI normalised (PEP 503). */
  name: string;
  versions: ReadonlySet<string>;
  ranges: OsvRange[];
}

/** What seckit keeps of an OSV record. */
export interface Advisory {
  id: string;
  aliases: string[];
  summary?: string;
  published?: string;
  modified?: string;
  /** CVSS vectors (`CVSS_V3`, `CVSS_V4`) of the record or of its affected entries. */
  cvss: { type: string; vector: string }[];
  /** `database_specific.severity` (GitHub: CRITICAL, HIGH, MODERATE, LOW). */
  databaseSeverity?: string;
  affected: AffectedPackage[];
}

/** PEP 503: PyPI names compare lower-case with runs of `-`, `_`, `.` as one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function matchName(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'PyPI' ? normalizePypiName(name) : name;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A record that breaks the OSV schema: its id (if any) and what is wrong. */
export class RecordError extends Error {}

/**
 * Reads one OSV record (https://ossf.github.io/osv-schema/). Returns undefined for a withdrawn
 * record or one without any package of our ecosystems (`Go`, `Debian:12`… are other databases'
 * business); throws RecordError when the record is malformed where it matters to us.
 */
export function parseOsvRecord(value: unknown): Advisory | undefined {
  if (!isObject(value)) throw new RecordError('not a JSON object');
  const id = value.id;
  if (typeof id !== 'string' || id === '') throw new RecordError('no "id"');
  if (typeof value.withdrawn === 'string' && value.withdrawn !== '') return undefined;
  const aliases = Array.isArray(value.aliases) ? value.aliases.filter((a) => typeof a === 'string') : [];
  const cvss: { type: string; vector: string }[] = [];
  const addSeverity = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const s of list) {
      if (
        isObject(s) &&
        typeof s.type === 'string' &&
        typeof s.score === 'string' &&
        s.type.startsWith('CVSS_')
      ) {
        cvss.push({ type: s.type, vector: s.score });
      }
    }
  };
  addSeverity(value.severity);
  if (value.affected !== undefined && !Array.isArray(value.affected))
    throw new RecordError(`${id}: "affected" is not a list`);
  const affected: AffectedPackage[] = [];
  for (const [i, a] of ((value.affected as unknown[] | undefined) ?? []).entries()) {
    if (!isObject(a)) throw new RecordError(`${id}: affected[${i}] is not an object`);
    const pkg = a.package;
    if (!isObject(pkg) || typeof pkg.name !== 'string' || typeof pkg.ecosystem !== 'string') continue;
    // `npm`, `PyPI` exactly: the schema defines `:suffix` variants for other ecosystems (Debian:12)
    // and none for these two; `Root:npm` / `Root:PyPI` are another ecosystem's packages.
    const ecosystem = pkg.ecosystem === 'npm' || pkg.ecosystem === 'PyPI' ? pkg.ecosystem : undefined;
    if (ecosystem === undefined) continue;
    addSeverity(a.severity);
    const versions = new Set(
      Array.isArray(a.versions) ? a.versions.filter((v): v is string => typeof v === 'string') : [],
    );
    const ranges: OsvRange[] = [];
    for (const [j, r] of (Array.isArray(a.ranges) ? a.ranges : []).entries()) {
      if (!isObject(r)) throw new RecordError(`${id}: affected[${i}].ranges[${j}] is not an object`);
      if (r.type === 'GIT') continue; // commits, not registry versions
      if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM') {
        throw new RecordError(
          `${id}: affected[${i}].ranges[${j}] has unknown type ${JSON.stringify(r.type)}`,
        );
      }
      ranges.push({ type: r.type, events: parseEvents(r.events, `${id}: affected[${i}].ranges[${j}]`) });
    }
    affected.push({ ecosystem, name: matchName(ecosystem, pkg.name), versions, ranges });
  }
  if (affected.length === 0) return undefined;
  const db = isObject(value.database_specific) ? optionalString(value.database_specific.severity) : undefined;
  return {
    id,
    aliases,
    ...(optionalString(value.summary) === undefined ? {} : { summary: value.summary as string }),
    ...(optionalString(value.published) === undefined ? {} : { published: value.published as string }),
    ...(optionalString(value.modified) === undefined ? {} : { modified: value.modified as string }),
    cvss,
    ...(db === undefined ? {} : { databaseSeverity: db }),
    affected,
  };
}

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

function parseEvents(value: unknown, where: string): OsvEvent[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new RecordError(`${where}: "events" must be a non-empty list`);
  const events: OsvEvent[] = [];
  for (const [k, e] of value.entries()) {
    const keys = isObject(e)
      ? Object.keys(e).filter((key) => (EVENT_KEYS as readonly string[]).includes(key))
      : [];
    const key = keys[0] as (typeof EVENT_KEYS)[number] | undefined;
    if (keys.length !== 1 || key === undefined || typeof (e as Json)[key] !== 'string') {
      throw new RecordError(
        `${where}.events[${k}] must hold exactly one of introduced, fixed, last_affected, limit`,
      );
    }
    events.push({ [key]: (e as Json)[key] } as OsvEvent);
  }
  if (!events.some((e) => 'introduced' in e)) throw new RecordError(`${where}: no "introduced" event`);
  return events;
}
