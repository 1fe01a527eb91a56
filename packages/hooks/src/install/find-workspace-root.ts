import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export type WorkspaceKind = 'pnpm-workspace.yaml' | 'package.json workspaces';

export interface WorkspaceRoot {
  dir: string;
  kind: WorkspaceKind;
}

/** The workspace globs a folder declares, or `undefined` when it is not a workspace root. */
export function workspaceGlobs(dir: string): { kind: WorkspaceKind; globs: string[] } | undefined {
  const pnpmFile = path.join(dir, 'pnpm-workspace.yaml');
  if (existsSync(pnpmFile)) {
    try {
      const data = parseYaml(readFileSync(pnpmFile, 'utf8')) as { packages?: unknown } | null;
      const globs = Array.isArray(data?.packages) ? data.packages.filter((g) => typeof g === 'string') : [];
      return { kind: 'pnpm-workspace.yaml', globs };
    } catch {
      // An unreadable workspace file still marks a workspace root; pnpm will report the problem.
      return { kind: 'pnpm-workspace.yaml', globs: [] };
    }
  }
  const pkgFile = path.join(dir, 'package.json');
  if (existsSync(pkgFile)) {
    try {
      const data = JSON.parse(readFileSync(pkgFile, 'utf8').replace(/^\uFEFF/, '')) as {
        workspaces?: unknown;
      };
      const ws = data.workspaces;
      const list = Array.isArray(ws)
        ? ws
        : typeof ws === 'object' && ws !== null && Array.isArray((ws as { packages?: unknown }).packages)
          ? ((ws as { packages: unknown[] }).packages as unknown[])
          : undefined;
      if (list !== undefined) {
        return {
          kind: 'package.json workspaces',
          globs: list.filter((g): g is string => typeof g === 'string'),
        };
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A workspace glob (`packages/*`, `apps/**`, `./tools/cli/`) as a regular expression on POSIX paths. */
function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i] ?? '';
    if (c === '*' && clean[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether `rel` (POSIX, relative to the workspace root) is one of its packages. */
export function matchesWorkspace(globs: readonly string[], rel: string): boolean {
  let matched = false;
  for (const glob of globs) {
    if (glob.startsWith('!')) {
      if (globToRegExp(glob.slice(1)).test(rel)) matched = false;
    } else if (globToRegExp(glob).test(rel)) matched = true;
  }
  return matched;
}

/**
 * The monorepo root that `packageDir` belongs to, searched upwards but never above `gitRoot`:
 * the nearest folder with a pnpm-workspace.yaml or a package.json `workspaces` field that lists
 * it. `packageDir` itself counts when it is a root. Dependencies go there, once, and lint-staged
 * and husky run from there.
 */
export function findWorkspaceRoot(packageDir: string, gitRoot: string): WorkspaceRoot | undefined {
  let dir = packageDir;
  for (;;) {
    const ws = workspaceGlobs(dir);
    if (ws !== undefined) {
      const rel = path.relative(dir, packageDir).split(path.sep).join('/');
      if (rel === '' || matchesWorkspace(ws.globs, rel)) return { dir, kind: ws.kind };
    }
    if (dir === gitRoot) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
