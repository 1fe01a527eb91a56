import { CATEGORIES, type Scope, SEVERITIES, type Severity } from '@seckit/core';
import { checkSarifLog } from './check-sarif.js';
import { SECKIT_FINGERPRINT_KEY } from './from-seckit.js';
import { fromStableFields, fromToolFingerprints, withOccurrences } from './identity.js';
import { describeIssues, inputError } from './input-error.js';
import { maskText, secretCandidates } from './mask.js';
import type {
  IngestOverrides,
  NormalizedFinding,
  NormalizedRule,
  NormalizedRun,
  ToolSuppression,
} from './normalized.js';
import { normalizePath } from './paths.js';
import { branchName, dedupe, repositoryOf, scopeOf, timeOf } from './run-context.js';
import { SarifLog, type SarifResult, type SarifRule, type SarifRun } from './sarif-input.js';
import { type SarifLevel, severityFromLevel, severityFromScore } from './severity.js';

/** Words in a SARIF category that name a scan's scope rather than what was scanned. */
const SCOPE_WORDS: Record<string, Scope> = {
  full: 'full',
  staged: 'staged',
  diff: 'diff',
  pr: 'diff',
  'pull-request': 'diff',
  incremental: 'diff',
  paths: 'paths',
  partial: 'paths',
};

/**
 * GitHub's rule for `automationDetails.id`: the text up to the last `/` is the category. Scope
 * words in it (`seckit/staged/`, `gitleaks/pr/`) give the scope and are left out of the category,
 * so staged and full runs of one tool share their findings. A category that is just the tool's
 * name is no category.
 */
export function categoryAndScope(
  id: string | undefined,
  tool: string,
): { category: string; scope: Scope | undefined } {
  if (id === undefined || !id.includes('/')) return { category: '', scope: undefined };
  const segments = id
    .slice(0, id.lastIndexOf('/'))
    .split('/')
    .filter((s) => s !== '');
  let scope: Scope | undefined;
  const rest: string[] = [];
  for (const segment of segments) {
    const word = SCOPE_WORDS[segment.toLowerCase()];
    if (word !== undefined && scope === undefined) scope = word;
    else rest.push(segment);
  }
  const category = rest.join('/');
  return { category: category.toLowerCase() === tool ? '' : category, scope };
}

/** `https://github.com/acme/web.git` → `web`: the name seckit Reports use (the repository folder). */
export function repositoryNameFromUri(uri: string): string | undefined {
  const trimmed = uri
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  const last = trimmed.split(/[/:]/).pop();
  return last === undefined || last === '' ? undefined : last;
}

/** Partial fingerprints that describe a commit, not the finding (gitleaks' SARIF writes these). */
const VOLATILE_FINGERPRINTS = new Set(['commitsha', 'commitmessage', 'author', 'email', 'date']);
/** Fingerprint values worth keeping for SARIF output: hash- or id-like, no spaces, no e-mail. */
const KEEPABLE = /^[\w.:\-/+=]{1,200}$/;

function usable(fingerprints: Record<string, string> | undefined): Record<string, string> | undefined {
  if (fingerprints === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fingerprints)) {
    if (value !== '' && !VOLATILE_FINGERPRINTS.has(key.toLowerCase()) && KEEPABLE.test(value))
      out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function ruleOf(result: SarifResult, rules: readonly SarifRule[], byId: ReadonlyMap<string, SarifRule>) {
  const index = result.ruleIndex ?? result.rule?.index;
  const byIndex = index !== undefined && index >= 0 ? rules[index] : undefined;
  const id = result.ruleId ?? result.rule?.id ?? byIndex?.id;
  return { id: id ?? '(no rule)', rule: (id === undefined ? undefined : byId.get(id)) ?? byIndex };
}

function severityOf(
  result: SarifResult,
  rule: SarifRule | undefined,
  tool: string,
): { severity: Severity; raw: string } {
  // seckit's own SARIF carries its five-level severity; other tools' `severity` properties mean other things.
  const own = result.properties?.severity;
  if (tool === 'seckit' && typeof own === 'string' && (SEVERITIES as readonly string[]).includes(own)) {
    return { severity: own as Severity, raw: `severity ${own}` };
  }
  const score = result.properties?.['security-severity'] ?? rule?.properties?.['security-severity'];
  const fromScore = severityFromScore(score);
  if (fromScore !== undefined) return { severity: fromScore, raw: `security-severity ${String(score)}` };
  const level: SarifLevel = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  return { severity: severityFromLevel(level), raw: `level ${level}` };
}

const SECRET_TOOLS = /gitleaks|secretlint|trufflehog|detect-secrets|ggshield|noseyparker|2ms/i;

function kindOf(result: SarifResult, rule: SarifRule | undefined, tool: string): string | undefined {
  const own = result.properties?.category;
  if (typeof own === 'string' && (CATEGORIES as readonly string[]).includes(own)) return own;
  const tags = rule?.properties?.tags;
  const list = Array.isArray(tags)
    ? tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
    : [];
  if (list.includes('secret') || list.includes('secrets') || SECRET_TOOLS.test(tool)) return 'secret';
  for (const c of CATEGORIES) if (list.includes(c)) return c;
  return undefined;
}

function messageOf(result: SarifResult, rule: SarifRule | undefined, ruleId: string): string {
  if (result.message.text !== undefined && result.message.text.trim() !== '') return result.message.text;
  const template =
    result.message.id === undefined ? undefined : rule?.messageStrings?.[result.message.id]?.text;
  if (template !== undefined) {
    const args = result.message.arguments ?? [];
    return template.replace(/\{(\d+)\}/g, (m, n: string) => args[Number(n)] ?? m);
  }
  return rule?.shortDescription?.text ?? ruleId;
}

function suppressionOf(result: SarifResult): ToolSuppression | undefined {
  // underReview and rejected suppressions do not suppress (SARIF §3.35).
  const s = result.suppressions?.find((x) => x.status === undefined || x.status === 'accepted');
  if (s === undefined) return undefined;
  const expires = s.properties?.expires;
  return {
    kind: s.kind,
    justification: maskText(s.justification ?? ''),
    ...(typeof expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(expires) ? { expires } : {}),
  };
}

function normalizeResult(
  result: SarifResult,
  run: SarifRun,
  tool: string,
  byId: ReadonlyMap<string, SarifRule>,
  overrides: IngestOverrides,
  absolutePaths: Set<string>,
): NormalizedFinding {
  const rules = run.tool.driver.rules ?? [];
  const { id: ruleId, rule } = ruleOf(result, rules, byId);
  const physical = result.locations?.[0]?.physicalLocation;
  let uri = physical?.artifactLocation?.uri;
  const artifactIndex = physical?.artifactLocation?.index;
  if (uri === undefined && artifactIndex !== undefined && artifactIndex >= 0)
    uri = run.artifacts?.[artifactIndex]?.location?.uri;
  let path: string | undefined;
  if (uri !== undefined && uri !== '') {
    const normalized = normalizePath(uri, overrides.baseDir, { uri: true });
    if (normalized.absolute) absolutePaths.add(normalized.path);
    path = normalized.path;
  }
  const region = physical?.region;
  // Snippets hold the flagged text, for secret scanners the secret: used to mask and to hash,
  // never stored.
  const snippets: string[] = [];
  for (const location of result.locations ?? []) {
    const p = location.physicalLocation;
    for (const text of [p?.region?.snippet?.text, p?.contextRegion?.snippet?.text])
      if (text !== undefined && text.trim() !== '') snippets.push(text);
  }
  const secrets = snippets.flatMap(secretCandidates);
  const { severity, raw } = severityOf(result, rule, tool);
  const partial = usable(result.partialFingerprints);
  const full = usable(result.fingerprints);
  const seckitId =
    result.fingerprints?.[SECKIT_FINGERPRINT_KEY] ?? result.partialFingerprints?.[SECKIT_FINGERPRINT_KEY];
  const keep = (fps: Record<string, string> | undefined) => {
    if (fps === undefined) return undefined;
    const out = Object.fromEntries(Object.entries(fps).filter(([, v]) => !secrets.includes(v)));
    return Object.keys(out).length === 0 ? undefined : out;
  };
  let fingerprint: string;
  if (seckitId !== undefined) fingerprint = fromToolFingerprints({ [SECKIT_FINGERPRINT_KEY]: seckitId });
  else if (full !== undefined) fingerprint = fromToolFingerprints(full);
  else if (partial !== undefined) fingerprint = fromToolFingerprints(partial, { ruleId, path: path ?? '' });
  else fingerprint = fromStableFields(ruleId, path ?? '', snippets[0]?.trim());
  const startLine = region?.startLine;
  const startColumn = region?.startColumn ?? (startLine === undefined ? undefined : 1);
  const endLine = region?.endLine ?? startLine;
  const endColumn = region?.endColumn ?? (endLine === startLine ? startColumn : 1);
  const partialKept = keep(partial);
  const fullKept = keep(full);
  return {
    fingerprint,
    ruleId,
    kind: kindOf(result, rule, tool),
    severity,
    rawSeverity: raw,
    message: maskText(messageOf(result, rule, ruleId), secrets),
    path,
    startLine,
    startColumn,
    endLine,
    endColumn,
    helpUri: rule?.helpUri,
    toolFingerprints:
      partialKept === undefined && fullKept === undefined
        ? undefined
        : {
            ...(partialKept === undefined ? {} : { partial: partialKept }),
            ...(fullKept === undefined ? {} : { full: fullKept }),
          },
    suppression: suppressionOf(result),
  };
}

function normalizeRun(file: string, run: SarifRun, index: number, overrides: IngestOverrides): NormalizedRun {
  const driver = run.tool.driver;
  const tool = driver.name.trim().toLowerCase();
  const { category, scope } = categoryAndScope(run.automationDetails?.id, tool);
  const provenance = run.versionControlProvenance?.[0];
  const invocation = run.invocations?.[0];
  const { time, stated } = timeOf(invocation?.endTimeUtc ?? invocation?.startTimeUtc, overrides);
  const rules = driver.rules ?? [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const absolutePaths = new Set<string>();
  const results = (run.results ?? []).filter(
    (r) => r.kind === undefined || r.kind === 'fail' || r.kind === 'review' || r.kind === 'open',
  );
  const normalized = results.map((r) => normalizeResult(r, run, tool, byId, overrides, absolutePaths));
  const ruleInfo = new Map<string, NormalizedRule>();
  for (const rule of rules) {
    ruleInfo.set(rule.id, {
      name: rule.name === undefined ? undefined : maskText(rule.name),
      description:
        rule.shortDescription?.text === undefined ? undefined : maskText(rule.shortDescription.text),
      helpUri: rule.helpUri,
    });
  }
  const warnings: string[] = [];
  if (absolutePaths.size > 0) {
    warnings.push(
      `${absolutePaths.size} path${absolutePaths.size === 1 ? ' is' : 's are'} absolute and outside --base-dir ${overrides.baseDir}; pass --base-dir <the scanned checkout> so the same file matches across machines`,
    );
  }
  return {
    file,
    format: 'sarif',
    index,
    tool,
    toolVersion: driver.semanticVersion ?? driver.version,
    category,
    repository: repositoryOf(
      file,
      provenance === undefined ? undefined : repositoryNameFromUri(provenance.repositoryUri),
      overrides,
      'SARIF',
    ),
    branch: overrides.branch ?? branchName(provenance?.branch),
    commit: overrides.commit ?? provenance?.revisionId,
    scope: scopeOf(scope, overrides),
    failed: run.results === null || (run.invocations ?? []).some((i) => i.executionSuccessful === false),
    time,
    timeStated: stated,
    findings: dedupe(withOccurrences(normalized)),
    rules: ruleInfo,
    warnings,
  };
}

/** A SARIF 2.1.0 log from any tool: one run per SARIF `run`. */
export function fromSarif(
  file: string,
  value: unknown,
  text: string | undefined,
  overrides: IngestOverrides,
): NormalizedRun[] {
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'string' && version !== '2.1.0') {
    throw inputError(
      file,
      `SARIF version ${JSON.stringify(version.slice(0, 20))} is not supported; sec-report reads SARIF 2.1.0`,
    );
  }
  const log = checkSarifLog(value) ?? validateWithZod(file, value, text);
  return log.runs.map((run, i) => normalizeRun(file, run, i, overrides));
}

/** The log as the schema reads it, or every problem it has, with its place. */
function validateWithZod(file: string, value: unknown, text: string | undefined): SarifLog {
  const parsed = SarifLog.safeParse(value);
  if (!parsed.success) throw describeIssues(file, 'SARIF 2.1.0 log', parsed.error.issues, value, text);
  return parsed.data;
}
