import { SeckitError } from '@seckit/core';
import type { Migration } from './migrations.js';
import type { Database } from './sql-types.js';

export interface MigrateResult {
  from: number;
  to: number;
  applied: Migration[];
}

function currentVersion(db: Database): number {
  const value = db.exec('SELECT max(version) FROM schema_migrations')[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

/** Migrations must be numbered 1, 2, 3… with no gap: a gap is a packaging mistake, not user input. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Bring the database to the newest schema. `schema_migrations` records every applied migration;
 * each pending one runs in its own transaction together with its record, so a failure leaves the
 * database at the previous version. A database from a newer sec-report is refused, not guessed at.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): MigrateResult {
  checkOrder(migrations);
  db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const from = currentVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new SeckitError(
      'E_DB',
      `${file}: the database is at schema version ${from}, written by a newer sec-report (this one knows up to ${latest}); upgrade @seckit/report`,
      { file },
    );
  }
  const applied: Migration[] = [];
  for (const migration of migrations.slice(from)) {
    db.run('BEGIN');
    try {
      db.run(migration.sql);
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      db.run(`PRAGMA user_version = ${migration.version}`);
      db.run('COMMIT');
    } catch (error) {
      db.run('ROLLBACK');
      throw new SeckitError(
        'E_DB',
        `${file}: migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}; the database was left at version ${currentVersion(db)}`,
        { file, cause: error },
      );
    }
    applied.push(migration);
  }
  return { from, to: currentVersion(db), applied };
}
