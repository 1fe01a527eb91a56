import type { Category, Severity } from '@seckit/core';

/** Where each rule is explained: one section per rule id in docs/dependencies.md. */
export const DEPS_DOCS = 'https://github.com/seckit/seckit/blob/main/packages/hooks/docs/dependencies.md';

export interface DepsRule {
  id: string;
  category: Category;
  severity: Severity;
  /** Which policy switch (`checks.dependencies` / `checks.lockfiles`) turns it off. */
  check: 'dependencies' | 'lockfiles';
  /** Pin rules are the ones `dependencies.exceptions` waive without naming a rule. */
  pin?: true;
}

/** Every rule of the dependency checks, with its default severity. The docs have one section each. */
export const DEPS_RULES = {
  unpinnedDependency: {
    id: 'seckit/unpinned-dependency',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
    pin: true,
  },
  gitDependencyUnpinned: {
    id: 'seckit/git-dependency-unpinned',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
    pin: true,
  },
  exactPeer: {
    id: 'seckit/exact-peer-dependency',
    category: 'dependency',
    severity: 'low',
    check: 'dependencies',
    pin: true,
  },
  insecureDependencyUrl: {
    id: 'seckit/insecure-dependency-url',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  pythonUnpinned: {
    id: 'seckit/python-unpinned',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
    pin: true,
  },
  buildRequiresUnpinned: {
    id: 'seckit/build-requires-unpinned',
    category: 'dependency',
    severity: 'medium',
    check: 'dependencies',
    pin: true,
  },
  pythonHashMissing: {
    id: 'seckit/python-hash-missing',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  pythonWeakHash: {
    id: 'seckit/python-weak-hash',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  pythonInsecureIndex: {
    id: 'seckit/python-insecure-index',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  pythonExtraIndex: {
    id: 'seckit/python-extra-index',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  pythonTrustedHost: {
    id: 'seckit/python-trusted-host',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  manifestUnreadable: {
    id: 'seckit/manifest-unreadable',
    category: 'dependency',
    severity: 'high',
    check: 'dependencies',
  },
  lockfileUnreadable: {
    id: 'seckit/lockfile-unreadable',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  lockfileInsecureUrl: {
    id: 'seckit/lockfile-insecure-url',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  lockfileUntrustedHost: {
    id: 'seckit/lockfile-untrusted-host',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  lockfileMissingIntegrity: {
    id: 'seckit/lockfile-missing-integrity',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  lockfileWeakIntegrity: {
    id: 'seckit/lockfile-weak-integrity',
    category: 'lockfile',
    severity: 'medium',
    check: 'lockfiles',
  },
  lockfileNameMismatch: {
    id: 'seckit/lockfile-name-mismatch',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  missingLockfile: {
    id: 'seckit/missing-lockfile',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
  lockfileDrift: { id: 'seckit/lockfile-drift', category: 'lockfile', severity: 'high', check: 'lockfiles' },
  lockfileNotStaged: {
    id: 'seckit/lockfile-not-staged',
    category: 'lockfile',
    severity: 'high',
    check: 'lockfiles',
  },
} as const satisfies Record<string, DepsRule>;

export type DepsRuleKey = keyof typeof DEPS_RULES;

/** GitHub's anchor for a heading "`seckit/unpinned-dependency`" drops the backticks and the slash. */
export function docsUrl(ruleId: string): string {
  return `${DEPS_DOCS}#${ruleId.replace('/', '')}`;
}
