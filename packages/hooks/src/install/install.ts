import { existsSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { huskyDir, huskyHooksPath } from './detect-hooks.js';
import type { DetectedPackageManager } from './detect-package-manager.js';
import { readLocalConfig } from './git-config.js';
import { ALL_LOCKFILES, formatCommand } from './install-command.js';
import { runInstall } from './install-dependencies.js';
import { InstallError, type InstallErrorCode } from './install-error.js';
import { readState, saveState } from './install-state.js';
import { messages } from './messages.js';
import { type InstallPlan, planInstall } from './plan-install.js';
import { diffOfConfig, diffOfFile, isExecutable } from './planned-change.js';
import { resolveLayout } from './resolve-layout.js';
import { runHusky } from './run-husky.js';
import { recoverInterrupted, Transaction } from './transaction.js';
import { HOOKS_VERSION } from './versions.js';

export interface InstallOptions {
  /** Any folder in the repository (default for the CLI: the current folder). */
  dir: string;
  /** Environment for git, the package manager and husky. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A folder of packed tarballs to install our packages from instead of the registry (`--from`). */
  from?: string;
  /** Take over a core.hooksPath or .git/hooks of another tool; run seckit directly past a code lint-staged config. */
  force?: boolean;
  /** Compute and describe every change, write nothing. */
  dryRun?: boolean;
  /** Also write a CI workflow. */
  ci?: 'github';
  /** false (`--no-lint-staged`): the hook runs seckit itself, one process; lint-staged is left out. Default true. */
  lintStaged?: boolean;
  /**
   * Run the package manager (default true). `false` skips only that step, for tests and for
   * callers that install dependencies themselves; husky must then already be in node_modules.
   */
  installDependencies?: boolean;
  /** Told before slow steps (the package manager), so a CLI can show progress. */
  onProgress?: (message: string) => void;
  /** Asked once, with the list of changes, before anything is written; false stops (`--yes` skips it). */
  confirm?: (summary: string) => Promise<boolean>;
}

export interface InstallChange {
  /** What changed: a repository-relative path, `node_modules` or `core.hooksPath`. */
  target: string;
  summary: string;
}

export interface BaselineSummary {
  /** Findings accepted into a new baseline. */
  accepted: number;
  /** Entries of a baseline that was already there (then `accepted` is 0). */
  existing: number;
  /** Files the baseline scan could not check. */
  errors: number;
}

export type InstallResult =
  | {
      /** `installed`: something changed; `unchanged`: everything was already in place. */
      status: 'installed' | 'unchanged';
      gitRoot: string;
      installRoot: string;
      packageManager: DetectedPackageManager;
      changes: InstallChange[];
      notes: string[];
      baseline: BaselineSummary;
      /** Set when an interrupted earlier run had to be rolled back first. */
      recovered: number | undefined;
    }
  | {
      /** `--dry-run`: nothing was written; `diff` shows every change. */
      status: 'planned';
      gitRoot: string;
      changes: InstallChange[];
      notes: string[];
      diff: string;
      baseline: BaselineSummary;
    }
  | { status: 'refused'; message: string }
  | { status: 'declined' }
  | {
      status: 'failed';
      code: InstallErrorCode;
      message: string;
      file: string | undefined;
      rolledBack: boolean;
    };

/**
 * Installs seckit's pre-commit check into the repository that contains `options.dir`: plans every
 * change first (refusing, with what to do, before any write when another tool owns the hooks),
 * then applies them as one transaction: files written atomically, the package manager, husky.
 * Any failure restores every file byte for byte, removes what was created and resets git config.
 * A second run plans nothing and changes nothing. Expected problems come back as results; only
 * bugs throw.
 */
export async function install(options: InstallOptions): Promise<InstallResult> {
  let rolledBack = false;
  try {
    return await installSteps(options, () => {
      rolledBack = true;
    });
  } catch (error) {
    if (error instanceof InstallError) {
      return { status: 'failed', code: error.code, message: error.message, file: error.file, rolledBack };
    }
    throw error;
  }
}

function changesOf(plan: InstallPlan): InstallChange[] {
  const changes: InstallChange[] = [];
  for (const file of plan.files)
    for (const summary of file.summaries) changes.push({ target: file.path, summary });
  if (plan.install !== undefined) {
    changes.push({
      target: 'node_modules',
      summary: messages.changeInstalled(formatCommand(plan.install.command), plan.packageManager.name),
    });
  }
  for (const config of plan.config) changes.push({ target: config.key, summary: config.summary });
  return changes;
}

function baselineOf(plan: InstallPlan): BaselineSummary {
  return { accepted: plan.baseline.count, existing: plan.baseline.existing, errors: plan.baseline.errors };
}

async function installSteps(options: InstallOptions, markRolledBack: () => void): Promise<InstallResult> {
  const env = options.env ?? process.env;
  const layout = await resolveLayout(path.resolve(options.dir), env);
  const { gitRoot, installRoot, installRel } = layout;
  const stateDir = path.join(layout.gitDir, 'seckit');
  const recovered = options.dryRun ? undefined : await recoverInterrupted(gitRoot, stateDir, env);

  const plan = await planInstall(layout, {
    env,
    from: options.from === undefined ? undefined : path.resolve(options.from),
    force: options.force === true,
    ci: options.ci,
    lintStaged: options.lintStaged !== false,
    installDependencies: options.installDependencies !== false,
  });
  if ('status' in plan) return plan;
  const changes = changesOf(plan);

  if (options.dryRun) {
    const diffs: string[] = [];
    for (const file of plan.files) {
      const modeChange =
        file.executable === true && file.before !== undefined && !(await isExecutable(gitRoot, file.path));
      diffs.push(diffOfFile(file, modeChange));
    }
    for (const config of plan.config) diffs.push(diffOfConfig(config));
    if (plan.install !== undefined) {
      diffs.push(messages.dryRunInstall(formatCommand(plan.install.command), installRel));
    }
    if (plan.husky) diffs.push(messages.dryRunHusky(huskyHooksPath(installRel)));
    return {
      status: 'planned',
      gitRoot,
      changes,
      notes: plan.notes,
      diff: diffs.filter((d) => d !== '').join('\n'),
      baseline: baselineOf(plan),
    };
  }

  if (changes.length === 0 && !plan.husky) {
    return {
      status: 'unchanged',
      gitRoot,
      installRoot,
      packageManager: plan.packageManager,
      changes,
      notes: plan.notes,
      baseline: baselineOf(plan),
      recovered,
    };
  }
  if (
    options.confirm !== undefined &&
    !(await options.confirm(changes.map((c) => `  ${c.target}: ${c.summary}`).join('\n')))
  ) {
    return { status: 'declined' };
  }

  const previous = await readState(stateDir);
  const tx = await Transaction.begin({
    gitRoot,
    stateDir,
    env,
    files: [
      ...plan.files.map((f) => f.path),
      ...[...ALL_LOCKFILES, 'package.json'].map((name) => path.posix.join(installRel, name)),
    ],
    dirs: [path.posix.join(installRel, 'node_modules'), huskyHooksPath(installRel), huskyDir(installRel)],
    gitConfigKeys: ['core.hooksPath'],
  });
  try {
    for (const file of plan.files) {
      const abs = path.join(gitRoot, file.path);
      if (file.after !== file.before) {
        if (file.after === undefined) throw new Error(`install never deletes files (${file.path})`);
        await writeFileAtomic(abs, file.after, file.executable ? 0o777 : undefined);
      }
      if (file.executable) {
        const mode = (await stat(abs)).mode & 0o7777;
        if ((mode & 0o111) !== 0o111) await chmod(abs, mode | 0o111);
      }
    }
    if (plan.install !== undefined) {
      options.onProgress?.(
        messages.progressInstalling(plan.install.packages.join(', '), formatCommand(plan.install.command)),
      );
      await runInstall(installRoot, plan.install.command, env);
      if (!existsSync(path.join(installRoot, 'node_modules', '@seckit', 'hooks', 'bin', 'seckit.js'))) {
        throw new InstallError(
          'E_INSTALL_FAILED',
          messages.installIncomplete(formatCommand(plan.install.command), installRoot),
        );
      }
    }
    if (plan.husky) await runHusky(gitRoot, installRoot, installRel, env);
    await saveState({
      stateDir,
      gitRoot,
      previous,
      snapshot: tx.snapshot,
      base: {
        installedBy: `sec-init ${HOOKS_VERSION}`,
        installRel,
        packageManager: plan.packageManager.name,
        addedPackages: plan.addedPackages,
      },
      gitConfigAfter: { 'core.hooksPath': await readLocalConfig(gitRoot, 'core.hooksPath', env) },
    });
    await tx.finish();
  } catch (error) {
    await tx.rollback();
    markRolledBack();
    if (error instanceof InstallError) {
      throw new InstallError(error.code, `${error.message}\n\n${messages.rolledBack()}`, error.file);
    }
    throw new InstallError('E_WRITE', `${messages.unexpected(error)}\n\n${messages.rolledBack()}`);
  }
  return {
    status: 'installed',
    gitRoot,
    installRoot,
    packageManager: plan.packageManager,
    changes,
    notes: plan.notes,
    baseline: baselineOf(plan),
    recovered,
  };
}
