import type { Summary } from '../metrics/build-summary.js';

/** The whole summary, for machines: every metric and every finding not long fixed. */
export function formatJson(summary: Summary): string {
  // dbId is a row number of this database, meaningless elsewhere; absent values are null, so every
  // key is always there for the machines that read this.
  return `${JSON.stringify(summary, (key, value) => (key === 'dbId' ? undefined : value === undefined ? null : value), 2)}\n`;
}
