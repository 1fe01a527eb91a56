import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PACKAGE_VERSION } from '../package-root.js';

/**
 * The husky release sec-init installs. Keep in step with `husky` in the pnpm catalog
 * (pnpm-workspace.yaml): the hook layout written here is the one this version reads, and a test
 * checks the two agree.
 */
export const HUSKY_VERSION = '9.1.7';

/**
 * The lint-staged release sec-init installs: 16.4.0 is the last one that supports Node 20 (17
 * needs Node 22). Kept equal to the catalog entry by the same test.
 */
export const LINT_STAGED_VERSION = '16.4.0';

export const HOOKS_PACKAGE = '@seckit/hooks';
export const CORE_PACKAGE = '@seckit/core';

const readVersion = (file: string): string =>
  (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

/**
 * This package's own version, so `npx sec-init@X` installs `@seckit/hooks@X` and never a newer
 * release the user did not ask for.
 */
export const HOOKS_VERSION: string = PACKAGE_VERSION;

/**
 * The @seckit/core this package runs with (its exact dependency once packed). sec-init installs it
 * as a direct devDependency too: `.seckit/policy.json` names its JSON Schema by a path under
 * node_modules/@seckit/core, and pnpm only links direct dependencies there.
 */
export const CORE_VERSION: string = readVersion(
  createRequire(import.meta.url).resolve(`${CORE_PACKAGE}/package.json`),
);
