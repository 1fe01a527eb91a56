import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding the packed seckit-core-*.tgz and seckit-hooks-*.tgz, for `sec-init --from`. */
    tarballDir: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKED = ['core', 'hooks'] as const;

/**
 * Packs @seckit/core and @seckit/hooks once per run, the way they would be published: `pnpm pack`
 * rewrites `workspace:` and `catalog:` versions to real ones, and ships only each package's
 * `files`. The tests then install these tarballs into scratch repositories with real npm.
 */
export default function setup(project: TestProject): () => void {
  for (const name of PACKED) {
    const built = path.join(ROOT, 'packages', name, 'dist', 'index.js');
    if (!existsSync(built)) {
      throw new Error(
        `${built} is missing: run \`pnpm build\` before the e2e tests (\`pnpm test\` does both).`,
      );
    }
  }
  const tarballDir = mkdtempSync(path.join(tmpdir(), 'seckit-tarballs-'));
  for (const name of PACKED) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballDir], {
      cwd: path.join(ROOT, 'packages', name),
      stdio: 'pipe',
    });
  }
  const packed = readdirSync(tarballDir);
  for (const name of PACKED) {
    if (!packed.some((file) => file.startsWith(`seckit-${name}-`) && file.endsWith('.tgz'))) {
      throw new Error(
        `pnpm pack left no seckit-${name}-*.tgz in ${tarballDir} (found: ${packed.join(', ')})`,
      );
    }
  }
  project.provide('tarballDir', tarballDir);
  return () => rmSync(tarballDir, { recursive: true, force: true });
}
