// The CLI's `--format` values, apart from the formatters so that checking an option does not load
// them all (format/json.ts loads zod).

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
