import { readFileSync } from 'node:fs';

const NAME = '@seckit/report';

/**
 * The version in this package's package.json. The code runs from `src/` (tests), `dist/` (the
 * library) and `dist/bundle/` (the CLI bundle), at different depths, so the file is looked for
 * upwards until the one named @seckit/report.
 */
function readVersion(): string {
  for (let up = '../'; up.length <= 12; up += '../') {
    let pkg: { name?: string; version?: string };
    try {
      pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8'));
    } catch {
      continue; // no package.json at this depth
    }
    if (pkg.name === NAME && typeof pkg.version === 'string') return pkg.version;
  }
  throw new Error(`cannot find the package.json of ${NAME} above ${import.meta.url}`);
}

export const VERSION = readVersion();
