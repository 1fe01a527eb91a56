import type { DepsContext } from '../context.js';
import type { LockLookup } from '../lockfile/find-lockfile.js';
import { loadJson } from '../parse/load-json.js';
import { baseOf } from '../paths.js';
import { DEPS_RULES } from '../rules.js';
import { decodeText, type Span } from '../text-place.js';
import { dependencySignature } from './dependency-signature.js';
import { readHeadFile } from './head-file.js';

/** The paths the commit will contain: what the hook compares against. */
export function stagedSet(ctx: DepsContext): ReadonlySet<string> {
  return ctx.input.stagedPaths ?? new Set(ctx.input.files.map((f) => f.path));
}

/**
 * In the hook: a manifest whose dependencies changed against HEAD, committed without its lockfile,
 * leaves the repository with a lockfile that no longer matches — blocked, naming both files.
 */
export async function checkLockfileStaged(
  ctx: DepsContext,
  manifestPath: string,
  current: unknown,
  lookup: LockLookup,
  /** Where to point: given HEAD's parsed version (if any), the first dependency that changed. */
  locate: (before: unknown) => Span | undefined,
): Promise<void> {
  if (ctx.input.scope !== 'staged' || lookup.lockPath === undefined || !lookup.present) return;
  if (stagedSet(ctx).has(lookup.lockPath)) return;
  const kind = baseOf(manifestPath);
  const head = await readHeadFile(ctx, manifestPath);
  const before =
    head === undefined ? undefined : await parseQuietly(kind, manifestPath, decodeText(head).text);
  const now = dependencySignature(kind, current);
  // A manifest new to the repository changed "everything"; an unreadable old one counts as changed.
  if (head !== undefined && before !== undefined && dependencySignature(kind, before) === now) return;
  if (head === undefined && now === dependencySignature(kind, {})) return;
  await ctx.report({
    rule: DEPS_RULES.lockfileNotStaged,
    path: manifestPath,
    span: locate(before),
    message: `${manifestPath} changes dependencies but ${lookup.lockPath} is not staged: the commit would carry a lockfile that no longer matches`,
    fix: `Run the install to update ${lookup.lockPath}, then \`git add ${lookup.lockPath}\` (or unstage the dependency change).`,
    key: `not-staged\0${lookup.lockPath}`,
    properties: { lockfile: lookup.lockPath },
  });
}

async function parseQuietly(kind: string, path: string, text: string): Promise<unknown> {
  try {
    if (kind === 'package.json') return loadJson(text, path, 'E_MANIFEST').value;
    if (kind === 'pyproject.toml')
      return await (await import('../parse/load-toml.js')).loadToml(text, path, 'E_MANIFEST');
    return (await (await import('../parse/load-yaml.js')).loadYaml(text, path, 'E_MANIFEST')).docs[0];
  } catch {
    return undefined;
  }
}
