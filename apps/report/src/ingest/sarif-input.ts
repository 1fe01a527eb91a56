import { z } from 'zod';

/**
 * Structural checks of the parts of SARIF 2.1.0 that sec-report reads. Not the whole schema (the
 * tests validate our own output against the official one): enough that a file which breaks the
 * structure we rely on is refused with the place, instead of being half-read.
 */

const Level = z.enum(['none', 'note', 'warning', 'error']);
const Properties = z.record(z.string(), z.unknown());

const Message = z.object({
  text: z.string().optional(),
  id: z.string().optional(),
  arguments: z.array(z.string()).optional(),
});

const Snippet = z.object({ text: z.string().optional() });

const Region = z.object({
  startLine: z.number().int().min(1).optional(),
  startColumn: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  snippet: Snippet.optional(),
});

const ArtifactLocation = z.object({
  uri: z.string().optional(),
  uriBaseId: z.string().optional(),
  index: z.number().int().min(-1).optional(),
});

const Location = z.object({
  physicalLocation: z
    .object({
      artifactLocation: ArtifactLocation.optional(),
      region: Region.optional(),
      contextRegion: Region.optional(),
    })
    .optional(),
});

const Suppression = z.object({
  kind: z.string(),
  status: z.enum(['accepted', 'underReview', 'rejected']).optional(),
  justification: z.string().optional(),
  properties: Properties.optional(),
});

const Fingerprints = z.record(z.string(), z.string());

export const SarifResult = z.object({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  rule: z.object({ id: z.string().optional(), index: z.number().int().min(-1).optional() }).optional(),
  kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']).optional(),
  level: Level.optional(),
  message: Message,
  locations: z.array(Location).optional(),
  partialFingerprints: Fingerprints.optional(),
  fingerprints: Fingerprints.optional(),
  suppressions: z.array(Suppression).optional(),
  properties: Properties.optional(),
});
export type SarifResult = z.infer<typeof SarifResult>;

export const SarifRule = z.object({
  id: z.string(),
  name: z.string().optional(),
  shortDescription: Message.optional(),
  fullDescription: Message.optional(),
  helpUri: z.string().optional(),
  messageStrings: z.record(z.string(), z.object({ text: z.string().optional() })).optional(),
  defaultConfiguration: z.object({ level: Level.optional() }).optional(),
  properties: Properties.optional(),
});
export type SarifRule = z.infer<typeof SarifRule>;

export const SarifRun = z.object({
  tool: z.object({
    driver: z.object({
      name: z.string().min(1),
      version: z.string().optional(),
      semanticVersion: z.string().optional(),
      rules: z.array(SarifRule).optional(),
    }),
  }),
  // `null` is SARIF for "the tool did not produce results" (it failed); `[]` means none found.
  results: z.array(SarifResult).nullable().optional(),
  automationDetails: z.object({ id: z.string().optional() }).optional(),
  versionControlProvenance: z
    .array(
      z.object({
        repositoryUri: z.string(),
        revisionId: z.string().optional(),
        branch: z.string().optional(),
      }),
    )
    .optional(),
  invocations: z
    .array(
      z.object({
        executionSuccessful: z.boolean(),
        startTimeUtc: z.string().optional(),
        endTimeUtc: z.string().optional(),
      }),
    )
    .optional(),
  artifacts: z.array(z.object({ location: ArtifactLocation.optional() })).optional(),
});
export type SarifRun = z.infer<typeof SarifRun>;

export const SarifLog = z.object({
  version: z.literal('2.1.0'),
  runs: z.array(SarifRun),
});
export type SarifLog = z.infer<typeof SarifLog>;
