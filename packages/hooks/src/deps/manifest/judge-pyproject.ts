import type { DepsContext } from '../context.js';
import { checkLockfileStaged } from '../drift/lockfile-staged.js';
import { findLockfile, type LockLookup } from '../lockfile/find-lockfile.js';
import { mustPin } from '../pin-policy.js';
import { DEPS_RULES } from '../rules.js';
import { displayUrl, parseUrl } from '../safe-url.js';
import { describeClass } from '../specifier/classes.js';
import { normalizePythonName } from '../specifier/pep508.js';
import { displaySpec } from './display-spec.js';
import { loadPyproject } from './manifest-store.js';
import type { PyEntry, PyProject } from './pyproject.js';

const LOCAL = new Set(['workspace', 'directory', 'file', 'editable', 'interpreter']);

/** pyproject.toml: dependency pins (build requires apart), indexes, lockfile presence and drift. */
export async function judgePyproject(
  ctx: DepsContext,
  path: string,
  compare: (lockPath: string) => boolean,
): Promise<void> {
  const project = await loadPyproject(ctx, path);
  if (project === undefined) return;
  const prefer = project.tool === 'poetry' ? ['poetry.lock'] : project.tool === 'uv' ? ['uv.lock'] : [];
  const lookup = await findLockfile(ctx, path, 'python', prefer);
  for (const entry of project.entries) await reportEntry(ctx, project, entry, lookup);
  for (const index of project.indexes) {
    const url = parseUrl(index.url);
    if (url?.protocol === 'http:') {
      await ctx.report({
        rule: DEPS_RULES.pythonInsecureIndex,
        path,
        span: index.span,
        message: `${index.section} ${displayUrl(index.url)} is plain http: packages and their index pages can be swapped in transit`,
        fix: 'Use https for the index.',
        key: `${index.section}\0${url.host}\0http`,
        properties: { ecosystem: 'pypi', option: index.section },
      });
    }
    if (index.extra) {
      await ctx.report({
        rule: DEPS_RULES.pythonExtraIndex,
        path,
        span: index.span,
        message: `${index.section} ${displayUrl(index.url)} with index-strategy "unsafe-best-match": the best version from any index wins, so a same-named package on PyPI can replace yours (dependency confusion)`,
        fix: 'Drop "unsafe-best-match" (uv then stops at the first index that has a package), or mark the index "explicit" and point only your packages at it.',
        key: `${index.section}\0${url?.host ?? index.url}`,
        properties: { ecosystem: 'pypi', option: index.section },
      });
    }
  }
  await checkPresent(ctx, project, lookup);
  if (lookup.lock !== undefined && lookup.lockPath !== undefined && compare(lookup.lockPath))
    await uvDrift(ctx, project, lookup);
  const first = project.entries.find((e) => e.type !== 'pythonBuild' && !LOCAL.has(e.classification.cls));
  await checkLockfileStaged(ctx, path, project.doc, lookup, () => first?.span);
}

async function reportEntry(
  ctx: DepsContext,
  project: PyProject,
  entry: PyEntry,
  lookup: LockLookup,
): Promise<void> {
  const c = entry.classification;
  const pkg = normalizePythonName(entry.name);
  const spec = displaySpec(entry.spec);
  const properties = {
    ecosystem: 'pypi',
    dependencyType: entry.type,
    package: pkg,
    specifier: spec,
    specifierClass: c.cls,
    verdict: c.verdict,
  };
  const common = { path: project.path, span: entry.span, pkg, type: entry.type, python: true, properties };
  if (c.insecure === true) {
    await ctx.report({
      ...common,
      rule: DEPS_RULES.insecureDependencyUrl,
      message: `${entry.name} in ${entry.section} is fetched over an unencrypted connection ("${spec}"): anyone on the network path can change what gets installed`,
      fix: 'Use an https (or git+https / git+ssh) URL.',
      key: `${entry.section}\0${pkg}\0insecure`,
    });
  }
  if (c.weakHash !== undefined) {
    await ctx.report({
      ...common,
      rule: DEPS_RULES.pythonWeakHash,
      message: `${entry.name} in ${entry.section}: the URL is pinned by ${c.weakHash}, which can be forged`,
      fix: 'Use a #sha256= hash of the archive.',
      key: `${entry.section}\0${pkg}\0url-${c.weakHash}`,
    });
  }
  if (c.verdict !== 'unpinned' || !mustPin(ctx.policy, entry.type)) return;
  const build = entry.type === 'pythonBuild';
  const locked = build
    ? undefined
    : lookup.lock?.resolvedVersion(lookup.importer, entry.type, entry.name, entry.spec);
  await ctx.report({
    ...common,
    rule: build ? DEPS_RULES.buildRequiresUnpinned : DEPS_RULES.pythonUnpinned,
    message: `${entry.name}: "${spec}" in ${entry.section} is not one exact version (${c.detail}; class ${describeClass(c)})${
      build ? ': the build tools change between builds' : ''
    }.${locked === undefined ? '' : ` ${lookup.lockPath} resolves ${locked}.`}`,
    fix:
      c.cls === 'git-ref'
        ? 'Pin it to a full commit id (rev = "<40-hex commit>"); branches and tags move.'
        : locked !== undefined
          ? `Pin it: ${entry.section.startsWith('tool.poetry') ? `${entry.name} = "${locked}"` : `"${entry.name}==${locked}"`} (the version the lockfile installs).`
          : `Pin it with an exact version (${entry.section.startsWith('tool.poetry') ? `${entry.name} = "<version>"` : `"${entry.name}==<version>"`}).`,
    key: `${entry.section}\0${pkg}\0${c.cls}`,
    properties: { ...properties, ...(locked === undefined ? {} : { lockedVersion: locked }) },
  });
}

async function checkPresent(ctx: DepsContext, project: PyProject, lookup: LockLookup): Promise<void> {
  if (lookup.present || project.tool === undefined) return;
  const needing = project.entries.filter(
    (e) =>
      (e.type === 'python' || e.type === 'pythonDev') &&
      !LOCAL.has(e.classification.cls) &&
      e.classification.verdict !== 'not-applicable',
  );
  const first = needing[0];
  if (first === undefined) return;
  const lockName = project.tool === 'poetry' ? 'poetry.lock' : 'uv.lock';
  await ctx.report({
    rule: DEPS_RULES.missingLockfile,
    path: project.path,
    span: first.span,
    message: `${project.path} is a ${project.tool} project with ${needing.length} dependenc${needing.length === 1 ? 'y' : 'ies'} but no ${lockName}: every install resolves them anew`,
    fix: `Run \`${project.tool === 'poetry' ? 'poetry lock' : 'uv lock'}\` and commit ${lockName}.`,
    key: 'missing-lockfile',
  });
}

/** uv.lock records the project's own requirements (`requires-dist`): they must match pyproject.toml. */
async function uvDrift(ctx: DepsContext, project: PyProject, lookup: LockLookup): Promise<void> {
  const lock = lookup.lock;
  if (lock?.kind !== 'uv' || lookup.importer !== '') return;
  const recorded = lock.requiresDist();
  if (recorded === undefined) return;
  const normal = (spec: string) =>
    spec
      .replace(/\s+/g, '')
      .replace(/^\((.*)\)$/, '$1')
      .split(',')
      .sort()
      .join(',');
  const locked = new Map<string, string[]>();
  for (const r of recorded) locked.set(r.name, [...(locked.get(r.name) ?? []), normal(r.spec)]);
  for (const r of project.projectRequirements) {
    const specs = locked.get(r.name);
    if (specs?.includes(normal(r.spec))) continue;
    const entry = project.entries.find(
      (e) => normalizePythonName(e.name) === r.name && e.section.startsWith('project.'),
    );
    await ctx.report({
      rule: DEPS_RULES.lockfileDrift,
      path: project.path,
      span: entry?.span,
      message:
        specs === undefined
          ? `${r.name}${r.spec} is not in ${lock.path}: the lockfile was written before it was added`
          : `${r.name} is "${r.spec}" in ${project.path} but ${lock.path} recorded "${specs.join('" / "')}"`,
      fix: `Run \`uv lock\` and commit ${lock.path} together with ${project.path}.`,
      key: `drift\0${r.name}`,
      properties: { lockfile: lock.path, dependency: r.name },
    });
  }
}
