import { projectDefaults } from '@seckit/vitest-config';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    ...projectDefaults,
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 180_000,
  },
});
