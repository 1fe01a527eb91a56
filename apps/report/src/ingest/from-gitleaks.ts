import { z } from 'zod';
import { fromStableFields, withOccurrences } from './identity.js';
import { describeIssues } from './input-error.js';
import { maskText } from './mask.js';
import type { IngestOverrides, NormalizedFinding, NormalizedRule, NormalizedRun } from './normalized.js';
import { normalizePath } from './paths.js';
import { dedupe, repositoryOf, scopeOf, timeOf } from './run-context.js';

const Position = z.number().int().min(0);

/** `gitleaks … --report-format json`: an array of findings (gitleaks v8's report.Finding). */
export const GitleaksJson = z.array(
  z.object({
    RuleID: z.string().min(1),
    Description: z.string().optional(),
    StartLine: Position,
    EndLine: Position.optional(),
    StartColumn: Position.optional(),
    EndColumn: Position.optional(),
    // The three fields below hold the secret: read to mask and hash, never stored.
    Match: z.string().optional(),
    Secret: z.string().optional(),
    Line: z.string().optional(),
    File: z.string().min(1),
    Commit: z.string().optional(),
    Tags: z.array(z.string()).nullable().optional(),
  }),
);

/**
 * A gitleaks JSON report as one run. gitleaks has no severity: every finding is `high`. Its own
 * `Fingerprint` holds the commit and the line number, so identity is rule + file + a hash of the
 * secret instead: the same secret found in several commits of a history scan is one finding.
 * The message is the rule's description, never the matched text (with `--redact=50` half of the
 * secret would still be in it).
 */
export function fromGitleaks(
  file: string,
  value: unknown,
  text: string | undefined,
  overrides: IngestOverrides,
): NormalizedRun[] {
  const parsed = GitleaksJson.safeParse(value);
  if (!parsed.success) throw describeIssues(file, 'gitleaks JSON report', parsed.error.issues, value, text);
  const rules = new Map<string, NormalizedRule>();
  let absolute = 0;
  const findings: NormalizedFinding[] = parsed.data
    .map((g) => {
      const where = normalizePath(g.File, overrides.baseDir);
      if (where.absolute) absolute++;
      const secrets = [g.Secret, g.Match, g.Line].filter((s): s is string => s !== undefined && s !== '');
      if (!rules.has(g.RuleID))
        rules.set(g.RuleID, {
          description: g.Description === undefined ? undefined : maskText(g.Description, secrets),
        });
      const description = maskText(g.Description?.trim() || `${g.RuleID} found`, secrets);
      const commit = g.Commit === undefined || g.Commit === '' ? '' : ` (in commit ${g.Commit.slice(0, 12)})`;
      const startLine = Math.max(1, g.StartLine);
      const endLine = Math.max(startLine, g.EndLine ?? startLine);
      // `--redact` replaces the value by REDACTED: then only the order in the file tells two apart.
      const value =
        g.Secret === undefined || g.Secret === '' || g.Secret === 'REDACTED' ? undefined : g.Secret;
      return {
        fingerprint: `${value === undefined ? '' : 'v'}${fromStableFields(g.RuleID, where.path, value)}`,
        ruleId: g.RuleID,
        kind: 'secret',
        severity: 'high' as const,
        rawSeverity: undefined,
        message: `${description}${commit}`,
        path: where.path,
        startLine,
        startColumn: Math.max(1, g.StartColumn ?? 1),
        endLine,
        endColumn: Math.max(1, g.EndColumn ?? 1),
        helpUri: undefined,
        toolFingerprints: undefined,
        suppression: undefined,
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine));
  const { time, stated } = timeOf(undefined, overrides);
  return [
    {
      file,
      format: 'gitleaks',
      index: 0,
      tool: 'gitleaks',
      toolVersion: undefined,
      category: '',
      repository: repositoryOf(file, undefined, overrides, 'gitleaks JSON'),
      branch: overrides.branch,
      commit: overrides.commit,
      scope: scopeOf(undefined, overrides),
      failed: false,
      time,
      timeStated: stated,
      // With the value known, repeats are the same secret (in other commits): one finding.
      // Without it (redacted), repeats are told apart by their order, like other tools' results.
      findings: dedupe(withOccurrences(findings)),
      rules,
      warnings:
        absolute === 0
          ? []
          : [
              `${absolute} path${absolute === 1 ? ' is' : 's are'} absolute and outside --base-dir ${overrides.baseDir}; pass --base-dir <the scanned checkout> so the same file matches across machines`,
            ],
    },
  ];
}
