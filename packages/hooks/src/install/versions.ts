import { readFileSync } from 'node:fs';

/**
 * The husky release sec-init installs. Keep in step with `husky` in the pnpm catalog
 * (pnpm-workspace.yaml): the hook layout written here is the one this version reads, and a test
 * checks the two agree.
 */
export const HUSKY_VERSION = '9.1.7';

/**
 * This package's own version, so `npx sec-init@X` installs `@seckit/hooks@X` and never a newer
 * release the user did not ask for. Read from package.json, which sits two levels up both from
 * `src/install/` (tests) and from `dist/install/` (published).
 */
export const HOOKS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const HOOKS_PACKAGE = '@seckit/hooks';
