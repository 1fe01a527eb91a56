import { existsSync, readdirSync } from 'node:fs';
import { chmod, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { BASELINE_PATH, POLICY_PATH } from '@seckit/core';
import { CONFIG_CACHE_DIR } from '../cli/load-config.js';
import { writeFileAtomic } from './atomic-write.js';
import { WORKFLOW_MARKER, WORKFLOW_PATH } from './ci-workflow.js';
import { huskyDir, huskyHooksPath, isOurHooksPath } from './detect-hooks.js';
import { readLocalConfig, writeLocalConfig } from './git-config.js';
import { withoutSeckitLines } from './gitignore.js';
import { removeSeckitBlock } from './hook-block.js';
import { ALL_LOCKFILES } from './install-command.js';
import { InstallError, type InstallErrorCode } from './install-error.js';
import { dropState, type InstallState, readBackup, readState, sha256 } from './install-state.js';
import { findLintStagedConfigs, readConfig } from './lint-staged-configs.js';
import {
  CREATED_CONFIG_NAME,
  hasSeckitTask,
  isCreatedLintStagedConfig,
  removeSeckitTask,
  taskGlobs,
} from './lint-staged-task.js';
import { messages } from './messages.js';
import { unplanPackageJson } from './package-json-plan.js';
import { diffOfConfig, type PlannedConfig, readText } from './planned-change.js';
import { resolveLayout } from './resolve-layout.js';
import { recoverInterrupted, Transaction } from './transaction.js';
import { unifiedDiff } from './unified-diff.js';
import { CORE_PACKAGE, HOOKS_PACKAGE } from './versions.js';

export interface UninstallOptions {
  dir: string;
  env?: NodeJS.ProcessEnv;
  dryRun?: boolean;
  confirm?: (summary: string) => Promise<boolean>;
}

export interface UninstallChange {
  target: string;
  summary: string;
}

export type UninstallResult =
  | {
      status: 'uninstalled' | 'planned';
      gitRoot: string;
      changes: UninstallChange[];
      notes: string[];
      diff: string;
    }
  | { status: 'not-installed'; gitRoot: string }
  | { status: 'declined' }
  | { status: 'failed'; code: InstallErrorCode; message: string; file: string | undefined };

/** One file's way back: bytes to restore (`data`), or removal (`undefined`). */
interface Restore {
  path: string;
  before: Buffer | undefined;
  after: Buffer | undefined;
  mode: number | undefined;
  summary: string;
}

/**
 * Undoes sec-init. With the state the install left in `<git dir>/seckit/`, every file that still
 * holds what sec-init wrote gets its original bytes back (or is removed when sec-init created
 * it); a file changed since loses only sec-init's parts (packages, husky call, lint-staged task,
 * hook block), so the user's later edits survive. core.hooksPath goes back to its old value and
 * the folders sec-init created (node_modules among them) are removed. Without state (another
 * clone), sec-init's parts are removed from each file the same way.
 */
export async function uninstall(options: UninstallOptions): Promise<UninstallResult> {
  try {
    return await uninstallSteps(options);
  } catch (error) {
    if (error instanceof InstallError)
      return { status: 'failed', code: error.code, message: error.message, file: error.file };
    throw error;
  }
}

async function uninstallSteps(options: UninstallOptions): Promise<UninstallResult> {
  const env = options.env ?? process.env;
  const layout = await resolveLayout(path.resolve(options.dir), env);
  const { gitRoot } = layout;
  const stateDir = path.join(layout.gitDir, 'seckit');
  if (!options.dryRun) await recoverInterrupted(gitRoot, stateDir, env);
  const state = await readState(stateDir);
  const installRel = state?.installRel ?? layout.installRel;
  const notes: string[] = [];
  const restores =
    state !== undefined
      ? await plannedFromState(gitRoot, stateDir, state, notes)
      : await plannedWithoutState(gitRoot, installRel, env, notes);

  const config: PlannedConfig[] = [];
  const hooksPath = await readLocalConfig(gitRoot, 'core.hooksPath', env);
  if (state !== undefined) {
    for (const entry of state.gitConfig) {
      if ((hooksPath ?? null) === entry.after && entry.before !== entry.after) {
        config.push({
          key: entry.key,
          before: hooksPath,
          after: entry.before ?? undefined,
          summary: messages.uninstallHooksPath(entry.before ?? undefined),
        });
      } else if ((hooksPath ?? null) !== (entry.before ?? null))
        notes.push(messages.noteHooksPathChanged(hooksPath));
    }
  } else if (
    hooksPath !== undefined &&
    isOurHooksPath(hooksPath, gitRoot, installRel) &&
    !otherHuskyHooks(gitRoot, installRel, restores)
  ) {
    config.push({
      key: 'core.hooksPath',
      before: hooksPath,
      after: undefined,
      summary: messages.uninstallHooksPath(undefined),
    });
  }
  const dirs = state?.createdDirs.filter((d) => existsSync(path.join(gitRoot, d))) ?? [];
  if (
    state === undefined &&
    config.length > 0 &&
    existsSync(path.join(gitRoot, huskyHooksPath(installRel)))
  ) {
    dirs.push(huskyHooksPath(installRel));
  }

  if (restores.length === 0 && config.length === 0 && dirs.length === 0) {
    if (state !== undefined && !options.dryRun) await dropState(stateDir);
    return { status: 'not-installed', gitRoot };
  }
  if (state !== undefined && !dirs.includes(path.posix.join(installRel, 'node_modules'))) {
    notes.push(messages.noteNodeModulesLeft(state.packageManager, installRel));
  }
  const changes: UninstallChange[] = [
    ...restores.map((r) => ({ target: r.path, summary: r.summary })),
    ...config.map((c) => ({ target: c.key, summary: c.summary })),
    ...dirs.map((d) => ({ target: d, summary: messages.uninstallDir() })),
  ];
  const diff = [
    ...restores.map((r) => unifiedDiff(r.path, r.before?.toString('utf8'), r.after?.toString('utf8'))),
    ...config.map(diffOfConfig),
    ...dirs.map((d) => messages.dryRunRemoveDir(d)),
  ]
    .filter((d) => d !== '')
    .join('\n');
  if (options.dryRun) return { status: 'planned', gitRoot, changes, notes, diff };
  if (
    options.confirm !== undefined &&
    !(await options.confirm(changes.map((c) => `  ${c.target}: ${c.summary}`).join('\n')))
  ) {
    return { status: 'declined' };
  }

  const tx = await Transaction.begin({
    gitRoot,
    stateDir,
    env,
    files: restores.map((r) => r.path),
    dirs: [],
    gitConfigKeys: config.map((c) => c.key),
  });
  try {
    for (const r of restores) {
      const abs = path.join(gitRoot, r.path);
      if (r.after === undefined) await rm(abs, { force: true });
      else {
        await writeFileAtomic(abs, r.after, r.mode);
        if (r.mode !== undefined) await chmod(abs, r.mode);
      }
    }
    for (const c of config) await writeLocalConfig(gitRoot, c.key, c.after, env);
  } catch (error) {
    await tx.rollback();
    throw new InstallError('E_WRITE', `${messages.unexpected(error)}\n\n${messages.rolledBack()}`);
  }
  await tx.finish();
  // Folders last, once nothing can fail any more: deepest first; node_modules and husky's `_` hold
  // only installed files; any other folder only when empty.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    const abs = path.join(gitRoot, dir);
    const name = path.basename(abs);
    if (name === 'node_modules' || name === '_') await rm(abs, { recursive: true, force: true });
    else if (existsSync(abs) && readdirSync(abs).length === 0)
      await rm(abs, { recursive: true, force: true });
  }
  await dropState(stateDir);
  await dropConfigCache(layout.commonDir);
  return { status: 'uninstalled', gitRoot, changes, notes, diff };
}

/**
 * The hook's cache of validated configuration (cli/load-config.ts) lives in the git folder all
 * work trees share; in the main work tree it went with the state folder, in a linked one it is
 * removed here (with its `seckit` folder when nothing else is left in it).
 */
async function dropConfigCache(commonDir: string): Promise<void> {
  await rm(path.join(commonDir, CONFIG_CACHE_DIR), { recursive: true, force: true });
  const dir = path.join(commonDir, path.dirname(CONFIG_CACHE_DIR));
  if (existsSync(dir) && readdirSync(dir).length === 0) await rm(dir, { recursive: true, force: true });
}

async function plannedFromState(
  gitRoot: string,
  stateDir: string,
  state: InstallState,
  notes: string[],
): Promise<Restore[]> {
  const restores: Restore[] = [];
  for (const file of state.files) {
    const abs = path.join(gitRoot, file.path);
    const current = await readFile(abs).catch(() => undefined);
    const backup = await readBackup(stateDir, file);
    const unchangedSince = current === undefined ? file.written === null : sha256(current) === file.written;
    if (unchangedSince) {
      if (current === undefined ? backup === undefined : backup !== undefined && current.equals(backup))
        continue;
      restores.push({
        path: file.path,
        before: current,
        after: backup,
        mode: file.mode ?? undefined,
        summary: backup === undefined ? messages.uninstallRemoved() : messages.uninstallRestored(),
      });
      continue;
    }
    if (current === undefined) continue;
    const undone = await undoParts(
      gitRoot,
      file.path,
      current.toString('utf8'),
      state.installRel,
      state.addedPackages,
    );
    if (undone === 'keep') {
      notes.push(messages.noteKeptChanged(file.path));
      continue;
    }
    if (undone === current.toString('utf8')) continue;
    restores.push({
      path: file.path,
      before: current,
      after: undone === undefined ? undefined : Buffer.from(undone),
      mode: undefined,
      summary: messages.uninstallPartsRemoved(),
    });
    if (ALL_LOCKFILES.some((name) => file.path.endsWith(name)))
      notes.push(messages.noteLockfileChanged(file.path));
  }
  return restores;
}

/**
 * A file without sec-init's parts, by what the file is; `'keep'` for files that are wholly the
 * user's once edited (the policy, the baseline, lockfiles: the package manager fixes those).
 */
async function undoParts(
  gitRoot: string,
  rel: string,
  text: string,
  installRel: string,
  added: readonly string[],
): Promise<string | undefined | 'keep'> {
  const name = path.posix.basename(rel);
  if (name === 'package.json') {
    const withoutDeps = unplanPackageJson({ text, file: path.join(gitRoot, rel), remove: added, installRel });
    const config = await readConfig(path.join(gitRoot, rel), gitRoot);
    return config === undefined ? withoutDeps : removeSeckitTask({ ...config, text: withoutDeps });
  }
  if (rel === path.posix.join(huskyDir(installRel), 'pre-commit')) return removeSeckitBlock(text);
  if (name === '.gitignore') return withoutSeckitLines(text);
  if (rel === WORKFLOW_PATH) return text.startsWith(WORKFLOW_MARKER) ? undefined : 'keep';
  const config = await readConfig(path.join(gitRoot, rel), gitRoot);
  if (config !== undefined) {
    const rest = removeSeckitTask(config);
    return /^\s*\{\s*\}\s*$/.test(rest) || rest.trim() === '{}' || rest.trim() === '' ? undefined : rest;
  }
  return 'keep';
}

/** Without state: remove sec-init's parts wherever they are recognisable. */
async function plannedWithoutState(
  gitRoot: string,
  installRel: string,
  env: NodeJS.ProcessEnv,
  notes: string[],
): Promise<Restore[]> {
  const restores: Restore[] = [];
  const add = async (rel: string, after: string | undefined, summary: string) => {
    const before = await readText(gitRoot, rel);
    if (before === undefined || before === after) return;
    restores.push({
      path: rel,
      before: Buffer.from(before),
      after: after === undefined ? undefined : Buffer.from(after),
      mode: undefined,
      summary,
    });
  };
  const pkgRel = path.posix.join(installRel, 'package.json');
  const pkg = await readText(gitRoot, pkgRel);
  if (pkg !== undefined) {
    const undone = await undoParts(gitRoot, pkgRel, pkg, installRel, [HOOKS_PACKAGE, CORE_PACKAGE]);
    if (typeof undone === 'string') await add(pkgRel, undone, messages.uninstallPartsRemoved());
    notes.push(messages.noteNoState());
  }
  const levels = installRel === '' ? 0 : installRel.split('/').length;
  for (const config of await findLintStagedConfigs(path.join(gitRoot, installRel), gitRoot, env)) {
    // The module config sec-init creates goes if nobody changed it; other code is never edited.
    if (
      config.rel === path.posix.join(installRel, CREATED_CONFIG_NAME) &&
      isCreatedLintStagedConfig(config.text, taskGlobs(levels))
    ) {
      await add(config.rel, undefined, messages.uninstallRemoved());
      continue;
    }
    if (config.rel === pkgRel || !hasSeckitTask(config) || config.format === 'code') continue;
    const undone = await undoParts(gitRoot, config.rel, config.text, installRel, []);
    if (undone !== 'keep') await add(config.rel, undone, messages.uninstallPartsRemoved());
  }
  const hookRel = path.posix.join(huskyDir(installRel), 'pre-commit');
  const hook = await readText(gitRoot, hookRel);
  if (hook !== undefined) await add(hookRel, removeSeckitBlock(hook), messages.uninstallPartsRemoved());
  for (const rel of [POLICY_PATH, BASELINE_PATH]) {
    if (existsSync(path.join(gitRoot, rel))) notes.push(messages.noteKeptChanged(rel));
  }
  const workflow = await readText(gitRoot, WORKFLOW_PATH);
  if (workflow?.startsWith(WORKFLOW_MARKER)) await add(WORKFLOW_PATH, undefined, messages.uninstallRemoved());
  return restores;
}

/** Whether husky's folder keeps other hooks once our pre-commit goes (then core.hooksPath stays). */
function otherHuskyHooks(gitRoot: string, installRel: string, restores: readonly Restore[]): boolean {
  const dir = path.join(gitRoot, huskyDir(installRel));
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n !== '_' && !n.startsWith('.'));
  } catch {
    return false;
  }
  const preCommit = restores.find((r) => r.path === path.posix.join(huskyDir(installRel), 'pre-commit'));
  return (
    names.some((n) => n !== 'pre-commit') || (names.includes('pre-commit') && preCommit?.after !== undefined)
  );
}
