/**
 * The closed set every specifier is sorted into before it is judged, for npm-family and Python
 * manifests alike. The class (and, for an indirection, the class of its target) is part of every
 * finding, so users see why something counts as pinned or not.
 */
export const SPECIFIER_CLASSES = [
  /** One registry version: `4.17.21`, `=4.17.21`, `==2.31.0`, `===2.31.0`, Poetry `2.31.0`. */
  'exact',
  /** Any set of versions: `^1.2.3`, `~1.2`, `1.x`, `*`, `""`, `>=2,<3`, `~=2.31`, `==2.31.*`, a bare name. */
  'range',
  /** An npm dist-tag such as `latest`: moved by whoever publishes. */
  'tag',
  /** A git dependency fixed by a full 40- (or 64-) hex commit id. */
  'git-commit',
  /** A git dependency following a branch, a tag, a semver range, an abbreviated id or HEAD. */
  'git-ref',
  /** A tarball or archive URL without a content hash. */
  'url',
  /** A URL with a content hash (`#sha256=…`). */
  'url-hashed',
  /** A local archive (`file:./x.tgz`, `./dist/x.whl`). */
  'file',
  /** A local folder (`file:../x`, `-e .`, Poetry `path`). */
  'directory',
  /** `link:` (pnpm, yarn): a symlink to a folder. */
  'link',
  /** `workspace:` or a workspace member: the package comes from this repository. */
  'workspace',
  /** `catalog:` / `catalog:<name>`: the version is written in the catalog (pnpm-workspace.yaml, bun). */
  'catalog',
  /** `npm:<name>@<spec>`: installs another package under this name; judged by `<spec>`. */
  'alias',
  /** yarn `patch:`: a patched package; judged by the wrapped descriptor. */
  'patch',
  /** yarn `portal:`: a local folder with its dependencies. */
  'portal',
  /** yarn `exec:`: a package produced by running a script. */
  'exec',
  /** `jsr:` packages; judged by their version part. */
  'jsr',
  /** `$name` in overrides: the version of the direct dependency `name`. */
  'reference',
  /** `-` in pnpm overrides: removes the dependency. */
  'remove',
  /** `-r other.txt`: the lines of another requirements file. */
  'include',
  /** `-c constraints.txt`: versions that constrain the requirements. */
  'constraint',
  /** Python `-e <vcs-url>` / `-e <path>`: an editable install. */
  'editable',
  /** `requires-python`, Poetry `python`, `engines`: constraints on the interpreter, not a package. */
  'interpreter',
  /** Not a valid specifier: the package manager would reject or misread it. */
  'invalid',
] as const;

export type SpecifierClass = (typeof SPECIFIER_CLASSES)[number];

/** Never two verdicts: what is local or about the interpreter is neither pinned nor unpinned. */
export type Verdict = 'pinned' | 'unpinned' | 'not-applicable';

export interface Classification {
  cls: SpecifierClass;
  /** For alias, catalog, patch, jsr and reference: the class of what they point at. */
  target?: SpecifierClass;
  verdict: Verdict;
  /** The reason in words: "caret range", "branch or tag \"main\"", "prefix match". */
  detail: string;
  /** The exact version it fixes, when it fixes one. */
  version?: string;
  /** For an alias: the package actually installed. */
  realName?: string;
  /** Fetched over plain http:// or git://: readable and changeable in transit. */
  insecure?: boolean;
  /** A weak hash (md5/sha1/sha224) stands in for the content pin. */
  weakHash?: string;
  /** Pinned, but worth a second look (`v1.2.3`, build metadata, local-label builds). */
  note?: string;
}

/** A commit id git cannot move: 40 hex digits (SHA-1) or 64 (SHA-256 repositories). */
export function isFullCommit(ref: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref);
}

export function describeClass(c: Classification): string {
  return c.target === undefined ? c.cls : `${c.cls} → ${c.target}`;
}
