import path from 'node:path';
import { BASELINE_PATH, POLICY_PATH } from '@seckit/core';
import { uncoveredEnvProbes } from '../hygiene/gitignore-env.js';
import { WORKFLOW_MARKER, WORKFLOW_PATH, workflowText } from './ci-workflow.js';
import { detectHookOwner, type HookOwner, huskyDir, huskyHooksPath } from './detect-hooks.js';
import { type DetectedPackageManager, detectPackageManager } from './detect-package-manager.js';
import { findTarballs } from './find-tarballs.js';
import { readLocalConfig } from './git-config.js';
import { nodeModulesIgnored, withEnvFilesIgnored, withNodeModulesIgnored } from './gitignore.js';
import {
  type BlockKind,
  seckitBlock,
  upsertSeckitBlock,
  userLines,
  userRunsLintStaged,
} from './hook-block.js';
import {
  addCommand,
  type Command,
  formatCommand,
  syncCommand,
  type WantedPackage,
  wantedPackages,
} from './install-command.js';
import { needsInstall } from './install-dependencies.js';
import { InstallError } from './install-error.js';
import { findLintStagedConfigs, type LintStagedConfig } from './lint-staged-configs.js';
import {
  addSeckitTask,
  CREATED_CONFIG_NAME,
  createdLintStagedConfig,
  hasSeckitTask,
  SECKIT_TASK,
  taskGlobs,
} from './lint-staged-task.js';
import { messages } from './messages.js';
import { isRecord, newPackageJsonText, parsePackageJson, planPackageJson } from './package-json-plan.js';
import { isExecutable, type PlannedConfig, type PlannedFile, readText } from './planned-change.js';
import { type BaselinePlan, planBaseline, policyText } from './policy-files.js';
import type { Layout } from './resolve-layout.js';
import { runCommand } from './run-command.js';
import { huskyIsWired } from './run-husky.js';

export interface PlanOptions {
  env: NodeJS.ProcessEnv;
  from: string | undefined;
  force: boolean;
  ci: 'github' | undefined;
  /** false (`--no-lint-staged`): the hook runs seckit itself; lint-staged is neither installed nor configured. */
  lintStaged: boolean;
  /** false: skip the package manager (tests that bring node_modules themselves). */
  installDependencies: boolean;
}

export interface InstallPlan {
  layout: Layout;
  packageManager: DetectedPackageManager;
  wanted: WantedPackage[];
  files: PlannedFile[];
  config: PlannedConfig[];
  /** The package manager run, when something is missing from node_modules. */
  install: { command: Command; packages: string[] } | undefined;
  /** Run husky to create `<husky folder>/_` and set core.hooksPath. */
  husky: boolean;
  blockKind: BlockKind;
  owner: HookOwner;
  baseline: BaselinePlan;
  notes: string[];
  /** Packages that were not in package.json before. */
  addedPackages: string[];
}

/** Why sec-init changes nothing and exits 1: the user has to act first (or pass --force). */
export interface Refusal {
  status: 'refused';
  message: string;
}

/**
 * Everything sec-init would change, computed without writing a byte: what `--dry-run` prints,
 * what the transaction saves first, and what is applied. Refusals (another hook manager, a code
 * lint-staged config) come back before any planning that costs time.
 */
export async function planInstall(layout: Layout, options: PlanOptions): Promise<InstallPlan | Refusal> {
  const { env } = options;
  const { gitRoot, installRoot, installRel } = layout;
  const pkgRel = path.posix.join(installRel, 'package.json');
  const pkgBefore = await readText(gitRoot, pkgRel);
  const pkgData =
    pkgBefore === undefined ? undefined : parsePackageJson(pkgBefore, path.join(gitRoot, pkgRel));
  const pm = detectPackageManager(installRoot, pkgData?.packageManager, env);
  if (pm.plugAndPlay) throw new InstallError('E_YARN_PNP', messages.yarnPlugAndPlay(installRoot));
  const tarballs = options.from === undefined ? undefined : await findTarballs(options.from);
  const wanted = wantedPackages(tarballs, installRoot).filter(
    (w) => options.lintStaged || w.name !== 'lint-staged',
  );
  const installHint = formatCommand({ command: pm.name, args: ['install'] });

  const owner = await detectHookOwner(gitRoot, installRel, env);
  if (owner.kind === 'foreign' && !options.force) {
    const ours = wanted
      .filter((w) => w.ours)
      .map((w) => (w.tarball === undefined ? `${w.name}@${w.spec}` : w.tarball));
    return {
      status: 'refused',
      message: messages.foreignHooks(owner, {
        installCommand: formatCommand(addCommand(pm, ours, layout.workspace !== undefined)),
        seckitBin: path.posix.join(installRel, 'node_modules/.bin/seckit'),
      }),
    };
  }

  const configs = await findLintStagedConfigs(installRoot, gitRoot, env);
  const codeWithoutTask = configs.filter((c) => c.format === 'code' && !hasSeckitTask(c));
  if (codeWithoutTask.length > 0 && !options.force && options.lintStaged) {
    return {
      status: 'refused',
      message: messages.codeLintStagedConfig(
        codeWithoutTask.map((c) => c.rel),
        installRel,
      ),
    };
  }

  const hookRel = path.posix.join(huskyDir(installRel), 'pre-commit');
  const hookBefore = await readText(gitRoot, hookRel);
  // With --force past a code config we cannot edit, the hook runs seckit itself instead.
  const blockKind: BlockKind =
    !options.lintStaged || codeWithoutTask.length > 0
      ? 'direct'
      : userRunsLintStaged(hookBefore) && configs.length > 0
        ? 'comment'
        : 'lint-staged';

  const files: PlannedFile[] = [];
  const notes: string[] = [];
  const plan = (rel: string, before: string | undefined, after: string | undefined, summary: string) => {
    const existing = files.find((f) => f.path === rel);
    if (existing !== undefined) {
      existing.after = after;
      existing.summaries.push(summary);
    } else files.push({ path: rel, before, after, summaries: [summary] });
  };

  // package.json (created for a repository without Node).
  const pkgStart = pkgBefore ?? newPackageJsonText(installRoot);
  const pkgPlan = planPackageJson({
    text: pkgStart,
    file: path.join(gitRoot, pkgRel),
    wanted,
    pm,
    installRel,
  });
  if (pkgBefore === undefined) {
    notes.push(messages.noteNoPackageJson(layout.pythonManifests, installHint));
    plan(pkgRel, undefined, pkgPlan.text, messages.changeCreatedPackageJson());
  }
  for (const change of pkgPlan.changes) plan(pkgRel, pkgBefore, pkgPlan.text, change);
  notes.push(...pkgPlan.notes);

  // lint-staged: our task in every config that lint-staged will use from the package folder.
  const levels = installRel === '' ? 0 : installRel.split('/').length;
  if (blockKind !== 'direct') {
    for (const config of configs) {
      // Configs at or above the package folder see files outside it only through `../` globs.
      const relDir = path.relative(installRoot, path.dirname(config.file));
      const atTop = relDir === '' || relDir.startsWith('..');
      const current = config.rel === pkgRel ? { ...config, text: pkgPlan.text } : config;
      const edit = addSeckitTask(current, taskGlobs(atTop ? levels : 0));
      if (!edit.ok) {
        throw new InstallError(
          'E_LINT_STAGED_CONFIG',
          messages.lintStagedConfigUnsupported(config.rel, edit.reason),
          config.file,
        );
      }
      if (edit.text !== current.text) {
        plan(
          config.rel,
          config.rel === pkgRel ? pkgBefore : config.text,
          edit.text,
          messages.changeLintStagedTask(SECKIT_TASK),
        );
      }
    }
    if (configs.length === 0) {
      const rel = path.posix.join(installRel, CREATED_CONFIG_NAME);
      plan(rel, undefined, createdLintStagedConfig(taskGlobs(levels)), messages.changeLintStagedCreated());
    }
  } else if (options.lintStaged) {
    notes.push(messages.noteDirectHook(codeWithoutTask.map((c) => c.rel)));
  }
  if (levels > 0 && blockKind === 'lint-staged') notes.push(messages.noteSubfolder(installRel));
  if (
    blockKind === 'comment' &&
    userLines(hookBefore).some((line) => /^\s*npx\s+(--no(-install)?\s+)?lint-staged\b/.test(line))
  ) {
    notes.push(messages.noteNpxInHook(hookRel));
  }

  // .husky/pre-commit: our marked block, the user's lines untouched.
  const block = seckitBlock({
    kind: blockKind,
    cd: installRel,
    installHint,
    configs: configs.filter((c) => c.format !== 'code' || hasSeckitTask(c)).map((c) => c.rel),
  });
  const hookUpdate = upsertSeckitBlock(hookBefore, block);
  if (!hookUpdate.ok) {
    throw new InstallError(
      'E_HOOK_FILE',
      messages.hookBlockMalformed(path.join(gitRoot, hookRel), hookUpdate.reason),
      path.join(gitRoot, hookRel),
    );
  }
  const makeExecutable = hookBefore !== undefined && !(await isExecutable(gitRoot, hookRel));
  if (hookUpdate.changed && hookUpdate.action !== 'unchanged') {
    plan(hookRel, hookBefore, hookUpdate.content, messages.changeHook(hookUpdate.action));
  }
  if (hookUpdate.changed || makeExecutable) {
    const entry = files.find((f) => f.path === hookRel) ?? {
      path: hookRel,
      before: hookBefore,
      after: hookBefore,
      summaries: [],
    };
    if (!files.includes(entry)) files.push(entry);
    entry.executable = true;
    if (makeExecutable) entry.summaries.push(messages.changeHookExecutable());
  }

  // node_modules must never be committed (a repository without Node does not ignore it yet).
  if (!(await nodeModulesIgnored(gitRoot, installRel, env))) {
    const rel = path.posix.join(installRel, '.gitignore');
    const before = await readText(gitRoot, rel);
    plan(rel, before, withNodeModulesIgnored(before), messages.changeGitignore());
  }

  // .env files hold secrets: the root .gitignore must keep them out (seckit/gitignore-env), so
  // sec-init adds the lines rather than baseline the gap.
  const plannedIgnore = files.find((f) => f.path === '.gitignore');
  const rootIgnore =
    plannedIgnore === undefined ? await readText(gitRoot, '.gitignore') : plannedIgnore.after;
  // A `!.env…` line says the team un-ignores environment files on purpose: not ours to override.
  const deliberate = /^[ \t]*!(?:\/|\*\*\/)?\.env(?:\*|\.\*|\.local)?[ \t]*$/m.test(rootIgnore ?? '');
  const envUncovered = !deliberate && (await uncoveredEnvProbes(gitRoot)).length > 0;
  if (envUncovered) {
    const planned = plannedIgnore;
    const before = rootIgnore;
    plan('.gitignore', planned?.before ?? before, withEnvFilesIgnored(before), messages.changeGitignoreEnv());
  }

  // .seckit/policy.json and the baseline of what is already there.
  const policyBefore = await readText(gitRoot, POLICY_PATH);
  // yarn 1 and bun record no integrity for `file:` tarballs (npm, pnpm and yarn 4 do).
  const lockfileWithoutIntegrity =
    tarballs === undefined
      ? undefined
      : pm.name === 'yarn' && pm.berry !== true
        ? { manager: 'yarn 1', lockfile: 'yarn.lock' }
        : pm.name === 'bun'
          ? { manager: 'bun', lockfile: 'bun.lock' }
          : undefined;
  const policySource =
    policyBefore ??
    policyText(gitRoot, installRoot, { localTarballsWithoutIntegrity: lockfileWithoutIntegrity?.manager });
  if (lockfileWithoutIntegrity !== undefined && policyBefore !== undefined)
    notes.push(
      messages.noteTarballIntegrity(lockfileWithoutIntegrity.manager, lockfileWithoutIntegrity.lockfile),
    );
  if (policyBefore === undefined) plan(POLICY_PATH, undefined, policySource, messages.changePolicy());
  const baseline = await planBaseline(gitRoot, policySource, {
    // The lines planned above close that gap: it is not an existing finding to accept.
    dropRules: envUncovered ? ['seckit/gitignore-env'] : [],
  });
  if (baseline.text !== undefined)
    plan(BASELINE_PATH, undefined, baseline.text, messages.changeBaseline(baseline.count));

  if (options.ci === 'github') {
    const before = await readText(gitRoot, WORKFLOW_PATH);
    if (before !== undefined && !before.startsWith(WORKFLOW_MARKER)) {
      throw new InstallError(
        'E_WORKFLOW',
        messages.workflowNotOurs(WORKFLOW_PATH),
        path.join(gitRoot, WORKFLOW_PATH),
      );
    }
    const after = workflowText({
      packageManager: pm,
      packageManagerVersion: await packageManagerVersion(pm, pkgData, installRoot, env),
      installRel,
      defaultBranch: await defaultBranch(gitRoot, env),
    });
    if (after !== before) plan(WORKFLOW_PATH, before, after, messages.changeWorkflow(before === undefined));
  }

  // The package manager runs when package.json changed or node_modules lacks something.
  const declared = (name: string): string | undefined => {
    const data = parsePackageJson(pkgPlan.text, pkgRel);
    for (const field of ['devDependencies', 'dependencies']) {
      const deps = data[field];
      if (isRecord(deps) && typeof deps[name] === 'string') return deps[name] as string;
    }
    return undefined;
  };
  // Scripts and lint-staged keys need no install; dependency maps and overrides do.
  const depsOf = (text: string) => {
    const data = parsePackageJson(text, pkgRel);
    const pnpm = isRecord(data.pnpm) ? data.pnpm.overrides : undefined;
    return JSON.stringify([
      data.dependencies,
      data.devDependencies,
      data.optionalDependencies,
      data.overrides,
      data.resolutions,
      pnpm,
    ]);
  };
  const depsChanged = pkgBefore === undefined || depsOf(pkgPlan.text) !== depsOf(pkgStart);
  const install =
    options.installDependencies && (depsChanged || (await needsInstall(installRoot, wanted, declared)))
      ? { command: syncCommand(pm), packages: wanted.map((w) => `${w.name}@${w.version}`) }
      : undefined;

  // husky: core.hooksPath and `<husky folder>/_` in this work tree.
  const config: PlannedConfig[] = [];
  const huskyDisabled = env.HUSKY === '0';
  const wired = await huskyIsWired(gitRoot, installRel, env);
  if (!wired && huskyDisabled) notes.push(messages.noteHuskyDisabled());
  const husky = !wired && !huskyDisabled;
  if (husky) {
    const before = await readLocalConfig(gitRoot, 'core.hooksPath', env);
    const after = huskyHooksPath(installRel);
    if (before !== after) {
      config.push({
        key: 'core.hooksPath',
        before,
        after,
        summary: messages.changeHooksPath(
          after,
          owner.kind === 'foreign' ? (owner.setting?.value ?? owner.hooksDir) : undefined,
        ),
      });
    } else {
      config.push({
        key: 'core.hooksPath',
        before,
        after,
        summary: messages.changeHuskyRunner(huskyHooksPath(installRel)),
      });
    }
  }
  if (owner.kind === 'foreign') notes.push(messages.noteTakeover(owner));

  return {
    layout,
    packageManager: pm,
    wanted,
    files,
    config,
    install,
    husky,
    blockKind,
    owner,
    baseline,
    notes,
    addedPackages: pkgPlan.added,
  };
}

/** The package manager version CI should run: from `packageManager`, else the one on this machine. */
async function packageManagerVersion(
  pm: DetectedPackageManager,
  pkg: Record<string, unknown> | undefined,
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const field = typeof pkg?.packageManager === 'string' ? pkg.packageManager : '';
  const declared = new RegExp(`^${pm.name}@(\\d+\\.\\d+\\.\\d+)`).exec(field)?.[1];
  if (declared !== undefined) return declared;
  if (pm.name === 'npm') return undefined;
  const result = await runCommand(pm.name, ['--version'], { cwd: dir, env });
  return /^\d+\.\d+\.\d+$/.test(result.stdout.trim()) ? result.stdout.trim() : undefined;
}

/** The branch CI scans on push: the remote's default branch, else git's default for new repositories, else main. */
async function defaultBranch(gitRoot: string, env: NodeJS.ProcessEnv): Promise<string> {
  const remote = await runCommand('git', ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], {
    cwd: gitRoot,
    env,
  });
  if (remote.status === 0 && remote.stdout.trim() !== '')
    return remote.stdout.trim().replace(/^origin\//, '');
  const configured = await runCommand('git', ['config', '--get', 'init.defaultBranch'], {
    cwd: gitRoot,
    env,
  });
  return configured.status === 0 && configured.stdout.trim() !== '' ? configured.stdout.trim() : 'main';
}

export type { LintStagedConfig };
