import { credentialsFileRule } from './credentials-file.js';
import { envExampleValueRule } from './env-example-value.js';
import { envFileRule } from './env-file.js';
import type { HygieneRule } from './hygiene-file.js';
import { keyFileRule } from './key-file.js';
import { largeFileRule } from './large-file.js';

/** Repository-hygiene rules (category `config`): run on every target file, binary ones included. */
export const hygieneRules: readonly HygieneRule[] = [
  envFileRule,
  envExampleValueRule,
  keyFileRule,
  credentialsFileRule,
  largeFileRule,
];

export { gitignoreEnvFindings } from './gitignore-env.js';
export type { HygieneContext, HygieneFile, HygieneRule } from './hygiene-file.js';
