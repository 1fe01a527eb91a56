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
  'pythonBuild',
] as const;
export const DependencyType = z.enum(DEPENDENCY_TYPES);
export type DependencyType = z.infer<typeof DependencyType>;

export const PinPreset = z.enum(['app', 'library']);
export type PinPreset = z.infer<typeof PinPreset>;

export const DependencyPolicy = z.strictObject({
  preset: PinPreset.default('app').describe(
    '"app": pin everything but peerDependencies and engines. "library": pin devDependencies only.',
  ),
  pin: z
    .partialRecord(DependencyType, z.boolean())
    .default({})
    .describe('Per dependency type: must it be pinned? Overrides the preset.'),
  exceptions: z
    .array(
      z.strictObject({
        package: z.string().min(1),
        reason: z.string().trim().min(1, 'an exception needs a reason'),
        expires: IsoDate.optional(),
      }),
    )
    .default([]),
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
  dependencies: DependencyPolicy.default({ preset: 'app', pin: {}, exceptions: [] }),
  registries: z
    .strictObject({
      allowed: z
        .array(z.string().min(1))
        .default([])
        .describe('Registry hosts or URLs allowed besides the defaults (registry.npmjs.org, pypi.org, …).'),
    })
    .default({ allowed: [] }),
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
