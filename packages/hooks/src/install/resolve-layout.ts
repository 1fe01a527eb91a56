import { existsSync, readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { findWorkspaceRoot, type WorkspaceKind } from './find-workspace-root.js';
import { InstallError } from './install-error.js';
import { messages } from './messages.js';
import { runCommand } from './run-command.js';

/** husky 9 wires hooks through core.hooksPath, which git reads since 2.9. */
export const MIN_GIT = [2, 9] as const;

/** Where everything sec-init touches lives, found through git and the package files. */
export interface Layout {
  /** Top of this work tree (a linked worktree's own folder, not the main one). Real path. */
  gitRoot: string;
  /** This work tree's git folder (`.git`, or `.git/worktrees/<name>` in a linked worktree). */
  gitDir: string;
  /** The git folder all work trees share (`.git`): where the hook caches validated configuration. */
  commonDir: string;
  gitVersion: string;
  /**
   * The folder whose package.json gets our devDependencies and scripts: the monorepo root when the
   * package belongs to one, else the nearest folder with a package.json at or above `dir`, else
   * the repository root (a repository without Node, which gets a private package.json).
   */
  installRoot: string;
  /** `installRoot` relative to `gitRoot`, POSIX (`''` at the root, `frontend`, `apps/web`). */
  installRel: string;
  packageJsonExists: boolean;
  workspace: WorkspaceKind | undefined;
  /** Python manifests at `installRoot` when there is no package.json (their pins get checked). */
  pythonManifests: string[];
}

const PYTHON_MANIFEST = /^(requirements.*\.txt|pyproject\.toml|Pipfile|setup\.py|setup\.cfg)$/;

export function toPosix(rel: string): string {
  return rel.split(path.sep).join('/');
}

export function parseGitVersion(output: string): [number, number, number] | undefined {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function gitIsRecentEnough(version: readonly number[]): boolean {
  const [major = 0, minor = 0] = version;
  return major > MIN_GIT[0] || (major === MIN_GIT[0] && minor >= MIN_GIT[1]);
}

/**
 * Asks git (not the file system) where the repository is: `rev-parse` works the same in linked
 * worktrees (where `.git` is a file) and from any subfolder, which is what husky's own `.git`
 * check gets wrong (husky#851, #1561).
 */
export async function resolveLayout(dir: string, env: NodeJS.ProcessEnv): Promise<Layout> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new InstallError('E_NOT_A_DIRECTORY', messages.notADirectory(dir), dir);

  const version = await runCommand('git', ['--version'], { cwd: dir, env });
  if (version.error !== undefined) {
    throw new InstallError('E_GIT_NOT_FOUND', messages.gitNotFound(version.error.message));
  }
  const gitVersion = parseGitVersion(version.stdout);
  if (gitVersion !== undefined && !gitIsRecentEnough(gitVersion)) {
    throw new InstallError('E_GIT_TOO_OLD', messages.gitTooOld(version.stdout.trim()));
  }

  const top = await runCommand('git', ['rev-parse', '--show-toplevel', '--git-dir', '--git-common-dir'], {
    cwd: dir,
    env,
  });
  const [rootLine, gitDirLine, commonDirLine] = top.stdout.split(/\r?\n/);
  if (top.status !== 0 || !rootLine || !gitDirLine || !commonDirLine) {
    throw new InstallError('E_NOT_A_GIT_REPO', messages.notAGitRepo(dir), dir);
  }
  const gitRoot = await realpath(path.resolve(rootLine));
  // `--git-dir` may be relative to the folder git ran in (`--absolute-git-dir` needs git 2.13).
  const gitDir = path.resolve(dir, gitDirLine);
  const commonDir = path.resolve(dir, commonDirLine);
  const start = await realpath(dir);

  // The nearest package.json at or above the given folder, within this work tree.
  let packageDir: string | undefined;
  for (let d = start; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) {
      packageDir = d;
      break;
    }
    if (d === gitRoot || path.dirname(d) === d) break;
  }
  const workspace = packageDir === undefined ? undefined : findWorkspaceRoot(packageDir, gitRoot);
  const installRoot = workspace?.dir ?? packageDir ?? gitRoot;
  const packageJsonExists = existsSync(path.join(installRoot, 'package.json'));
  const pythonManifests = packageJsonExists
    ? []
    : readdirSync(installRoot)
        .filter((name) => PYTHON_MANIFEST.test(name))
        .sort();
  return {
    gitRoot,
    gitDir,
    commonDir,
    gitVersion: version.stdout.trim().replace(/^git version /, ''),
    installRoot,
    installRel: toPosix(path.relative(gitRoot, installRoot)),
    packageJsonExists,
    workspace: workspace?.kind,
    pythonManifests,
  };
}
