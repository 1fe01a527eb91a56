import { createRequire } from 'node:module';
import type { SqlJsStatic } from './sql-types.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * SQLite compiled to WebAssembly (sql.js): no native module, so no install script and nothing to
 * compile on the user's machine. Loaded once per process; the first call compiles the wasm.
 * sql.js is CommonJS: `require` loads it without the ESM loader scanning its 100 kB for exports.
 */
export function loadSqlite(): Promise<SqlJsStatic> {
  loading ??= (createRequire(import.meta.url)('sql.js') as (config?: object) => Promise<SqlJsStatic>)();
  return loading;
}
