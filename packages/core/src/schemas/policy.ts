import { z } from 'zod';
import { Severity } from './severity.js';

/** Check ids a policy can switch on or off. `audit` is opt-in; the rest run by default. */
export const CHECK_IDS = ['secrets', 'dependencies', 'lockfiles', 'hygiene', 'audit'] as const;
export const CheckId = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckId>;

const IsoDate = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const PolicyException = z
  .strictObject({
    rule: z
      .string()
      .min(1)
      .optional()
      .describe('Rule id the exception applies to, e.g. "@secretlint/secretlint-rule-aws".'),
    path: z.string().min(1).optional().describe('Path pattern (gitignore syntax) the exception applies to.'),
    fingerprint: z.string().min(1).optional().describe('Exact finding id the exception applies to.'),
    reason: z
      .string()
      .trim()
      .min(1, 'an exception needs a reason')
      .describe('Why this is acceptable; shown in reports.'),
    expires: IsoDate.optional().describe(
      'Last day (UTC) the exception applies; after it the findings come back.',
    ),
  })
  .refine((e) => e.rule !== undefined || e.path !== undefined || e.fingerprint !== undefined, {
    message: 'an exception must name at least one of "rule", "path" or "fingerprint"',
  });
export type PolicyException = z.infer<typeof PolicyException>;

export const DEPENDENCY_TYPES = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
  'resolutions',
  'packageManager',
  'engines',
  'python',
  'pythonDev',
  'pythonBuild',
] as const;
export const DependencyType = z.enum(DEPENDENCY_TYPES);
export type DependencyType = z.infer<typeof DependencyType>;

export const PinPreset = z.enum(['app', 'library']);
export type PinPreset = z.infer<typeof PinPreset>;

export const DependencyException = z.strictObject({
  package: z
    .string()
    .min(1)
    .describe(
      'Package name, or a pattern with "*" (e.g. "@acme/*"); Python names compare normalised (PEP 503).',
    ),
  type: DependencyType.optional().describe('Only for this dependency type (default: every type).'),
  rule: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Only for this rule id, e.g. "seckit/lockfile-weak-integrity" (default: the pin rules: unpinned, git, Python, build requires, exact peer).',
    ),
  reason: z
    .string()
    .trim()
    .min(1, 'an exception needs a reason')
    .describe('Why this is acceptable; shown in reports.'),
  expires: IsoDate.optional().describe(
    'Last day (UTC) the exception applies; after it the findings come back.',
  ),
});
export type DependencyException = z.infer<typeof DependencyException>;

export const DependencyPolicy = z.strictObject({
  preset: PinPreset.default('app').describe(
    '"app": pin everything but peerDependencies and engines. "library": pin devDependencies, pythonDev and packageManager only.',
  ),
  pin: z
    .partialRecord(DependencyType, z.boolean())
    .default({})
    .describe('Per dependency type: must it be pinned? Overrides the preset.'),
  exceptions: z
    .array(DependencyException)
    .default([])
    .describe(
      'Packages exempt from the pin rules (or from one rule), each with a reason and an optional expiry.',
    ),
});
export type DependencyPolicy = z.infer<typeof DependencyPolicy>;

export const SlaHours = z.strictObject({
  critical: z.number().positive().default(24),
  high: z.number().positive().default(72),
  medium: z.number().positive().default(168),
  low: z.number().positive().default(720),
  info: z.number().positive().optional(),
});
export type SlaHours = z.infer<typeof SlaHours>;

const SeverityLimits = z.partialRecord(Severity, z.number().int().min(0));

/** What `sec-report gate` checks: the promises of a SECURITY.md, as numbers. */
export const ReportTargets = z.strictObject({
  appliesTo: z
    .enum(['each-repository', 'all'])
    .default('each-repository')
    .describe(
      'Whether every repository must meet the targets on its own ("each-repository") or all of them together ("all").',
    ),
  maxOpen: SeverityLimits.default({}).describe(
    'Most open findings allowed per severity, e.g. { "high": 4 } for "fewer than 5 open high-severity findings". Risk-accepted, false-positive and suppressed findings do not count.',
  ),
  maxBreached: SeverityLimits.default({ critical: 0 }).describe(
    'Most open findings past their SLA allowed per severity; { "critical": 0 } fails the gate on any breached critical.',
  ),
  maxOverdueRotations: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Most secrets allowed past their rotation date (see "rotation").'),
  minFixedWithinSla: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'Lowest share (0 to 1) of findings fixed within their SLA over the last "windowDays" days, e.g. 0.95.',
    ),
  windowDays: z
    .number()
    .int()
    .positive()
    .default(90)
    .describe('Days looked back for "minFixedWithinSla" and the mean time to remediate.'),
});
export type ReportTargets = z.infer<typeof ReportTargets>;

// Shapes of credential values (provider prefixes, key blocks, URL passwords, JWTs): a rotation
// entry names a secret and must never hold one.
const SECRET_VALUE_SHAPES: readonly RegExp[] = [
  /^(?:AKIA|ASIA)[A-Z0-9]{16}$/,
  /^gh[pousr]_[A-Za-z0-9]{20,}/,
  /^github_pat_/,
  /^xox[abposr]-/,
  /^[rsp]k_(?:live|test)_[A-Za-z0-9]/,
  /^glpat-/,
  /^npm_[A-Za-z0-9]{30,}/,
  /^AIza[0-9A-Za-z_-]{30,}/,
  /-----BEGIN [A-Z ]*PRIVATE KEY/,
  /^eyJ[A-Za-z0-9_-]{10,}\./,
  /:\/\/[^\s/@:]+:[^\s/@]+@/,
];

function looksLikeSecretValue(name: string): boolean {
  if (SECRET_VALUE_SHAPES.some((shape) => shape.test(name))) return true;
  // A long run mixing upper case, lower case and digits, with no space or separator, is a value.
  return (
    name.length >= 32 &&
    /^[A-Za-z0-9+/=]+$/.test(name) &&
    /[a-z]/.test(name) &&
    /[A-Z]/.test(name) &&
    /\d/.test(name)
  );
}

export const RotationSecret = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !looksLikeSecretValue(name), {
      message: 'looks like a secret value; list secrets by name (e.g. "PROD_DB_PASSWORD"), never by value',
    })
    .describe('What the secret is called, e.g. "PROD_DB_PASSWORD" or "Stripe live key"; never its value.'),
  kind: z
    .string()
    .trim()
    .min(1)
    .describe('What kind of secret it is, e.g. "api-key", "database-token", "certificate".'),
  owner: z.string().trim().min(1).describe('Who rotates it: a team or a person.'),
  lastRotated: IsoDate.describe('The day (UTC) it was last rotated.'),
  intervalDays: z
    .number()
    .int()
    .positive()
    .describe('Days allowed between rotations, e.g. 90 for API keys, 365 for certificates.'),
  repository: z
    .string()
    .min(1)
    .optional()
    .describe('The repository it belongs to, for per-repository targets; unset: the whole organisation.'),
});
export type RotationSecret = z.infer<typeof RotationSecret>;

export const RotationPolicy = z.strictObject({
  dueSoonDays: z
    .number()
    .int()
    .min(0)
    .default(14)
    .describe('A rotation is reported as due this many days before its date.'),
  secrets: z
    .array(RotationSecret)
    .default([])
    .superRefine((secrets, ctx) => {
      const seen = new Set<string>();
      secrets.forEach((s, i) => {
        const key = `${s.repository ?? ''}\0${s.name}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'is listed twice' });
        seen.add(key);
      });
    })
    .describe('Secrets to rotate, listed by name.'),
});
export type RotationPolicy = z.infer<typeof RotationPolicy>;

/** One advisory accepted for now: naming any id of a group (CVE, GHSA, PYSEC…) accepts the group. */
export const AuditException = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .describe('Advisory id or alias, e.g. "GHSA-35jh-r3h4-6jhm" or "CVE-2021-23337".'),
  package: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'Only for this package (default: every package the advisory affects); Python names compare normalised (PEP 503).',
    ),
  reason: z
    .string()
    .trim()
    .min(1, 'an exception needs a reason')
    .describe('Why this is acceptable (not reachable, no fix yet, …); shown in reports.'),
  expires: IsoDate.optional().describe(
    'Last day (UTC) the exception applies; after it the findings come back.',
  ),
});
export type AuditException = z.infer<typeof AuditException>;

/** Ecosystems of the offline OSV database the audit reads (OSV's own spelling). */
export const AUDIT_ECOSYSTEM_IDS = ['npm', 'PyPI'] as const;

export const AuditPolicy = z.strictObject({
  database: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'Folder of the offline OSV database (osv-scanner layout: <folder>/osv-scanner/<Ecosystem>/all.zip), relative to the repository. Default: $OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY, else ~/.cache/seckit/osv.',
    ),
  updateUrl: z
    .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
    .default('https://osv-vulnerabilities.storage.googleapis.com')
    .describe('Where `seckit audit --update-db` downloads <url>/<Ecosystem>/all.zip from.'),
  maxAgeDays: z
    .number()
    .int()
    .positive('expected 1 or more days')
    .default(7)
    .describe(
      'A database whose newest record is older than this many days is stale: a warning, the audit still runs.',
    ),
  ecosystems: z
    .array(z.enum(AUDIT_ECOSYSTEM_IDS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: 'lists an ecosystem twice' })
    .optional()
    .describe(
      'Ecosystems audited and downloaded (default: both, "npm" and "PyPI"); packages of the others are counted, not judged.',
    ),
  exceptions: z
    .array(AuditException)
    .default([])
    .describe('Advisories accepted for now, each with a reason and an optional expiry.'),
});
export type AuditPolicy = z.infer<typeof AuditPolicy>;

export const Policy = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).default(1).describe('Policy format version.'),
  checks: z
    .strictObject({
      secrets: z.boolean().default(true),
      dependencies: z.boolean().default(true),
      lockfiles: z.boolean().default(true),
      hygiene: z.boolean().default(true),
      audit: z.boolean().default(false),
    })
    .default({ secrets: true, dependencies: true, lockfiles: true, hygiene: true, audit: false })
    .describe('Which checks run.'),
  severity: z
    .record(z.string().min(1), z.union([Severity, z.literal('off')]))
    .default({})
    .describe('Severity override per rule id; "off" disables the rule.'),
  blockOn: Severity.default('high').describe('The lowest severity that blocks a commit.'),
  ignore: z.array(z.string()).default([]).describe('Paths never scanned, in gitignore syntax.'),
  exceptions: z.array(PolicyException).default([]),
  sla: SlaHours.default({ critical: 24, high: 72, medium: 168, low: 720 }).describe(
    'Hours allowed to fix a finding, per severity.',
  ),
  targets: ReportTargets.default({
    appliesTo: 'each-repository',
    maxOpen: {},
    maxBreached: { critical: 0 },
    maxOverdueRotations: 0,
    windowDays: 90,
  }).describe('Targets `sec-report gate` checks: open findings, breached SLAs, overdue rotations.'),
  rotation: RotationPolicy.default({ dueSoonDays: 14, secrets: [] }).describe(
    'Secrets and how often they are rotated, tracked by sec-report beside the findings.',
  ),
  dependencies: DependencyPolicy.default({ preset: 'app', pin: {}, exceptions: [] }),
  registries: z
    .strictObject({
      allowed: z
        .array(z.string().min(1))
        .default([])
        .describe(
          'Registry hosts or URLs allowed besides the defaults (registry.npmjs.org, pypi.org, …) and those configured in .npmrc / .yarnrc.yml. "*.example.com" allows subdomains.',
        ),
      includeDefaults: z
        .boolean()
        .default(true)
        .describe(
          'Whether the public registries (registry.npmjs.org, registry.yarnpkg.com, pypi.org, files.pythonhosted.org) are allowed; false when everything must come through your own mirror.',
        ),
    })
    .default({ allowed: [], includeDefaults: true }),
  audit: AuditPolicy.default({
    updateUrl: 'https://osv-vulnerabilities.storage.googleapis.com',
    maxAgeDays: 7,
    exceptions: [],
  }).describe(
    '`seckit audit` and the opt-in "audit" check: the offline advisory database and accepted advisories.',
  ),
  hygiene: z
    .strictObject({
      maxFileKb: z
        .number()
        .int()
        .positive()
        .default(500)
        .describe('Files larger than this (KiB) are reported when added (seckit/large-file).'),
    })
    .default({ maxFileKb: 500 }),
  onError: z
    .enum(['block', 'pass'])
    .default('block')
    .describe('What the hook does when a check fails internally: "block" (fail closed) or "pass".'),
  fingerprintSalt: z
    .string()
    .min(1)
    .optional()
    .describe('Extra salt mixed into secret fingerprints; changing it changes every id.'),
});
export type Policy = z.infer<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

/** The policy used when `.seckit/policy.json` does not exist. */
export function defaultPolicy(): Policy {
  return Policy.parse({});
}
