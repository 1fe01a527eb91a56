import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type DetectedPackageManager, detectPackageManager } from './detect-package-manager.js';
import { findGitRoot } from './find-git-root.js';
import { findTarballs } from './find-tarballs.js';
import { formatCommand, installCommand, wantedPackages } from './install-command.js';
import { missingPackages, runInstall } from './install-dependencies.js';
import { InstallError, type InstallErrorCode } from './install-error.js';
import { messages } from './messages.js';
import {
  createPackageJson,
  type PackageJsonFile,
  readPackageJson,
  updatePrepareScript,
} from './package-json.js';
import { type HooksPathSetting, isHuskyHooksPath, readHooksPath } from './read-hooks-path.js';
import { huskyIsWired, runHusky } from './run-husky.js';
import { writePreCommitHook } from './write-pre-commit-hook.js';

export interface InstallOptions {
  /** The project folder: holds (or will hold) package.json and must be the git repository's top folder. */
  dir: string;
  /** Environment for git, the package manager and husky. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A folder of packed `seckit-*.tgz` to install instead of the registry versions (`--from`). */
  from?: string;
  /** Replace a `core.hooksPath` that belongs to another hook manager. */
  force?: boolean;
  /**
   * Run the package manager (default true). `false` skips only that step, for tests and for
   * callers that install dependencies themselves; husky must then already be in node_modules.
   */
  installDependencies?: boolean;
  /** Told before slow steps (the package manager install), so a CLI can show progress. */
  onProgress?: (message: string) => void;
}

export interface InstallChange {
  /** What changed: `package.json`, `node_modules`, `.husky/pre-commit`, `core.hooksPath`. */
  target: string;
  summary: string;
}

export type InstallResult =
  | {
      /** `installed`: something changed; `unchanged`: everything was already in place. */
      status: 'installed' | 'unchanged';
      dir: string;
      packageManager: DetectedPackageManager;
      changes: InstallChange[];
    }
  | {
      /** Another hook manager owns `core.hooksPath`; nothing was changed. */
      status: 'refused';
      dir: string;
      hooksPath: HooksPathSetting;
      message: string;
    }
  | { status: 'failed'; code: InstallErrorCode; message: string; file: string | undefined };

/**
 * Installs seckit's pre-commit check into the repository at `options.dir`, in this order: check
 * everything that can refuse (git, HUSKY=0, a foreign core.hooksPath, --from tarballs) before the
 * first write; then package.json, dependencies, the `prepare` script, `.husky/pre-commit`, and
 * husky's wiring. Each step skips itself when already done, so a second run changes nothing.
 * Expected problems come back as `failed` or `refused` results; only bugs throw.
 */
export async function install(options: InstallOptions): Promise<InstallResult> {
  try {
    return await installSteps(options);
  } catch (error) {
    if (error instanceof InstallError) {
      return { status: 'failed', code: error.code, message: error.message, file: error.file };
    }
    throw error;
  }
}

async function installSteps(options: InstallOptions): Promise<InstallResult> {
  const env = options.env ?? process.env;
  const dir = path.resolve(options.dir);

  // 1. Everything that can stop the install, before anything is written.
  if (!(await isDirectory(dir))) {
    throw new InstallError('E_NOT_A_DIRECTORY', messages.notADirectory(dir), dir);
  }
  const root = await findGitRoot(dir, env);
  if (root === undefined) throw new InstallError('E_NOT_A_GIT_REPO', messages.notAGitRepo(dir), dir);
  if ((await realpath(root)) !== (await realpath(dir))) {
    throw new InstallError('E_NOT_GIT_ROOT', messages.notGitRoot(dir, root), dir);
  }
  if (env.HUSKY === '0') throw new InstallError('E_HUSKY_DISABLED', messages.huskyDisabled());

  let pkg = await readPackageJson(dir);
  const packageManager = detectPackageManager(dir, pkg?.data.packageManager, env);
  const tarballs = options.from === undefined ? undefined : await findTarballs(options.from);
  const wanted = wantedPackages(tarballs);
  const workspaceRoot = existsSync(path.join(dir, 'pnpm-workspace.yaml'));
  const command = installCommand(
    packageManager.name,
    wanted.map((want) => want.spec),
    { workspaceRoot },
  );

  const hooksPath = await readHooksPath(dir, env);
  const foreign = hooksPath !== undefined && !isHuskyHooksPath(hooksPath.value, dir);
  if (foreign && options.force !== true) {
    // git expands a leading `~` itself; shown as written rather than resolved against the repository.
    const hooksDir = hooksPath.value.startsWith('~')
      ? hooksPath.value
      : path.relative(dir, path.resolve(dir, hooksPath.value)) || '.';
    return {
      status: 'refused',
      dir,
      hooksPath,
      message: messages.foreignHooksPath({
        value: hooksPath.value,
        origin: hooksPath.origin,
        hooksDir: hooksDir.startsWith('..') ? path.resolve(dir, hooksPath.value) : hooksDir,
        // That hook manager runs seckit itself, so husky is not needed there.
        installCommand: formatCommand(
          installCommand(
            packageManager.name,
            wanted.filter((want) => want.name !== 'husky').map((want) => want.spec),
            { workspaceRoot },
          ),
        ),
      }),
    };
  }

  // 2. The changes, each a no-op when already in place.
  const changes: InstallChange[] = [];
  if (pkg === undefined) {
    await createPackageJson(dir);
    changes.push({ target: 'package.json', summary: messages.changeCreatedPackageJson() });
    pkg = await mustReadPackageJson(dir);
  }

  if (options.installDependencies !== false && (await missingPackages(dir, pkg, wanted)).length > 0) {
    const names = wanted.map((want) => `${want.name}@${want.version}`).join(', ');
    options.onProgress?.(messages.progressInstalling(names, formatCommand(command)));
    await runInstall(dir, command, env);
    changes.push({ target: 'node_modules', summary: messages.changeInstalled(names, packageManager.name) });
    // The package manager rewrote package.json (devDependencies); edit its version, not ours.
    pkg = await mustReadPackageJson(dir);
  }

  const prepare = await updatePrepareScript(pkg);
  if (prepare.changed) {
    changes.push({
      target: 'package.json',
      summary:
        prepare.before === undefined || prepare.before.trim() === ''
          ? messages.changePrepareSet(prepare.after)
          : messages.changePrepareExtended(prepare.before, prepare.after),
    });
  }

  const hook = await writePreCommitHook(dir);
  if (hook.action !== 'unchanged') {
    changes.push({ target: '.husky/pre-commit', summary: messages.changeHook(hook.action) });
  }
  if (hook.madeExecutable) {
    changes.push({ target: '.husky/pre-commit', summary: messages.changeHookExecutable() });
  }

  if (!(await huskyIsWired(dir, env))) {
    await runHusky(dir, env);
    changes.push({
      target: 'core.hooksPath',
      summary: messages.changeHooksPath(foreign ? hooksPath.value : undefined),
    });
  }

  return { status: changes.length === 0 ? 'unchanged' : 'installed', dir, packageManager, changes };
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function mustReadPackageJson(dir: string): Promise<PackageJsonFile> {
  const pkg = await readPackageJson(dir);
  const file = path.join(dir, 'package.json');
  if (pkg === undefined) {
    throw new InstallError('E_PACKAGE_JSON', messages.packageJsonUnreadable(file, 'it disappeared'), file);
  }
  return pkg;
}
