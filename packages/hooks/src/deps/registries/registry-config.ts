import type { DepsContext } from '../context.js';
import { join } from '../paths.js';
import { AllowedRegistries } from './allowed-registries.js';
import { type ConfiguredRegistry, npmrcRegistries } from './npmrc.js';

export interface RegistryConfig {
  allowed: AllowedRegistries;
  configured: ConfiguredRegistry[];
}

const cache = new WeakMap<DepsContext, Map<string, Promise<RegistryConfig>>>();

/**
 * Registries a project configures for itself count as trusted: `.npmrc`, `.yarnrc.yml` and
 * `bunfig.toml` in the lockfile's folder and at the repository root, and the indexes of the
 * pyproject.toml next to a Python lockfile.
 */
export function registriesFor(
  ctx: DepsContext,
  dir: string,
  ecosystem: 'node' | 'python',
): Promise<RegistryConfig> {
  let perRun = cache.get(ctx);
  if (perRun === undefined) {
    perRun = new Map();
    cache.set(ctx, perRun);
  }
  const key = `${ecosystem}\0${dir}`;
  let pending = perRun.get(key);
  if (pending === undefined) {
    pending = collect(ctx, dir, ecosystem);
    perRun.set(key, pending);
  }
  return pending;
}

async function collect(ctx: DepsContext, dir: string, ecosystem: 'node' | 'python'): Promise<RegistryConfig> {
  const configured: ConfiguredRegistry[] = [];
  const dirs = dir === '' ? [''] : [dir, ''];
  if (ecosystem === 'node') {
    for (const d of dirs) {
      const npmrc = join(d, '.npmrc');
      const npmrcText = await ctx.text(npmrc);
      if (npmrcText !== undefined) configured.push(...npmrcRegistries(npmrc, npmrcText));
      const yarnrc = join(d, '.yarnrc.yml');
      const yarnrcText = await ctx.text(yarnrc);
      // Readers load only when their file exists: most projects have none of these.
      if (yarnrcText !== undefined)
        configured.push(...(await (await import('./yarnrc.js')).yarnrcRegistries(yarnrc, yarnrcText)));
      const bunfig = join(d, 'bunfig.toml');
      const bunfigText = await ctx.text(bunfig);
      if (bunfigText !== undefined)
        configured.push(...(await (await import('./bunfig.js')).bunfigRegistries(bunfig, bunfigText)));
    }
  } else {
    const path = join(dir, 'pyproject.toml');
    const text = await ctx.text(path);
    if (text !== undefined) {
      try {
        const project = await (await import('../manifest/pyproject.js')).parsePyproject(path, text);
        for (const index of project.indexes)
          configured.push({
            url: index.url,
            key: index.section,
            file: path,
            span: index.span ?? { start: 0, end: 0 },
          });
      } catch {
        // an unreadable pyproject.toml is reported where it is judged; it trusts nothing here
      }
    }
  }
  return {
    allowed: new AllowedRegistries(
      ctx.policy,
      configured.map((c) => c.url),
    ),
    configured,
  };
}
