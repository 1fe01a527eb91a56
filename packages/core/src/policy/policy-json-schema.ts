import { z } from 'zod';
import { Policy } from '../schemas/policy.js';

/** The published location of the schema, for `$schema` in policy files written by sec-init. */
export const POLICY_SCHEMA_FILE = 'node_modules/@seckit/core/schema/policy.schema.json';

/**
 * JSON Schema of `.seckit/policy.json`, generated from the zod schema so the two cannot drift
 * (a test compares it with the shipped file). `io: 'input'` because users write the input form:
 * fields with defaults are optional.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Policy, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://seckit.dev/schema/policy.schema.json',
    title: 'seckit policy (.seckit/policy.json)',
    description: "A repository's security policy, enforced by seckit's hooks and CI checks.",
  };
}
