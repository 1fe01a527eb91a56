import { readFileSync } from 'node:fs';
import type { SqlValue } from '../../src/store/sql-types.js';
import { loadSqlite } from '../../src/store/sqlite.js';

/** Rows of a query against the database file as it is on disk (a fresh copy per call). */
export async function query(
  dbFile: string,
  sql: string,
  params: SqlValue[] = [],
): Promise<Record<string, SqlValue>[]> {
  const SQL = await loadSqlite();
  const db = new SQL.Database(readFileSync(dbFile));
  try {
    const result = db.exec(sql, params)[0];
    if (result === undefined) return [];
    return result.values.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i] ?? null])));
  } finally {
    db.close();
  }
}
