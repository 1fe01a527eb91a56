// Writes schema/policy.schema.json from the built zod schema. Run by `build`; a test checks the
// committed file is current, so editors' completion never drifts from what we validate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '../dist/policy/policy-json-schema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'policy.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
