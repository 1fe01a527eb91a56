import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { DetectedPackageManager } from './detect-package-manager.js';
import type { WantedPackage } from './install-command.js';
import { InstallError } from './install-error.js';
import { type JsonPath, setJsonValue } from './json-edit.js';
import { messages } from './messages.js';
import { addHuskyToScript, huskyUnguarded, removeHuskyFromScript, runsHuskyFor } from './prepare-script.js';

export type PackageJson = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses package.json text, naming the file in every error. */
export function parsePackageJson(text: string, file: string): PackageJson {
  let data: unknown;
  try {
    // A BOM is legal in the file but not in JSON.parse.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InstallError('E_PACKAGE_JSON', messages.packageJsonInvalid(file, error), file);
  }
  if (!isRecord(data)) throw new InstallError('E_PACKAGE_JSON', messages.packageJsonNotObject(file), file);
  for (const key of ['scripts', 'dependencies', 'devDependencies'] as const) {
    if (data[key] !== undefined && !isRecord(data[key])) {
      throw new InstallError('E_PACKAGE_JSON', messages.packageJsonFieldNotObject(file, key), file);
    }
  }
  return data;
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

/** The private package.json of a repository that had none (a Python project, say). */
export function newPackageJsonText(dir: string): string {
  const data = {
    name: packageNameFromFolder(dir),
    private: true,
    description: messages.privatePackageDescription(),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The script that runs husky on install: `prepare`, except on yarn 2+, which never runs it. */
export function installScriptName(pm: DetectedPackageManager): 'prepare' | 'postinstall' {
  return pm.name === 'yarn' && pm.berry === true ? 'postinstall' : 'prepare';
}

export interface PackageJsonPlan {
  text: string;
  /** One line per change, for the summary. */
  changes: string[];
  /** Packages added to package.json (not the ones the user already declared). */
  added: string[];
  /** Something worth telling that is not a change (an unguarded husky of the user's, …). */
  notes: string[];
}

function declaredSpec(pkg: PackageJson, name: string): { field: string; spec: string } | undefined {
  for (const field of ['devDependencies', 'dependencies', 'optionalDependencies'] as const) {
    const deps = pkg[field];
    if (isRecord(deps) && typeof deps[name] === 'string') return { field, spec: deps[name] as string };
  }
  return undefined;
}

/** The major version a spec asks for (`^8.0.3` → 8), or undefined when it says no number. */
function majorOf(spec: string): number | undefined {
  const match = /^[\^~=v]*(\d+)/.exec(spec.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * package.json after sec-init's changes, each made in place (see `setJsonValue`):
 * - our packages at their exact version (added to devDependencies, or updated where declared);
 *   husky and lint-staged added when absent; a user's own lint-staged is kept, and so is their
 *   husky unless it is older than 9, whose hook layout differs;
 * - the install script (`prepare`) extended with the guarded husky call, never replaced;
 * - with `--from` under pnpm, yarn or bun: overrides that make our packages' own dependencies on
 *   each other resolve to the tarballs too (npm does this by itself: it reuses the top-level copy;
 *   bun asks the registry for them, which has no such package when installing from a folder).
 */
export function planPackageJson(options: {
  text: string;
  file: string;
  wanted: readonly WantedPackage[];
  pm: DetectedPackageManager;
  installRel: string;
}): PackageJsonPlan {
  const { wanted, pm, installRel, file } = options;
  let text = options.text;
  const pkg = parsePackageJson(text, file);
  const changes: string[] = [];
  const notes: string[] = [];
  const added: string[] = [];
  const set = (jsonPath: JsonPath, value: unknown, sorted = true) => {
    text = setJsonValue(text, jsonPath, value, { sorted });
  };

  const addedSpecs: string[] = [];
  for (const want of wanted) {
    const declared = declaredSpec(pkg, want.name);
    if (declared === undefined) {
      set(['devDependencies', want.name], want.spec);
      added.push(want.name);
      addedSpecs.push(`${want.name}@${want.version}`);
    } else if (want.ours && declared.spec !== want.spec) {
      set([declared.field, want.name], want.spec);
      changes.push(messages.changeDependencyUpdated(want.name, declared.spec, want.spec));
    } else if (want.name === 'husky' && (majorOf(declared.spec) ?? 9) < 9) {
      set([declared.field, want.name], want.spec);
      changes.push(messages.changeDependencyUpdated(want.name, declared.spec, want.spec));
    }
  }
  if (addedSpecs.length > 0) changes.unshift(messages.changeDependenciesAdded(addedSpecs));

  const tarballs = wanted.filter((w) => w.tarball !== undefined);
  const overridesPath: string[] | undefined =
    tarballs.length === 0
      ? undefined
      : pm.name === 'pnpm'
        ? ['pnpm', 'overrides']
        : pm.name === 'yarn'
          ? ['resolutions']
          : pm.name === 'bun'
            ? ['overrides']
            : undefined;
  if (overridesPath !== undefined) {
    const current = overridesPath.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), pkg);
    const missing = tarballs.filter((t) => !isRecord(current) || current[t.name] !== t.spec);
    for (const t of missing) set([...overridesPath, t.name], t.spec);
    if (missing.length > 0)
      changes.push(
        messages.changeOverrides(
          overridesPath.join('.'),
          missing.map((t) => t.name),
        ),
      );
  }

  const scriptName = installScriptName(pm);
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  const before = scripts[scriptName];
  if (before !== undefined && typeof before !== 'string') {
    throw new InstallError('E_PACKAGE_JSON', messages.scriptNotString(file, scriptName), file);
  }
  const after = addHuskyToScript(before, installRel);
  if (after !== before) {
    set(['scripts', scriptName], after, false);
    changes.push(
      before === undefined || before.trim() === ''
        ? messages.changeScriptSet(scriptName, after)
        : messages.changeScriptExtended(scriptName, before, after),
    );
  } else if (runsHuskyFor(before, installRel) && huskyUnguarded(before)) {
    notes.push(messages.noteUnguardedHusky(scriptName, before ?? ''));
  }
  return { text, changes, added, notes };
}

/**
 * package.json without sec-init's parts, for `--uninstall` when the file changed since sec-init
 * wrote it: the packages it added, its husky call, its overrides. Containers left empty go too.
 */
export function unplanPackageJson(options: {
  text: string;
  file: string;
  remove: readonly string[];
  installRel: string;
}): string {
  let text = options.text;
  const pkg = parsePackageJson(text, options.file);
  const drop = (jsonPath: JsonPath) => {
    text = setJsonValue(text, jsonPath, undefined);
  };
  for (const field of ['devDependencies', 'dependencies']) {
    const deps = pkg[field];
    if (!isRecord(deps)) continue;
    const left = Object.keys(deps).filter((name) => !options.remove.includes(name));
    if (left.length === 0 && Object.keys(deps).length > 0) drop([field]);
    else for (const name of Object.keys(deps)) if (options.remove.includes(name)) drop([field, name]);
  }
  for (const overridesPath of [['pnpm', 'overrides'], ['resolutions'], ['overrides']]) {
    const current = overridesPath.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), pkg);
    if (!isRecord(current)) continue;
    const ours = Object.keys(current).filter((name) => name.startsWith('@seckit/'));
    if (ours.length === 0) continue;
    if (ours.length === Object.keys(current).length) {
      drop(overridesPath);
      const parent = overridesPath.slice(0, -1);
      const parentValue = parent.reduce<unknown>(
        (v, k) => (isRecord(v) ? v[k] : undefined),
        parseJsonc(text),
      );
      if (parent.length > 0 && isRecord(parentValue) && Object.keys(parentValue).length === 0) drop(parent);
    } else for (const name of ours) drop([...overridesPath, name]);
  }
  const scripts = pkg.scripts;
  if (isRecord(scripts)) {
    for (const name of ['prepare', 'postinstall']) {
      const script = scripts[name];
      if (typeof script !== 'string') continue;
      const rest = removeHuskyFromScript(script, options.installRel);
      if (rest === script) continue;
      if (rest !== undefined) text = setJsonValue(text, ['scripts', name], rest);
      else if (Object.keys(scripts).length === 1) drop(['scripts']);
      else drop(['scripts', name]);
    }
  }
  return text;
}
