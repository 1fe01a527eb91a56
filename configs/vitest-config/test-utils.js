// Helpers shared by every test project: temporary folders that are removed after each test file,
// and a child-process environment isolated from the machine's and the test runner's own settings.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created = [];

/** A new empty folder under the OS temp dir (real path: macOS's /var → /private/var). */
export function tempDir(prefix = 'seckit-test-') {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Removes every folder made by tempDir; setup.js calls it after each test file. */
export function removeTempDirs() {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// Variables that would steer a child: pnpm's npm_* (sec-init would pick pnpm), git's repository
// locators (set when tests run inside a hook), HUSKY.
const STEERING =
  /^(npm_.*|HUSKY|GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR|PREFIX|CONFIG.*|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES))$/i;

/**
 * The environment for child processes: the runner's own variables minus those that steer git or
 * package managers, with an empty global git config (a machine-wide core.hooksPath would change
 * outcomes) and a fixed git identity.
 * @param {Record<string, string>} [extra]
 */
export function isolatedEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!STEERING.test(key)) env[key] = value;
  const globalConfig = path.join(tempDir('seckit-home-'), 'gitconfig');
  writeFileSync(globalConfig, '');
  return {
    ...env,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'seckit test',
    GIT_AUTHOR_EMAIL: 'test@seckit.invalid',
    GIT_COMMITTER_NAME: 'seckit test',
    GIT_COMMITTER_EMAIL: 'test@seckit.invalid',
    ...extra,
  };
}
