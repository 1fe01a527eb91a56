import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InstallError } from './install-error.js';
import { detectJsonFormat, type JsonFormat, stringifyJson } from './json-format.js';
import { messages } from './messages.js';
import { addHuskyToPrepare } from './prepare-script.js';

export interface PackageJsonFile {
  file: string;
  text: string;
  data: Record<string, unknown>;
  format: JsonFormat;
}

/** Reads and parses `<dir>/package.json`; `undefined` when there is none. */
export async function readPackageJson(dir: string): Promise<PackageJsonFile | undefined> {
  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InstallError('E_PACKAGE_JSON', messages.packageJsonUnreadable(file, error), file);
  }
  let data: unknown;
  try {
    // A BOM is legal in the file but not in JSON.parse.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InstallError('E_PACKAGE_JSON', messages.packageJsonInvalid(file, error), file);
  }
  if (!isRecord(data)) {
    throw new InstallError('E_PACKAGE_JSON', messages.packageJsonNotObject(file), file);
  }
  return { file, text, data, format: detectJsonFormat(text) };
}

/**
 * A name npm accepts, derived from the folder: lower case, URL-safe characters, not starting with
 * `.` or `_`. The folder name as is would make npm refuse `My Project`.
 */
export function packageNameFromFolder(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '')
    .slice(0, 214);
  return name === '' ? 'project' : name;
}

/** Writes the minimal private package.json sec-init needs; returns its path. */
export async function createPackageJson(dir: string): Promise<string> {
  const file = path.join(dir, 'package.json');
  const data = { name: packageNameFromFolder(dir), private: true };
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx' });
  return file;
}

export interface PrepareUpdate {
  before: string | undefined;
  after: string;
  changed: boolean;
}

/**
 * Adds husky to `scripts.prepare` in place (see `addHuskyToPrepare`), keeping indentation, key
 * order, line endings and the final newline. Writes nothing when the script already runs husky.
 */
export async function updatePrepareScript(pkg: PackageJsonFile): Promise<PrepareUpdate> {
  const scripts = pkg.data.scripts;
  if (scripts !== undefined && !isRecord(scripts)) {
    throw new InstallError('E_PACKAGE_JSON', messages.scriptsNotObject(pkg.file), pkg.file);
  }
  const before = scripts?.prepare;
  if (before !== undefined && typeof before !== 'string') {
    throw new InstallError('E_PACKAGE_JSON', messages.prepareNotString(pkg.file), pkg.file);
  }
  const after = addHuskyToPrepare(before);
  if (after === before) return { before, after, changed: false };
  // Rebuild only `scripts`; every other key keeps its value and position.
  const data = { ...pkg.data, scripts: { ...(scripts ?? {}), prepare: after } };
  await writeFile(pkg.file, stringifyJson(data, pkg.format));
  return { before, after, changed: true };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
