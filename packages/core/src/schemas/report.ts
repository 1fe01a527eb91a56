import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../format-versions.js';
import { Finding } from './finding.js';
import { Severity } from './severity.js';

export { REPORT_SCHEMA_VERSION };

export const Scope = z.enum(['staged', 'diff', 'full', 'paths']);
export type Scope = z.infer<typeof Scope>;

export const SUPPRESSION_KINDS = ['baseline', 'inline', 'exception', 'ignore', 'rule-disabled'] as const;
export const SuppressionKind = z.enum(SUPPRESSION_KINDS);
export type SuppressionKind = z.infer<typeof SuppressionKind>;

export const Suppression = z.object({
  kind: SuppressionKind,
  /** The human reason: the exception's reason, the inline comment's text, the ignore pattern… */
  justification: z.string(),
  expires: z.iso.date().optional(),
});
export type Suppression = z.infer<typeof Suppression>;

export const SuppressedFinding = Finding.extend({ suppression: Suppression });
export type SuppressedFinding = z.infer<typeof SuppressedFinding>;

/** Something the run could not check (unreadable file, parse error, crashed rule). Never silent. */
export const RunError = z.object({
  path: z.string().optional(),
  check: z.string().optional(),
  message: z.string().min(1),
});
export type RunError = z.infer<typeof RunError>;

export const Decision = z.object({
  blocked: z.boolean(),
  blockOn: Severity,
  reasons: z.array(z.string()),
});
export type Decision = z.infer<typeof Decision>;

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  scope: Scope,
  repository: z.object({
    root: z.string().min(1),
    branch: z.string().nullable(),
    commit: z.string().nullable(),
  }),
  createdAt: z.iso.datetime(),
  findings: z.array(Finding),
  suppressed: z.array(SuppressedFinding),
  errors: z.array(RunError).default([]),
  /** Policy notes that are not findings: unused baseline entries, inline comments missing a reason… */
  warnings: z.array(z.string()).default([]),
  stats: z.object({
    files: z.number().int().min(0),
    bytes: z.number().int().min(0),
    durationMs: z.number().min(0),
    skipped: z.number().int().min(0).default(0),
  }),
  decision: Decision,
});
export type Report = z.infer<typeof Report>;
