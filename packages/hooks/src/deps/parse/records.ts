/**
 * Own-property access for parsed data. Lockfiles are untrusted input: a package called
 * "constructor" or "__proto__" must read as data, never as something inherited from Object.
 */
export type Rec = Record<string, unknown>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function ownString(record: unknown, key: string): string | undefined {
  const v = own(record, key);
  return typeof v === 'string' ? v : undefined;
}

export function ownRecord(record: unknown, key: string): Rec | undefined {
  const v = own(record, key);
  return isRecord(v) ? v : undefined;
}

/** String-valued entries of a record (other values are skipped: they are not specifiers). */
export function stringEntries(record: unknown): [string, string][] {
  if (!isRecord(record)) return [];
  const out: [string, string][] = [];
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') out.push([key, v]);
  }
  return out;
}
