import { lockKindOf, NODE_LOCKFILES, PYTHON_LOCKFILES } from './lockfile/lock-model.js';

export type DepsFileKind =
  | 'package-json'
  | 'pnpm-workspace'
  | 'requirements'
  | 'pyproject'
  | 'lockfile'
  | 'registry-config';

/**
 * Which of the scan's files the dependency checks judge, by name. Installed copies
 * (`node_modules/`, yarn's `.yarn/` caches) are not the project's manifests.
 */
export function depsFileKind(path: string): DepsFileKind | undefined {
  if (/(^|\/)(node_modules|\.yarn|\.venv|site-packages)\//.test(path)) return undefined;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'package.json') return 'package-json';
  if (base === 'pnpm-workspace.yaml') return 'pnpm-workspace';
  if (base === 'pyproject.toml') return 'pyproject';
  if (isRequirementsFile(path)) return 'requirements';
  if (base === '.npmrc' || base === '.yarnrc.yml' || base === 'bunfig.toml') return 'registry-config';
  const lock = lockKindOf(base);
  return lock !== undefined && lock !== 'other-python' ? 'lockfile' : undefined;
}

/**
 * A requirements file is a manifest by name: `requirements*.txt`, or a `.txt` in a `requirements/`
 * folder. `requirements.in` (pip-tools input, unpinned on purpose) and constraints files are not.
 */
export function isRequirementsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^requirements[^/]*\.txt$/i.test(base) ||
    (/(^|\/)requirements\/[^/]+\.txt$/i.test(path) && !/constraint/i.test(base))
  );
}

/** Lockfiles a registry configuration in this folder speaks for. */
export const LOCKFILE_NAMES: readonly string[] = [...NODE_LOCKFILES, ...PYTHON_LOCKFILES];
