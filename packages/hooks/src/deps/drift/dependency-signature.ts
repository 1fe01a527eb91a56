import { isRecord, own } from '../parse/records.js';

/** The parts of a manifest a lockfile depends on, per file kind. */
const PARTS: Record<string, readonly (readonly string[])[]> = {
  'package.json': [
    ['dependencies'],
    ['devDependencies'],
    ['optionalDependencies'],
    ['peerDependencies'],
    ['overrides'],
    ['resolutions'],
    ['workspaces'],
    ['pnpm', 'overrides'],
    ['pnpm', 'patchedDependencies'],
    ['catalog'],
    ['catalogs'],
  ],
  'pnpm-workspace.yaml': [['packages'], ['catalog'], ['catalogs'], ['overrides'], ['patchedDependencies']],
  'pyproject.toml': [
    ['project', 'dependencies'],
    ['project', 'optional-dependencies'],
    ['project', 'requires-python'],
    ['dependency-groups'],
    ['build-system', 'requires'],
    ['tool', 'poetry', 'dependencies'],
    ['tool', 'poetry', 'dev-dependencies'],
    ['tool', 'poetry', 'group'],
    ['tool', 'poetry', 'source'],
    ['tool', 'uv'],
  ],
};

/** A stable string of the dependency-relevant parts: equal signatures, no lockfile change needed. */
export function dependencySignature(kind: string, doc: unknown): string {
  const parts = PARTS[kind] ?? [];
  return stable(
    parts.map((path) => {
      let value: unknown = doc;
      for (const key of path) value = own(value, key);
      return value ?? null;
    }),
  );
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? 'null';
}
