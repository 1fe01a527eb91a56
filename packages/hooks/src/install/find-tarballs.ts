import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { readTarballManifest } from './read-tarball-manifest.js';
import { HOOKS_PACKAGE } from './versions.js';

export interface Tarball {
  /** Package name from the tarball's own package.json, e.g. `@seckit/hooks`. */
  name: string;
  version: string;
  /** Absolute path to the `.tgz`. */
  file: string;
  /** The names it depends on (dependencies and optionalDependencies). */
  dependsOn: string[];
}

/**
 * The tarballs in `dir` (`--from`) that `@seckit/hooks` needs: itself and, transitively, every
 * dependency that has a tarball there (`@seckit/core`, `@seckit/secretlint-rule-preset`, …; they
 * are not on the registry when testing a release, or not reachable for air-gapped teams).
 * Names and dependencies are read from each tarball's package.json, so file names do not matter
 * and unrelated tarballs in the folder (sec-init itself, @seckit/report) are left out.
 */
export async function findTarballs(dir: string): Promise<Tarball[]> {
  const folder = path.resolve(dir);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    throw new InstallError('E_TARBALLS', messages.tarballDirUnreadable(folder, error), folder);
  }
  const byName = new Map<string, Tarball>();
  for (const entry of entries.filter((e) => e.endsWith('.tgz')).sort()) {
    const file = path.join(folder, entry);
    let manifest: Record<string, unknown> | undefined;
    try {
      manifest = await readTarballManifest(file);
    } catch (error) {
      throw new InstallError('E_TARBALLS', messages.tarballUnreadable(file, error), file);
    }
    if (manifest === undefined || typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
      throw new InstallError('E_TARBALLS', messages.tarballUnreadable(file, 'no package/package.json'), file);
    }
    const clash = byName.get(manifest.name);
    if (clash !== undefined) {
      throw new InstallError(
        'E_TARBALLS',
        messages.tarballsAmbiguous(folder, manifest.name, path.basename(clash.file), entry),
        folder,
      );
    }
    const dependsOn = [manifest.dependencies, manifest.optionalDependencies].flatMap((deps) =>
      typeof deps === 'object' && deps !== null ? Object.keys(deps) : [],
    );
    byName.set(manifest.name, { name: manifest.name, version: manifest.version, file, dependsOn });
  }
  const hooks = byName.get(HOOKS_PACKAGE);
  if (hooks === undefined)
    throw new InstallError('E_TARBALLS', messages.tarballsMissingHooks(folder), folder);

  const needed = new Map<string, Tarball>();
  const visit = (tarball: Tarball) => {
    if (needed.has(tarball.name)) return;
    needed.set(tarball.name, tarball);
    for (const name of tarball.dependsOn) {
      const dependency = byName.get(name);
      if (dependency !== undefined) visit(dependency);
    }
  };
  visit(hooks);
  return [...needed.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
