import type { Category, Finding } from '../schemas/finding.js';
import { compareSeverity, type Severity } from '../severity.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-types.js';

/**
 * GitHub turns `security-severity` into its own bands: over 9.0 critical, 7.0–8.9 high, 4.0–6.9
 * medium, 0.1–3.9 low, 0.0 none. The scores sit inside the bands, away from the ambiguous edges.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '2.0',
  info: '0.0',
};

/** For consumers that read only `level` (sarif-tools, several dashboards). */
export const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub's documented limits: rule names up to 255 characters, descriptions up to 1024.
const MAX_NAME = 255;
const MAX_DESCRIPTION = 1024;

const CATEGORY_DESCRIPTION: Record<Category, string> = {
  secret: 'A credential or other secret committed to the repository.',
  dependency: 'A dependency declared in a way the security policy does not allow.',
  lockfile: 'A lockfile that is missing, out of date, or not what the security policy requires.',
  config: 'Repository configuration that does not meet the security policy.',
  vulnerability: 'A dependency version with a known vulnerability.',
};

// Used only when no finding of the rule carries its own `fix` hint.
const CATEGORY_HELP: Record<Category, string> = {
  secret:
    'Remove the value, rotate it at its provider (it is exposed once committed), and load it from the environment or a secret manager.',
  dependency:
    'Declare the dependency the way the security policy requires (for example, pin an exact version).',
  lockfile: 'Commit a lockfile that matches the manifest and install from it.',
  config: 'Bring the repository configuration in line with the security policy.',
  vulnerability: 'Upgrade to a version without the vulnerability, or record an exception with a reason.',
};

function limit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first sentence of a message, on one line; GitHub uses a message's first sentence as its title. */
function firstSentence(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  const end = line.search(/[.!?](\s|$)/);
  return end === -1 ? line : line.slice(0, end);
}

/** `@secretlint/secretlint-rule-aws` → `SecretlintSecretlintRuleAws`: SARIF suggests an identifier-like name. */
function ruleName(ruleId: string): string {
  const words = ruleId.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return limit(name === '' ? 'Rule' : name, MAX_NAME);
}

/** `(`, `)`, `<`, `>` and spaces would end a Markdown link destination early. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * One descriptor from the findings of one rule. Rules have no catalogue in core, so the text is
 * built from what the findings carry: their category, tool, fix hint and docs link, and the first
 * sentence of the first message (already redacted, so safe to repeat). The rule's severity is the
 * highest among its findings, since policy overrides can differ per finding.
 */
function descriptor(ruleId: string, findings: readonly Finding[]): SarifReportingDescriptor {
  const first = findings[0]!;
  const severity = findings.reduce<Severity>(
    (max, f) => (compareSeverity(f.severity, max) > 0 ? f.severity : max),
    first.severity,
  );
  const docsUrl = findings.find((f) => f.docsUrl !== undefined)?.docsUrl;
  const fix = findings.find((f) => f.fix !== undefined)?.fix ?? CATEGORY_HELP[first.category];
  const summary = firstSentence(first.message) || `Rule ${ruleId}`;
  const tool = first.tool ?? 'seckit';
  const docsText = docsUrl === undefined ? '' : `\n\nDocumentation: ${docsUrl}`;
  const docsMarkdown = docsUrl === undefined ? '' : `\n\n[Documentation](${markdownUrl(docsUrl)})`;
  return {
    id: ruleId,
    name: ruleName(ruleId),
    shortDescription: { text: limit(summary, MAX_DESCRIPTION) },
    fullDescription: {
      text: limit(
        `${CATEGORY_DESCRIPTION[first.category]} Reported by ${tool} as "${ruleId}", for example: ${summary}.`,
        MAX_DESCRIPTION,
      ),
    },
    help: { text: `${fix}${docsText}`, markdown: `${escapeMarkdown(fix)}${docsMarkdown}` },
    ...(docsUrl === undefined ? {} : { helpUri: docsUrl }),
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity],
      tags: ['security', first.category],
      precision: 'high',
    },
  };
}

/** One descriptor per distinct rule id, sorted by id so `ruleIndex` is stable across runs. */
export function sarifRules(findings: readonly Finding[]): SarifReportingDescriptor[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = byRule.get(f.ruleId);
    if (group === undefined) byRule.set(f.ruleId, [f]);
    else group.push(f);
  }
  return [...byRule.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((ruleId) => descriptor(ruleId, byRule.get(ruleId) ?? []));
}
