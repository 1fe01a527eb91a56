import { z } from 'zod';
import { BASELINE_VERSION } from '../format-versions.js';
import { FindingId, RepoPath } from './finding.js';

export { BASELINE_VERSION };

/** One accepted finding. No value, no line number, no timestamp: only what survives edits. */
export const BaselineEntry = z.strictObject({
  id: FindingId,
  ruleId: z.string().min(1),
  path: RepoPath,
});
export type BaselineEntry = z.infer<typeof BaselineEntry>;

export const Baseline = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  entries: z.array(BaselineEntry),
});
export type Baseline = z.infer<typeof Baseline>;
