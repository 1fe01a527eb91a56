import { loadYaml, type YamlFile } from '../parse/load-yaml.js';
import { DepsParseError } from '../parse/parse-error.js';
import { isRecord, own, ownRecord } from '../parse/records.js';
import type { Span } from '../text-place.js';
import type { CatalogEntry, Catalogs, NodeEntry } from './package-json.js';
import { selectorPackage } from './package-json.js';

export interface PnpmWorkspace {
  path: string;
  text: string;
  yaml: YamlFile;
  packages: string[];
  catalogs: Catalogs;
  /** `overrides:` (pnpm 10 moved them here from package.json's `pnpm.overrides`). */
  overrides: NodeEntry[];
  /** Where the value of a catalog entry is, with its quoting, for rewriting it in place. */
  valueSpan(path: readonly (string | number)[]): { span: Span; style: string } | undefined;
}

export async function parsePnpmWorkspace(path: string, text: string): Promise<PnpmWorkspace> {
  const yaml = await loadYaml(text, path, 'E_MANIFEST');
  const doc = yaml.docs[0] ?? '';
  if (doc !== '' && !isRecord(doc)) throw new DepsParseError('E_MANIFEST', path, 'expected a YAML mapping');
  const catalogs: Catalogs = new Map();
  const readCatalog = (table: unknown, name: string, at: string[]) => {
    if (!isRecord(table)) return;
    const entries = new Map<string, CatalogEntry>();
    for (const pkg of Object.keys(table)) {
      const spec = table[pkg];
      if (typeof spec !== 'string') continue;
      entries.set(pkg, { spec, file: path, span: yaml.spanOf(table, pkg)?.value, path: [...at, pkg] });
    }
    catalogs.set(name, entries);
  };
  readCatalog(own(doc, 'catalog'), 'default', ['catalog']);
  const named = ownRecord(doc, 'catalogs');
  for (const name of Object.keys(named ?? {})) {
    // `catalogs.default` is the same catalog as `catalog:` (pnpm refuses both at once).
    readCatalog(own(named, name), name, ['catalogs', name]);
  }
  const overrides: NodeEntry[] = [];
  const table = ownRecord(doc, 'overrides');
  for (const key of Object.keys(table ?? {})) {
    const spec = table![key];
    if (typeof spec !== 'string') continue;
    overrides.push({
      type: 'overrides',
      section: 'overrides',
      name: key.split('>').join(' > '),
      pkg: selectorPackage(key),
      spec,
      span: yaml.spanOf(table, key)?.value,
      jsonPath: ['overrides', key],
    });
  }
  const packages = own(doc, 'packages');
  return {
    path,
    text,
    yaml,
    packages: Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string') : [],
    catalogs,
    overrides,
    valueSpan(p) {
      let container: unknown = doc;
      for (let i = 0; i < p.length - 1; i++) container = own(container, String(p[i]));
      const entry = yaml.spanOf(container, p[p.length - 1]!);
      return entry === undefined ? undefined : { span: entry.value, style: entry.style };
    },
  };
}
