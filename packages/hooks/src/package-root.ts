import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = '@seckit/hooks';

/**
 * This package's folder, found by walking up from the running module to the package.json named
 * @seckit/hooks. The code runs from `src/` (tests), `dist/` (the library) and `dist/bundle/` (the
 * CLI bundle), at different depths: a fixed `../package.json` would be right for only some.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === NAME) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${NAME} above ${import.meta.url}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT: string = findPackageRoot();

/** The `version` of @seckit/hooks' package.json. */
export const PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
