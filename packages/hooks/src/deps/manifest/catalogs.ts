import type { DepsContext } from '../context.js';
import { ancestors, dirOf, join } from '../paths.js';
import { loadPackageJson, loadPnpmWorkspace } from './manifest-store.js';
import type { Catalogs } from './package-json.js';

export interface CatalogSource {
  file: string;
  kind: 'pnpm' | 'bun';
  catalogs: Catalogs;
}

/** Where `catalog:` resolves for a manifest: the nearest pnpm-workspace.yaml, else bun's root package.json. */
export async function findCatalogs(
  ctx: DepsContext,
  manifestPath: string,
): Promise<CatalogSource | undefined> {
  const dirs = ancestors(dirOf(manifestPath));
  for (const dir of dirs) {
    const path = join(dir, 'pnpm-workspace.yaml');
    const ws = await loadPnpmWorkspace(ctx, path);
    if (ws !== undefined) return { file: path, kind: 'pnpm', catalogs: ws.catalogs };
  }
  for (const dir of dirs) {
    const path = join(dir, 'package.json');
    const manifest = await loadPackageJson(ctx, path);
    if (manifest !== undefined && manifest.catalogs.size > 0)
      return { file: path, kind: 'bun', catalogs: manifest.catalogs };
  }
  return undefined;
}
