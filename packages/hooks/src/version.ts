import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The tool identity written into every report. */
export const TOOL = { name: 'seckit', version: pkg.version } as const;
