import { type DependencyType, isExpired, type Policy } from '@seckit/core';
import { normalizePythonName } from './specifier/python-name.js';

type DependencyException = Policy['dependencies']['exceptions'][number];

/** Renovate's `config:js-app`: pin everything but peers and engines (build requires: lower severity). */
const APP: Record<DependencyType, boolean> = {
  dependencies: true,
  devDependencies: true,
  optionalDependencies: true,
  peerDependencies: false,
  overrides: true,
  resolutions: true,
  packageManager: true,
  engines: false,
  python: true,
  pythonDev: true,
  pythonBuild: true,
};

/**
 * Renovate's `config:js-lib`: a library's consumers need ranges, its own tooling does not — pin
 * devDependencies, dev groups and the package manager only.
 */
const LIBRARY: Record<DependencyType, boolean> = {
  dependencies: false,
  devDependencies: true,
  optionalDependencies: false,
  peerDependencies: false,
  overrides: false,
  resolutions: false,
  packageManager: true,
  engines: false,
  python: false,
  pythonDev: true,
  pythonBuild: false,
};

export function mustPin(policy: Policy, type: DependencyType): boolean {
  const preset = policy.dependencies.preset === 'library' ? LIBRARY : APP;
  return policy.dependencies.pin[type] ?? preset[type];
}

export interface ExceptionMatch {
  /** An exception that still applies: the finding is waived. */
  active?: DependencyException;
  /** One that matched but has expired: the finding comes back, saying so. */
  expired?: DependencyException;
}

/**
 * `dependencies.exceptions`: by package name (or `*` pattern), optionally limited to one dependency
 * type and one rule; without a rule they waive the pin rules. Python names compare normalised.
 */
export function exceptionFor(
  policy: Policy,
  input: { ruleId: string; pinRule: boolean; pkg: string; type?: DependencyType; python: boolean },
  now: Date,
): ExceptionMatch {
  const result: ExceptionMatch = {};
  for (const exception of policy.dependencies.exceptions) {
    if (exception.rule !== undefined ? exception.rule !== input.ruleId : !input.pinRule) continue;
    if (exception.type !== undefined && exception.type !== input.type) continue;
    if (!matchesPackage(exception.package, input.pkg, input.python)) continue;
    if (isExpired(exception.expires, now)) result.expired ??= exception;
    else {
      result.active = exception;
      return result;
    }
  }
  return result;
}

function matchesPackage(pattern: string, pkg: string, python: boolean): boolean {
  const norm = (s: string) => (python ? normalizePythonName(s) : s);
  const p = norm(pattern);
  const name = norm(pkg);
  if (!p.includes('*')) return p === name;
  const re = new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(name);
}
