import { z } from 'zod';
import { fromStableFields, withOccurrences } from './identity.js';
import { describeIssues } from './input-error.js';
import { maskText } from './mask.js';
import type { IngestOverrides, NormalizedFinding, NormalizedRule, NormalizedRun } from './normalized.js';
import { normalizePath } from './paths.js';
import { dedupe, repositoryOf, scopeOf, timeOf } from './run-context.js';
import { severityFromSecretlint } from './severity.js';

const Position = z.object({ line: z.number().int().min(0), column: z.number().int().min(0) });

const Message = z.object({
  type: z.string().optional(),
  ruleId: z.string().min(1),
  ruleParentId: z.string().optional(),
  messageId: z.string().optional(),
  message: z.string(),
  docsUrl: z.string().optional(),
  range: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  loc: z.object({ start: Position, end: Position }).optional(),
  severity: z.string().optional(),
  data: z.unknown().optional(),
});

/** `secretlint --format json`: the engine's results, one per file, as secretlint's types define them. */
export const SecretlintJson = z.array(
  z.object({
    filePath: z.string().min(1),
    // The whole scanned file: read for the matched value (to mask and hash), never stored.
    sourceContent: z.string().nullable().optional(),
    sourceContentType: z.string().optional(),
    messages: z.array(Message),
  }),
);

/** String values anywhere in a rule's `data` (rules put the matched value there). */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 4) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out, depth + 1);
  return out;
}

/** A secretlint JSON report as one run (tool `secretlint`, scope full unless --scope says otherwise). */
export function fromSecretlint(
  file: string,
  value: unknown,
  text: string | undefined,
  overrides: IngestOverrides,
): NormalizedRun[] {
  const parsed = SecretlintJson.safeParse(value);
  if (!parsed.success) throw describeIssues(file, 'secretlint JSON report', parsed.error.issues, value, text);
  const findings: NormalizedFinding[] = [];
  const rules = new Map<string, NormalizedRule>();
  let absolute = 0;
  for (const result of parsed.data) {
    const where = normalizePath(result.filePath, overrides.baseDir);
    if (where.absolute) absolute++;
    for (const m of result.messages) {
      if (m.type !== undefined && m.type !== 'message') continue;
      const matched =
        m.range !== undefined && typeof result.sourceContent === 'string'
          ? result.sourceContent.slice(m.range[0], m.range[1])
          : undefined;
      const secrets = [...(matched === undefined ? [] : [matched]), ...strings(m.data)];
      const ruleId = m.ruleParentId === undefined ? m.ruleId : `${m.ruleParentId} > ${m.ruleId}`;
      const helpUri =
        m.docsUrl === undefined
          ? undefined
          : `${m.docsUrl}${m.messageId === undefined ? '' : `#${m.messageId}`}`;
      if (!rules.has(ruleId)) rules.set(ruleId, { helpUri: m.docsUrl });
      findings.push({
        fingerprint: fromStableFields(`${ruleId}#${m.messageId ?? ''}`, where.path, matched),
        ruleId,
        kind: 'secret',
        severity: severityFromSecretlint(m.severity ?? 'error'),
        rawSeverity: m.severity ?? 'error',
        message: maskText(m.message, secrets),
        path: where.path,
        // secretlint lines are 1-based, columns 0-based.
        startLine: m.loc?.start.line,
        startColumn: m.loc === undefined ? undefined : m.loc.start.column + 1,
        endLine: m.loc?.end.line,
        endColumn: m.loc === undefined ? undefined : m.loc.end.column + 1,
        helpUri,
        toolFingerprints: undefined,
        suppression: undefined,
      });
    }
  }
  const { time, stated } = timeOf(undefined, overrides);
  return [
    {
      file,
      format: 'secretlint',
      index: 0,
      tool: 'secretlint',
      toolVersion: undefined,
      category: '',
      repository: repositoryOf(file, undefined, overrides, 'secretlint JSON'),
      branch: overrides.branch,
      commit: overrides.commit,
      scope: scopeOf(undefined, overrides),
      failed: false,
      time,
      timeStated: stated,
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
