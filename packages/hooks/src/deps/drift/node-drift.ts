import type { DepsContext } from '../context.js';
import type { LockLookup } from '../lockfile/find-lockfile.js';
import type { RecordedSpecs } from '../lockfile/lock-model.js';
import { DEPENDENCY_SECTIONS, type NodeManifest } from '../manifest/package-json.js';
import { DEPS_RULES } from '../rules.js';
import { classifyRegistrySpec } from '../specifier/semver-range.js';

interface Drift {
  section: string;
  name: string;
  manifest?: string;
  lock?: string;
}

const INSTALL: Record<string, string> = {
  npm: 'npm install',
  pnpm: 'pnpm install',
  'yarn-v1': 'yarn install',
  'yarn-berry': 'yarn install',
  bun: 'bun install',
};

/**
 * Compares a package.json's specifiers with what its lockfile recorded for it: pnpm importers,
 * npm's root and workspace entries, bun workspaces, yarn berry workspace entries; Yarn 1 records
 * only `name@range` keys, so there a changed range shows as a key that does not exist.
 */
export async function checkNodeDrift(
  ctx: DepsContext,
  manifest: NodeManifest,
  lookup: LockLookup,
): Promise<void> {
  const lock = lookup.lock;
  if (lock === undefined) return;
  const wanted = manifestSections(manifest);
  let drifts: Drift[] = [];
  switch (lock.kind) {
    case 'npm':
    case 'bun': {
      const recorded = lock.recorded(lookup.importer);
      if (recorded !== undefined) drifts = compareSections(wanted, recorded, DEPENDENCY_SECTIONS);
      break;
    }
    case 'pnpm': {
      const recorded = lock.recorded(lookup.importer);
      if (recorded === undefined) break;
      // pnpm lists each dependency once: optional over prod over dev.
      const dev = new Map(wanted.get('devDependencies'));
      const prod = new Map(wanted.get('dependencies'));
      const optional = wanted.get('optionalDependencies') ?? new Map<string, string>();
      for (const name of optional.keys()) {
        prod.delete(name);
        dev.delete(name);
      }
      for (const name of prod.keys()) dev.delete(name);
      const expected = new Map([
        ['dependencies', prod],
        ['devDependencies', dev],
        ['optionalDependencies', optional],
      ]);
      const peers = wanted.get('peerDependencies') ?? new Map<string, string>();
      drifts = compareSections(expected, recorded, [
        'dependencies',
        'devDependencies',
        'optionalDependencies',
      ]).filter(
        // auto-installed peers appear in the importer with the peer's own range
        (d) => !(d.manifest === undefined && d.lock !== undefined && peers.get(d.name) === d.lock),
      );
      break;
    }
    case 'yarn-berry': {
      const recorded = lock.recorded(lookup.importer)?.get('merged');
      if (recorded === undefined) break;
      const merged = new Map<string, string>();
      for (const section of DEPENDENCY_SECTIONS)
        for (const [n, s] of wanted.get(section) ?? []) merged.set(n, s);
      for (const [name, spec] of merged) {
        const inLock = recorded.get(name);
        if (inLock === undefined) drifts.push({ section: sectionOf(wanted, name), name, manifest: spec });
        else if (berryNormal(inLock) !== berryNormal(spec))
          drifts.push({ section: sectionOf(wanted, name), name, manifest: spec, lock: inLock });
      }
      for (const [name, spec] of recorded)
        if (!merged.has(name)) drifts.push({ section: 'dependencies', name, lock: spec });
      break;
    }
    case 'yarn-v1':
      for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        for (const [name, spec] of wanted.get(section) ?? []) {
          if (lock.hasName(name) && !lock.hasDescriptor(name, spec))
            drifts.push({ section, name, manifest: spec, lock: '(another range)' });
        }
      }
      break;
    default:
      break;
  }
  const install = INSTALL[lock.kind] ?? 'the install';
  for (const d of drifts) {
    const entry = manifest.entries.find((e) => e.section === d.section && e.name === d.name);
    const what =
      d.manifest === undefined
        ? `"${d.name}" is gone from ${d.section} but ${lock.path} still records "${d.lock}"`
        : d.lock === undefined
          ? `"${d.name}": "${d.manifest}" in ${d.section} is not in ${lock.path}`
          : `"${d.name}" is "${d.manifest}" in ${d.section} but ${lock.path} recorded "${d.lock}"`;
    await ctx.report({
      rule: DEPS_RULES.lockfileDrift,
      path: manifest.path,
      span: entry?.span ?? manifest.json.keySpanOf([d.section]),
      message: `${what}: the lockfile no longer matches package.json, so a frozen install (CI) fails or installs something else`,
      fix: `Run \`${install}\` and commit ${lock.path} together with ${manifest.path}.`,
      key: `drift\0${d.section}\0${d.name}`,
      properties: { lockfile: lock.path, dependency: d.name },
    });
  }
}

export function manifestSections(manifest: NodeManifest): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const section of DEPENDENCY_SECTIONS) out.set(section, new Map());
  for (const e of manifest.entries) {
    if ((DEPENDENCY_SECTIONS as readonly string[]).includes(e.section))
      out.get(e.section)!.set(e.name, e.spec);
  }
  return out;
}

function compareSections(
  wanted: Map<string, Map<string, string>>,
  recorded: RecordedSpecs,
  sections: readonly string[],
): Drift[] {
  const drifts: Drift[] = [];
  for (const section of sections) {
    const want = wanted.get(section) ?? new Map<string, string>();
    const have = recorded.get(section) ?? new Map<string, string>();
    for (const [name, spec] of want) {
      const locked = have.get(name);
      if (locked === undefined) drifts.push({ section, name, manifest: spec });
      else if (locked !== spec) drifts.push({ section, name, manifest: spec, lock: locked });
    }
    for (const [name, spec] of have) if (!want.has(name)) drifts.push({ section, name, lock: spec });
  }
  return drifts;
}

function sectionOf(wanted: Map<string, Map<string, string>>, name: string): string {
  for (const section of DEPENDENCY_SECTIONS) if (wanted.get(section)?.has(name)) return section;
  return 'dependencies';
}

/** Yarn berry writes registry ranges as `npm:^1.0.0`; the manifest usually says `^1.0.0`. */
function berryNormal(spec: string): string {
  const s = spec.trim();
  if (s.startsWith('npm:')) {
    const rest = s.slice(4);
    const c = classifyRegistrySpec(rest);
    if (c.cls === 'exact' || c.cls === 'range' || c.cls === 'tag') return rest;
  }
  return s;
}
