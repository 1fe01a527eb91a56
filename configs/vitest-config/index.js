// Shared vitest settings for every workspace project. Each package's vitest.config.ts spreads
// `projectDefaults` and adds its own name; the root vitest.config.ts lists the projects.
import { fileURLToPath } from 'node:url';

/** @type {import('vitest/config').UserWorkspaceConfig['test']} */
export const projectDefaults = {
  environment: 'node',
  include: ['test/**/*.test.ts'],
  // Temporary folders made with test-utils' tempDir are removed after each test file.
  setupFiles: [fileURLToPath(new URL('./setup.js', import.meta.url))],
  // Tests spawn real git and node processes: generous, but finite.
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
