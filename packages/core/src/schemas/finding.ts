import { z } from 'zod';
import { isRepoPath, REPO_PATH_RULE } from '../repo-path.js';
import { Severity } from './severity.js';

export const CATEGORIES = ['secret', 'dependency', 'lockfile', 'config', 'vulnerability'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Repo-relative POSIX path: no leading slash, no backslash, no `..` segment. */
export const RepoPath = z.string().min(1).refine(isRepoPath, { message: REPO_PATH_RULE });

const Position = z.number().int().min(1);

/** 1-based, inclusive start, end column points just past the last character (SARIF style). */
export const Location = z
  .object({
    path: RepoPath,
    startLine: Position,
    startColumn: Position,
    endLine: Position,
    endColumn: Position,
  })
  .refine((l) => l.endLine > l.startLine || (l.endLine === l.startLine && l.endColumn >= l.startColumn), {
    message: 'end must not come before start',
  });
export type Location = z.infer<typeof Location>;

/** A fingerprint: 32 lowercase hex characters (see fingerprint.ts). */
export const FindingId = z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex characters');

export const Finding = z.object({
  id: FindingId,
  ruleId: z.string().min(1),
  category: Category,
  severity: Severity,
  /** Human message; already redacted, never holds a secret's value. */
  message: z.string().min(1),
  location: Location,
  /** What to do about it, in one sentence. */
  fix: z.string().min(1).optional(),
  docsUrl: z.url().optional(),
  /** The engine that produced it, e.g. `secretlint` or `seckit`. */
  tool: z.string().min(1).optional(),
  /** Small, non-secret facts a formatter may show (e.g. the specifier class of a dependency). */
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Finding = z.infer<typeof Finding>;
