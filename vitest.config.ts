import { defineConfig } from 'vitest/config';

// One run over every workspace project; `pnpm test` builds first so tests see real dist/ output.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'test/vitest.config.ts'],
  },
});
