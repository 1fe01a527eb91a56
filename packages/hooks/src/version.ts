import { PACKAGE_VERSION } from './package-root.js';

/** The tool identity written into every report. */
export const TOOL = { name: 'seckit', version: PACKAGE_VERSION } as const;
