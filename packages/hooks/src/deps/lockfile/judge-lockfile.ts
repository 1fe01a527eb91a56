import type { DepsContext } from '../context.js';
import { dirOf } from '../paths.js';
import { exceptionFor } from '../pin-policy.js';
import { registriesFor } from '../registries/registry-config.js';
import { DEPS_RULES, type DepsRule } from '../rules.js';
import { displayUrl, parseUrl, transportOf } from '../safe-url.js';
import { integrityStrength } from './integrity.js';
import { LOCAL_SOURCES, type LockEntry } from './lock-model.js';
import { loadLockfile } from './lockfile-store.js';
import type { AnyLock } from './read-lockfile.js';

const REINSTALL: Record<AnyLock['kind'], string> = {
  npm: 'npm install',
  pnpm: 'pnpm install',
  'yarn-v1': 'yarn install',
  'yarn-berry': 'yarn install',
  bun: 'bun install',
  uv: 'uv lock',
  poetry: 'poetry lock',
};

/** Every check on one lockfile: transport, host, integrity presence and strength, tarball names. */
export async function judgeLockfile(ctx: DepsContext, path: string): Promise<void> {
  const result = await loadLockfile(ctx, path);
  const lock = result?.lock;
  if (lock === undefined) return;
  const python = lock.kind === 'uv' || lock.kind === 'poetry';
  const { allowed, configured } = await registriesFor(ctx, dirOf(path), python ? 'python' : 'node');
  const reinstall = REINSTALL[lock.kind];
  const platformOnly: LockEntry[] = [];
  const urlProblems = new Map<string, UrlProblem>();
  const allows = allowed.allows.bind(allowed);
  for (const entry of lock.entries) {
    if (LOCAL_SOURCES.has(entry.source)) continue;
    collectUrlProblems(entry, allows, urlProblems);
    // Yarn 2+ records a checksum only for the platforms it fetched (its supportedArchitectures).
    if (entry.conditions !== undefined && entry.integrity.length === 0) platformOnly.push(entry);
    else await judgeIntegrity(ctx, lock, entry, reinstall);
    await judgeTarballName(ctx, lock, entry);
  }
  for (const problem of urlProblems.values())
    await reportUrlProblem(ctx, lock, problem, allowed.describe(), reinstall);
  if (platformOnly.length > 0) await reportPlatformChecksums(ctx, lock, platformOnly);
  // Registries the lockfile does not write down are the configured ones: they must be https too.
  if (lock.implicitRegistry) {
    for (const registry of configured) {
      const url = parseUrl(registry.url);
      if (url === undefined || transportOf(url) !== 'http') continue;
      await ctx.report({
        rule: DEPS_RULES.lockfileInsecureUrl,
        path,
        span: undefined,
        message: `Packages in ${path} come from ${displayUrl(registry.url)} (${registry.key} in ${registry.file}) over plain http: anyone on the network path can swap them`,
        fix: `Use https for ${registry.key} in ${registry.file}, then run \`${reinstall}\`.`,
        key: `registry\0${registry.key}`,
        properties: { url: displayUrl(registry.url) },
      });
    }
  }
}

function entryLabel(entry: LockEntry): string {
  const name = entry.alias === undefined ? entry.name : `${entry.alias} (${entry.name})`;
  return entry.version === undefined ? name : `${name}@${entry.version}`;
}

interface UrlProblem {
  rule: DepsRule;
  host: string;
  /** For plain-transport problems: "http" or "git". */
  transport: string;
  entries: { entry: LockEntry; raw: string }[];
}

/**
 * Transport and host of each URL an entry is fetched from. Problems are grouped by host: a mirror
 * outside the allowed list shows as one finding naming how many packages use it, not thousands.
 */
function collectUrlProblems(
  entry: LockEntry,
  allows: (url: string) => boolean,
  problems: Map<string, UrlProblem>,
): void {
  let insecureDone = false;
  let hostDone = false;
  for (const raw of entry.urls) {
    // The common case, https, is decided without parsing a URL per entry.
    let transport = 'https';
    if (!raw.startsWith('https://')) {
      const url = parseUrl(raw);
      if (url === undefined) continue; // relative paths (links), `github:` shorthands: not fetched over a URL here
      transport = transportOf(url);
    }
    if (transport === 'file') continue;
    const add = (rule: DepsRule) => {
      const host = parseUrl(raw)?.hostname ?? raw;
      const key = `${rule.id}\0${host}`;
      let problem = problems.get(key);
      if (problem === undefined) {
        problem = { rule, host, transport, entries: [] };
        problems.set(key, problem);
      }
      problem.entries.push({ entry, raw });
    };
    if (!insecureDone && (transport === 'http' || transport === 'git')) {
      insecureDone = true;
      add(DEPS_RULES.lockfileInsecureUrl);
    }
    if (!hostDone && !allows(raw)) {
      hostDone = true;
      add(DEPS_RULES.lockfileUntrustedHost);
    }
  }
}

async function reportUrlProblem(
  ctx: DepsContext,
  lock: AnyLock,
  problem: UrlProblem,
  allowedList: string,
  reinstall: string,
): Promise<void> {
  const python = lock.kind === 'uv' || lock.kind === 'poetry';
  // Dependency exceptions name packages: drop the excepted ones before grouping.
  const kept = problem.entries.filter(
    ({ entry }) =>
      exceptionFor(ctx.policy, { ruleId: problem.rule.id, pinRule: false, pkg: entry.name, python }, ctx.now)
        .active === undefined,
  );
  const first = kept[0];
  if (first === undefined) return;
  const { host } = problem;
  const shown = kept.slice(0, 3).map((e) => entryLabel(e.entry));
  const who =
    kept.length === 1
      ? `${shown[0]} comes from`
      : `${kept.length} packages (${shown.join(', ')}${kept.length > 3 ? ', …' : ''}) come from`;
  const insecure = problem.rule.id === DEPS_RULES.lockfileInsecureUrl.id;
  const git = first.entry.source === 'git';
  await ctx.report({
    rule: problem.rule,
    path: lock.path,
    span: first.entry.where('url'),
    message: insecure
      ? `${who} ${host} over ${problem.transport === 'git' ? 'the unencrypted git:// protocol' : 'plain http'} (${displayUrl(first.raw)}): anyone on the network path can swap ${kept.length === 1 ? 'it' : 'them'}`
      : `${who} ${host} (${displayUrl(first.raw)}), which is not an allowed ${git ? 'source' : 'registry'} (allowed: ${allowedList})`,
    fix: insecure
      ? `Fetch from https (or git+https / git+ssh) and run \`${reinstall}\` so the lockfile records that.`
      : `If ${host} is trusted, add it to "registries.allowed" in .seckit/policy.json (or configure it in .npmrc / .yarnrc.yml); otherwise install from an allowed registry and run \`${reinstall}\`.`,
    key: `${insecure ? 'transport' : 'host'}\0${host}`,
    properties: { host, packages: kept.length, source: first.entry.source },
  });
}

async function judgeIntegrity(
  ctx: DepsContext,
  lock: AnyLock,
  entry: LockEntry,
  reinstall: string,
): Promise<void> {
  // Git dependencies are fixed by their commit id; their lock entries legitimately carry no hash.
  if (entry.source === 'git') return;
  const strength =
    entry.unhashedFiles !== undefined && entry.unhashedFiles > 0
      ? ({ kind: 'missing' } as const)
      : integrityStrength(entry.integrity, entry.integrityKind, entry.runtime === true);
  if (strength.kind === 'strong') return;
  if (strength.kind === 'missing') {
    const some =
      entry.integrity.length > 0
        ? ` (${entry.unhashedFiles} file${entry.unhashedFiles === 1 ? '' : 's'} without one)`
        : '';
    const yarnUrl = lock.kind === 'yarn-v1' && entry.source === 'tarball';
    await ctx.report({
      rule: DEPS_RULES.lockfileMissingIntegrity,
      path: lock.path,
      span: entry.where('integrity'),
      message: `${entryLabel(entry)} has no integrity hash in ${lock.path}${some}: a changed ${lock.kind === 'uv' || lock.kind === 'poetry' ? 'file' : 'tarball'} would install without notice`,
      fix: yarnUrl
        ? 'Yarn 1 records no hash for URL dependencies: depend on a registry version instead, then run `yarn install`.'
        : `Delete the entry and run \`${reinstall}\` so the package manager records the hash; never hand-edit hashes out.`,
      key: entry.key,
      pkg: entry.name,
      properties: { source: entry.source },
    });
    return;
  }
  await ctx.report({
    rule: DEPS_RULES.lockfileWeakIntegrity,
    path: lock.path,
    span: entry.where('integrity'),
    message: `${entryLabel(entry)} is only protected by ${strength.algorithm}, weaker than ${entry.integrityKind === 'python' ? 'sha256' : 'sha512'}: a forged ${entry.integrityKind === 'python' ? 'file' : 'tarball'} could match it`,
    fix: `Delete the entry and run \`${reinstall}\` to record the registry's sha512; if your registry only serves ${strength.algorithm}, add a dependencies exception for this package and rule with a reason.`,
    key: entry.key,
    pkg: entry.name,
    properties: { algorithm: strength.algorithm },
  });
}

/**
 * npm-style tarball URLs (`…/<name>/-/<file>-<version>.tgz`, any registry) must name the package
 * the entry says it installs; and an entry installed under another name must be an alias some
 * package.json declares (`npm:<name>@…`). Both hide one package behind another's name.
 */
async function judgeTarballName(ctx: DepsContext, lock: AnyLock, entry: LockEntry): Promise<void> {
  if (entry.source !== 'registry' && entry.source !== 'tarball') return;
  const unscopedName = entry.name.slice(entry.name.lastIndexOf('/') + 1);
  const expected =
    entry.version === undefined ? undefined : `/${entry.name}/-/${unscopedName}-${entry.version}.tgz`;
  for (const raw of entry.urls) {
    // The registry's own layout, nothing encoded or relative: nothing to decode.
    if (expected !== undefined && !raw.includes('%') && !raw.includes('/.')) {
      const cut = raw.search(/[?#]/);
      if ((cut < 0 ? raw : raw.slice(0, cut)).endsWith(expected)) continue;
    }
    const url = parseUrl(raw);
    if (url === undefined) continue;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const dash = path.lastIndexOf('/-/');
    if (dash < 0) continue;
    const segments = path.slice(0, dash).split('/');
    const last = segments[segments.length - 1] ?? '';
    const scope = segments[segments.length - 2];
    const urlName = scope?.startsWith('@') ? `${scope}/${last}` : last;
    const file = path.slice(dash + 3);
    const unscoped = entry.name.slice(entry.name.lastIndexOf('/') + 1);
    const fileOk =
      file.startsWith(`${unscoped}-`) &&
      (entry.version === undefined || file === `${unscoped}-${entry.version}.tgz`);
    if (urlName === entry.name && fileOk) continue;
    await ctx.report({
      rule: DEPS_RULES.lockfileNameMismatch,
      path: lock.path,
      span: entry.where('url'),
      message: `${entryLabel(entry)} is downloaded from ${displayUrl(raw)}, a tarball of "${urlName}" (${file}), not of ${entry.name}${entry.version === undefined ? '' : `@${entry.version}`}`,
      fix: 'Restore this entry from a trusted revision or regenerate the lockfile; if another package is meant, declare it as an alias in package.json ("name": "npm:<real-name>@<version>").',
      key: entry.key,
      pkg: entry.name,
      properties: { tarballName: urlName },
    });
    return;
  }
  if (entry.alias !== undefined && entry.aliasDeclared === false && entry.source === 'registry') {
    await ctx.report({
      rule: DEPS_RULES.lockfileNameMismatch,
      path: lock.path,
      span: entry.where('key'),
      message: `${lock.path} installs ${entry.name}${entry.version === undefined ? '' : `@${entry.version}`} under the name "${entry.alias}", but no package.json in it declares that alias`,
      fix: `If intended, declare it ("${entry.alias}": "npm:${entry.name}@<version>") and reinstall; otherwise regenerate the lockfile from a trusted revision.`,
      key: entry.key,
      pkg: entry.name,
      properties: { alias: entry.alias },
    });
  }
}

/**
 * One finding for all platform-only packages without a checksum (esbuild, rollup, swc… ship one
 * per OS and CPU): not fetched where the lockfile was written, so nothing verifies them where
 * they are installed. Medium: Yarn's default, fixed by one setting, not a tampered file.
 */
async function reportPlatformChecksums(ctx: DepsContext, lock: AnyLock, entries: LockEntry[]): Promise<void> {
  const first = entries[0]!;
  const names = entries.slice(0, 3).map((e) => `${e.name}@${e.version ?? '?'} (${e.conditions})`);
  await ctx.report({
    rule: { ...DEPS_RULES.lockfileMissingIntegrity, severity: 'medium' },
    path: lock.path,
    span: first.where('key'),
    message: `${entries.length} platform-only package${entries.length === 1 ? ' has' : 's have'} no checksum in ${lock.path} (${names.join(', ')}${entries.length > 3 ? ', …' : ''}): Yarn records checksums only for the platforms it fetched, so installs on the others verify nothing`,
    fix: 'List every platform you install on in .yarnrc.yml (supportedArchitectures: os, cpu, libc), run `yarn install`, and commit the checksums it adds.',
    key: 'platform-checksums',
    properties: { packages: entries.length },
  });
}
