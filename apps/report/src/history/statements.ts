import type { BindParams, Database, SqlValue, Statement } from '../store/sql-types.js';

/** A prepared statement with the two ways sec-report uses them. */
export interface Prepared {
  /** Run for its effect. */
  run(params: BindParams): void;
  /** The first row, or undefined. */
  first(params: BindParams): SqlValue[] | undefined;
  /** Every row. */
  all(params: BindParams): SqlValue[][];
  free(): void;
}

export function prepare(db: Database, sql: string): Prepared {
  const stmt: Statement = db.prepare(sql);
  return {
    run(params) {
      stmt.run(params);
    },
    first(params) {
      stmt.bind(params);
      try {
        return stmt.step() ? stmt.get() : undefined;
      } finally {
        stmt.reset();
      }
    },
    all(params) {
      stmt.bind(params);
      const rows: SqlValue[][] = [];
      try {
        while (stmt.step()) rows.push(stmt.get());
      } finally {
        stmt.reset();
      }
      return rows;
    },
    free() {
      stmt.free();
    },
  };
}

/** The last INSERT's rowid. */
export function lastId(db: Database): number {
  return db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0] as number;
}

/** Run `body` in a transaction; roll back and rethrow on error. */
export function transaction<T>(db: Database, body: () => T): T {
  db.run('BEGIN');
  try {
    const result = body();
    db.run('COMMIT');
    return result;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}
