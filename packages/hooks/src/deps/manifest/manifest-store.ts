import type { DepsContext } from '../context.js';
import { DepsParseError } from '../parse/parse-error.js';
import { DEPS_RULES } from '../rules.js';
import { type NodeManifest, parsePackageJson } from './package-json.js';
import type { PnpmWorkspace } from './pnpm-workspace.js';
import type { PyProject } from './pyproject.js';

type Parsed = NodeManifest | PnpmWorkspace | PyProject;
const cache = new WeakMap<DepsContext, Map<string, Promise<Parsed | undefined>>>();

function cached<T extends Parsed>(
  ctx: DepsContext,
  path: string,
  parse: (path: string, text: string) => T | Promise<T>,
  reportErrors: boolean,
): Promise<T | undefined> {
  let perRun = cache.get(ctx);
  if (perRun === undefined) {
    perRun = new Map();
    cache.set(ctx, perRun);
  }
  let pending = perRun.get(path) as Promise<T | undefined> | undefined;
  if (pending === undefined) {
    pending = (async () => {
      const text = await ctx.text(path);
      if (text === undefined) return undefined;
      try {
        return await parse(path, text);
      } catch (error) {
        if (!(error instanceof DepsParseError)) throw error;
        if (reportErrors) await reportUnreadable(ctx, error);
        return undefined;
      }
    })();
    perRun.set(path, pending);
  }
  return pending;
}

/** A manifest that cannot be read is a finding with its place: the package manager would fail too. */
export async function reportUnreadable(ctx: DepsContext, error: DepsParseError): Promise<void> {
  await ctx.report({
    rule: DEPS_RULES.manifestUnreadable,
    path: error.file ?? '',
    span: undefined,
    at: { line: error.line, column: error.column },
    message: `Cannot read ${error.file}: ${error.detail}; its dependencies were not checked`,
    fix: 'Fix the syntax at that place (the package manager cannot read it either).',
    key: 'unreadable',
    properties: { detail: error.detail },
  });
}

export function loadPackageJson(ctx: DepsContext, path: string): Promise<NodeManifest | undefined> {
  return cached(ctx, path, parsePackageJson, ctx.isTarget(path));
}

// The YAML and TOML readers load on first use: a commit touching only package.json needs neither.
export function loadPnpmWorkspace(ctx: DepsContext, path: string): Promise<PnpmWorkspace | undefined> {
  return cached(
    ctx,
    path,
    async (p, t) => (await import('./pnpm-workspace.js')).parsePnpmWorkspace(p, t),
    ctx.isTarget(path),
  );
}

export function loadPyproject(ctx: DepsContext, path: string): Promise<PyProject | undefined> {
  return cached(
    ctx,
    path,
    async (p, t) => (await import('./pyproject.js')).parsePyproject(p, t),
    ctx.isTarget(path),
  );
}
