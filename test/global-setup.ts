import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding a packed tarball of every published workspace package, for `sec-init --from`. */
    tarballDir: string;
    /** One npm cache for the whole run: husky and lint-staged are downloaded once, not per repository. */
    npmCache: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every workspace package that is published (not `private`), found from the workspace folders. */
function publishedPackages(): string[] {
  const dirs: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(ROOT, group))) {
      const manifest = path.join(ROOT, group, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { private?: boolean };
      if (pkg.private !== true) dirs.push(path.join(ROOT, group, name));
    }
  }
  return dirs;
}

/**
 * Packs every published workspace package once per run, the way it would be published: `pnpm
 * pack` rewrites `workspace:` and `catalog:` versions to real ones and ships only each package's
 * `files`. `sec-init --from` then picks what @seckit/hooks needs (it reads the tarballs' own
 * package.json files), so a new dependency between our packages needs no change here.
 */
export default function setup(project: TestProject): () => void {
  const packages = publishedPackages();
  for (const dir of packages) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: string };
    if (pkg.main !== undefined && !existsSync(path.join(dir, pkg.main))) {
      throw new Error(
        `${path.join(dir, pkg.main)} is missing: run \`pnpm build\` before the e2e tests (\`pnpm test\` does both).`,
      );
    }
  }
  const work = mkdtempSync(path.join(tmpdir(), 'seckit-e2e-run-'));
  const tarballDir = path.join(work, 'tarballs');
  mkdirSync(tarballDir);
  for (const dir of packages)
    execFileSync('pnpm', ['pack', '--pack-destination', tarballDir], { cwd: dir, stdio: 'pipe' });
  const packed = readdirSync(tarballDir);
  if (!packed.some((file) => /^seckit-hooks-.*\.tgz$/.test(file))) {
    throw new Error(`pnpm pack left no seckit-hooks-*.tgz in ${tarballDir} (found: ${packed.join(', ')})`);
  }
  project.provide('tarballDir', tarballDir);
  project.provide('npmCache', path.join(work, 'npm-cache'));
  return () => rmSync(work, { recursive: true, force: true });
}
