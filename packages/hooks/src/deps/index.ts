// Dependency pins, lockfile integrity and trusted sources: the API scan and the CLI use.
import type { DependencyCheckInput, DependencyCheckResult } from './context.js';
import { depsFileKind } from './file-kinds.js';

export type { DependencyCheckInput, DependencyCheckResult, DepsFile } from './context.js';
export type { DepsFileKind } from './file-kinds.js';
export { depsFileKind, isRequirementsFile } from './file-kinds.js';
export { DEPS_DOCS, DEPS_RULES, docsUrl } from './rules.js';
export type { Classification, SpecifierClass, Verdict } from './specifier/classes.js';
export { SPECIFIER_CLASSES } from './specifier/classes.js';

/**
 * Judges the manifests (package.json, pnpm-workspace.yaml, requirements*.txt, pyproject.toml) and
 * lockfiles among `files`: findings in categories `dependency` and `lockfile`, plus errors for
 * what could not be checked. Never throws for bad input: unreadable files are findings.
 */
export async function runDependencyChecks(input: DependencyCheckInput): Promise<DependencyCheckResult> {
  // Most commits touch no dependency file: they pay for one name test per file, nothing more.
  if (!input.files.some((f) => depsFileKind(f.path) !== undefined)) return { findings: [], errors: [] };
  const { runChecks } = await import('./run-checks.js');
  return runChecks(input);
}
