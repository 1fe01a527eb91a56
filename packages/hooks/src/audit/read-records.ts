import { type Advisory, type Ecosystem, matchName, parseOsvRecord, RecordError } from './osv-record.js';
import { extractEntry, type ZipEntry } from './zip-reader.js';

export interface RecordsRead {
  advisories: Advisory[];
  /** Entry-level problems: the entry's name and what is wrong with it. */
  problems: { entry: string; message: string }[];
  records: number;
  /** Records parsed and left out: withdrawn, or naming no package of this ecosystem. */
  skipped: number;
  /** Newest `modified` of every record read (epoch ms; 0 when none says). */
  newest: number;
}

const NAME_IN_RECORD = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const MODIFIED = /"modified"\s*:\s*"([^"]+)"/;

/**
 * Extracts and parses the zip entries. Only records naming one of `wanted` (when
 * given) are parsed as JSON: a quick look at their names first.
 */
export function readRecords(
  zip: Buffer,
  entries: readonly ZipEntry[],
  ecosystem: Ecosystem,
  wanted: ReadonlySet<string> | undefined,
): RecordsRead {
  const out: RecordsRead = { advisories: [], problems: [], records: 0, skipped: 0, newest: 0 };
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    out.records++;
    let text: string;
    try {
      text = extractEntry(zip, entry).toString('utf8');
    } catch (error) {
      out.problems.push({ entry: entry.name, message: (error as Error).message });
      continue;
    }
    // The database's age counts every record, not only the ones this project needs.
    const modified = MODIFIED.exec(text);
    if (modified !== null) {
      const time = Date.parse(modified[1]!);
      if (time > out.newest) out.newest = time;
    }
    if (wanted !== undefined && !namesAny(text, ecosystem, wanted)) continue;
    let advisory: Advisory | undefined;
    try {
      advisory = parseOsvRecord(JSON.parse(text));
    } catch (error) {
      const message =
        error instanceof RecordError ? error.message : `not valid JSON (${(error as Error).message})`;
      out.problems.push({ entry: entry.name, message });
      continue;
    }
    // Withdrawn, or for other ecosystems only (a `Go` record in the npm zip): left out silently.
    if (advisory?.affected.some((a) => a.ecosystem === ecosystem)) out.advisories.push(advisory);
    else out.skipped++;
  }
  return out;
}

/** Does the record name one of the wanted packages? */
function namesAny(text: string, ecosystem: Ecosystem, wanted: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(NAME_IN_RECORD)) {
    let name = m[1]!;
    if (name.includes('\\')) {
      try {
        name = JSON.parse(`"${name}"`) as string;
      } catch {
        return true; // let the parser judge it
      }
    }
    if (wanted.has(matchName(ecosystem, name))) return true;
  }
  return false;
}
