// The part of sql.js's API that sec-report uses, typed by hand: @types/sql.js would bring
// @types/emscripten and an unpinned @types/node for a dozen signatures. A plain module (not an
// ambient `declare module`), so the published .d.ts files never refer to an untyped package.
export type SqlValue = number | string | Uint8Array | null;
export type BindParams = readonly SqlValue[] | Record<string, SqlValue>;

export interface QueryExecResult {
  columns: string[];
  values: SqlValue[][];
}

export interface Statement {
  bind(values?: BindParams): boolean;
  step(): boolean;
  get(params?: BindParams): SqlValue[];
  run(values?: BindParams): void;
  reset(): boolean;
  free(): boolean;
  getColumnNames(): string[];
}

export interface Database {
  run(sql: string, params?: BindParams): Database;
  exec(sql: string, params?: BindParams): QueryExecResult[];
  prepare(sql: string, params?: BindParams): Statement;
  export(): Uint8Array;
  close(): void;
  getRowsModified(): number;
}

export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | Uint8Array | null) => Database;
}
