import type { DepsContext } from '../context.js';
import { findLockfile } from '../lockfile/find-lockfile.js';
import {
  type JudgedNodeEntry,
  judgeNodeEntries,
  preferredLockfiles,
} from '../manifest/judge-node-manifest.js';
import { loadPackageJson, loadPnpmWorkspace } from '../manifest/manifest-store.js';
import { mustPin } from '../pin-policy.js';
import { AllowedRegistries } from '../registries/allowed-registries.js';
import type { Span } from '../text-place.js';

export interface PinEdit {
  /** File the edit applies to: the manifest, or the catalog holding the specifier. */
  file: string;
  span: Span;
  replacement: string;
  /** For people: "lodash: ^4.17.21 → 4.17.21". */
  what: string;
  /** Where the specifier was found (1-based), for the report. */
  line: number;
  column: number;
}

export interface PinTodo {
  file: string;
  line: number;
  column: number;
  what: string;
  why: string;
}

/**
 * The edits that pin a package.json's unpinned npm-family specifiers to the versions its
 * lockfile installs — ranges, dist-tags, tarball URLs, `npm:` aliases and `catalog:` entries (in
 * pnpm-workspace.yaml or bun's package.json) — and what it cannot pin, with why.
 */
export async function pinEdits(
  ctx: DepsContext,
  manifestPath: string,
): Promise<{ edits: PinEdit[]; todo: PinTodo[] }> {
  const edits: PinEdit[] = [];
  const todo: PinTodo[] = [];
  const manifest = await loadPackageJson(ctx, manifestPath);
  if (manifest === undefined) return { edits, todo };
  const lookup = await findLockfile(ctx, manifestPath, 'node', preferredLockfiles(manifest));
  const allowed = new AllowedRegistries(ctx.policy, []);
  for (const j of await judgeNodeEntries(ctx, manifest, lookup)) {
    const c = j.classification;
    if (c.verdict !== 'unpinned' || !mustPin(ctx.policy, j.entry.type)) continue;
    const text = (await ctx.text(j.path)) ?? '';
    const at = ctx.lineIndex(j.path, text).position(j.span?.start ?? 0);
    const place = { file: j.path, line: at.line, column: at.column };
    const what = `${j.entry.name}: ${currentSpec(j)}`;
    const next = pinnedSpec(j, allowed);
    if (typeof next !== 'string') {
      todo.push({ ...place, what, why: next.why });
      continue;
    }
    if (j.span === undefined) {
      todo.push({ ...place, what, why: 'its place in the file could not be found' });
      continue;
    }
    const replacement = j.catalog === undefined ? JSON.stringify(next) : await catalogToken(ctx, j, next);
    if (replacement === undefined) {
      todo.push({ ...place, what, why: 'the catalog entry could not be rewritten in place' });
      continue;
    }
    edits.push({ ...place, span: j.span, replacement, what: `${what} → ${next}` });
  }
  return { edits, todo };
}

function currentSpec(j: JudgedNodeEntry): string {
  return j.catalog === undefined ? j.entry.spec : `${j.entry.spec} (catalog: ${j.specifier ?? '?'})`;
}

/** The pinned form of the specifier, or why there is none. */
function pinnedSpec(j: JudgedNodeEntry, allowed: AllowedRegistries): string | { why: string } {
  const c = j.classification;
  const target = c.target ?? c.cls;
  if (target === 'git-ref') return { why: 'a git dependency: pin it to a full commit id by hand' };
  if (target === 'exec' || target === 'invalid') return { why: `${c.detail}: not a registry version` };
  if (c.cls === 'patch' || c.cls === 'reference')
    return { why: `a ${c.cls === 'patch' ? 'patch:' : '$reference'} specifier: pin what it wraps by hand` };
  if (j.entry.type === 'packageManager')
    return { why: 'packageManager: write the exact version (e.g. pnpm@10.0.0) by hand' };
  if (target !== 'range' && target !== 'tag' && target !== 'url')
    return { why: `${c.detail}: nothing to pin to` };
  const version = j.lockedVersion;
  if (version === undefined) return { why: 'no lockfile records a version for it: install first' };
  const spec = j.entry.spec.trim();
  if (target === 'url' && !isRegistryTarball(spec, j.entry.pkg, version, allowed)) {
    return { why: 'a tarball URL that is not this package on an allowed registry: pin it by hand' };
  }
  if (c.cls === 'alias' && c.realName !== undefined) return `npm:${c.realName}@${version}`;
  if (c.cls === 'jsr') {
    const rest = spec.slice(4);
    const at = rest.lastIndexOf('@');
    return at > 0 ? `jsr:${rest.slice(0, at)}@${version}` : `jsr:${version}`;
  }
  if (spec.startsWith('npm:')) return `npm:${version}`;
  return version;
}

/** A catalog value keeps its quoting: `react: ^18.3.1` → `react: 18.3.1`, `'^1'` → `'1.0.0'`. */
async function catalogToken(
  ctx: DepsContext,
  j: JudgedNodeEntry,
  version: string,
): Promise<string | undefined> {
  const file = j.catalog!.file;
  if (file.endsWith('.json')) return JSON.stringify(version);
  const ws = await loadPnpmWorkspace(ctx, file);
  const path = ws?.catalogs.get(j.catalog!.name)?.get(j.entry.pkg)?.path;
  const value = path === undefined ? undefined : ws?.valueSpan(path);
  if (value === undefined) return undefined;
  if (value.style === 'single') return `'${version}'`;
  if (value.style === 'double') return JSON.stringify(version);
  return value.style === 'plain' ? version : undefined;
}

/** Applies non-overlapping edits to a text (last first, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly PinEdit[]): string {
  let out = text;
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let limit = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.span.end > limit) continue; // the same token twice (a catalog entry used by two manifests)
    out = out.slice(0, e.span.start) + e.replacement + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}

/**
 * A tarball URL is replaced by a registry version only when it is that very version's tarball on
 * an allowed registry; a URL elsewhere (a fork, a private build) is another source, not a version.
 */
function isRegistryTarball(spec: string, pkg: string, version: string, allowed: AllowedRegistries): boolean {
  const unscoped = pkg.slice(pkg.lastIndexOf('/') + 1);
  const path = spec.replace(/[?#].*$/, '');
  return (
    spec.startsWith('https://') &&
    path.endsWith(`/${pkg}/-/${unscoped}-${version}.tgz`) &&
    allowed.allows(spec)
  );
}
