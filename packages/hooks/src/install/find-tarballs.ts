import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { HOOKS_PACKAGE } from './versions.js';

export interface Tarball {
  /** Package name, e.g. `@seckit/hooks`. */
  name: string;
  version: string;
  /** Absolute path to the `.tgz`. */
  file: string;
}

/** `seckit-hooks-0.1.0.tgz` is what `pnpm pack` / `npm pack` name `@seckit/hooks@0.1.0`. */
const TARBALL_NAME = /^seckit-([a-z0-9][a-z0-9._-]*?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)\.tgz$/;

/**
 * Our packed packages in `dir` (`--from`): every `seckit-*-<version>.tgz`. All of them are
 * installed, because `@seckit/hooks` depends on packages (`@seckit/core`) that are not on the
 * registry yet; other files, including a packed `sec-init`, are ignored.
 */
export async function findTarballs(dir: string): Promise<Tarball[]> {
  const folder = path.resolve(dir);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch (error) {
    throw new InstallError('E_TARBALLS', messages.tarballDirUnreadable(folder, error), folder);
  }
  const tarballs: Tarball[] = [];
  for (const entry of entries.sort()) {
    const match = TARBALL_NAME.exec(entry);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const name = `@seckit/${match[1]}`;
    const clash = tarballs.find((tarball) => tarball.name === name);
    if (clash !== undefined) {
      throw new InstallError(
        'E_TARBALLS',
        messages.tarballsAmbiguous(folder, name, clash.file, entry),
        folder,
      );
    }
    tarballs.push({ name, version: match[2], file: path.join(folder, entry) });
  }
  if (!tarballs.some((tarball) => tarball.name === HOOKS_PACKAGE)) {
    throw new InstallError('E_TARBALLS', messages.tarballsMissingHooks(folder), folder);
  }
  return tarballs;
}
