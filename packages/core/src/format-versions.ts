// Versions of the files seckit writes, apart from their zod schemas so that writing a report or
// a baseline does not load zod (see severity.ts for why that matters).

export const REPORT_SCHEMA_VERSION = 1;
export const BASELINE_VERSION = 1;
