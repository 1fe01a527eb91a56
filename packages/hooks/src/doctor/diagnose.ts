import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadBaseline, loadPolicy } from '@seckit/core';
import { detectHookOwner, huskyDir, huskyHooksPath } from '../install/detect-hooks.js';
import { hasSeckitBlock, userRunsLintStaged } from '../install/hook-block.js';
import { installedVersion } from '../install/install-dependencies.js';
import { findLintStagedConfigs } from '../install/lint-staged-configs.js';
import { hasSeckitTask } from '../install/lint-staged-task.js';
import { messages } from '../install/messages.js';
import { type Layout, resolveLayout } from '../install/resolve-layout.js';

/** One finding of `seckit doctor`: fine, a problem (with its fix), or worth knowing. */
export interface DoctorCheck {
  status: 'ok' | 'problem' | 'warning';
  message: string;
  fix?: string;
}

export interface Diagnosis {
  gitRoot: string;
  checks: DoctorCheck[];
}

const MIN_NODE = [20, 19] as const;

function isExecutable(file: string): boolean {
  try {
    const info = statSync(file);
    return info.isFile() && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether commits in this work tree are really checked: git and Node recent enough, the tools
 * installed, core.hooksPath pointing at a hook that exists *here* (husky's `_` folder is
 * git-ignored, so a new worktree or clone has none until an install: the silent skip of
 * bloknayrb/tandem#2030), the hook running seckit, every lint-staged config carrying the task, and
 * a valid policy. Throws InstallError for what stops the diagnosis itself (no git, no repository).
 */
export async function diagnose(
  cwd: string,
  env: NodeJS.ProcessEnv,
  nodeVersion = process.versions.node,
): Promise<Diagnosis> {
  const layout = await resolveLayout(cwd, env);
  const checks: DoctorCheck[] = [];
  const ok = (message: string) => checks.push({ status: 'ok', message });
  const problem = (message: string, fix: string) => checks.push({ status: 'problem', message, fix });
  const warning = (message: string, fix?: string) =>
    checks.push(fix === undefined ? { status: 'warning', message } : { status: 'warning', message, fix });

  ok(messages.doctorGit(layout.gitVersion));
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]))
    ok(messages.doctorNode(nodeVersion));
  else problem(messages.doctorNodeOld(nodeVersion), messages.doctorNodeFix());

  const { installRoot, installRel, gitRoot } = layout;
  const pm = installHint(layout);
  const hooksVersion = await installedVersion(installRoot, '@seckit/hooks');
  if (hooksVersion === undefined)
    problem(
      messages.doctorMissingPackage('@seckit/hooks', installRel),
      messages.doctorInstallFix(pm, installRel),
    );
  else ok(messages.doctorPackage('@seckit/hooks', hooksVersion));

  const owner = await detectHookOwner(gitRoot, installRel, env);
  if (owner.kind === 'foreign') {
    diagnoseForeign(owner, gitRoot, ok, problem);
  } else {
    await diagnoseHusky(layout, owner.kind === 'ours' ? owner.setting.value : undefined, pm, env, {
      ok,
      problem,
      warning,
    });
  }

  const policy = await loadPolicy(gitRoot);
  if (!policy.ok) problem(messages.doctorPolicyInvalid(policy.errors), messages.doctorPolicyFix());
  else if (policy.source === 'default')
    warning(messages.doctorPolicyMissing(), messages.doctorPolicyMissingFix());
  else ok(messages.doctorPolicy());
  const baseline = await loadBaseline(gitRoot);
  if (!baseline.ok) problem(messages.doctorPolicyInvalid(baseline.errors), messages.doctorBaselineFix());

  if (env.HUSKY === '0') warning(messages.doctorHuskyZero());
  return { gitRoot, checks };
}

function installHint(layout: Layout): string {
  const lock = ['pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'].find((f) =>
    existsSync(path.join(layout.installRoot, f)),
  );
  return lock === undefined
    ? 'npm install'
    : `${lock.startsWith('pnpm') ? 'pnpm' : lock.startsWith('yarn') ? 'yarn' : 'bun'} install`;
}

function diagnoseForeign(
  owner: Extract<Awaited<ReturnType<typeof detectHookOwner>>, { kind: 'foreign' }>,
  gitRoot: string,
  ok: (m: string) => void,
  problem: (m: string, f: string) => void,
): void {
  const hooksDir = path.resolve(gitRoot, owner.hooksDir);
  const sources = [
    path.join(hooksDir, 'pre-commit'),
    ...['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', '.pre-commit-config.yaml'].map((f) =>
      path.join(gitRoot, f),
    ),
  ];
  const runsSeckit = sources.some((file) => /\bseckit\b/.test(readOrUndefined(file) ?? ''));
  if (runsSeckit) ok(messages.doctorForeignRunsSeckit(owner.hooksDir, owner.manager));
  else
    problem(messages.doctorForeignWithoutSeckit(owner.hooksDir, owner.manager), messages.doctorForeignFix());
}

async function diagnoseHusky(
  layout: Layout,
  hooksPath: string | undefined,
  pm: string,
  env: NodeJS.ProcessEnv,
  report: {
    ok: (m: string) => void;
    problem: (m: string, f: string) => void;
    warning: (m: string, f?: string) => void;
  },
): Promise<void> {
  const { installRoot, installRel, gitRoot } = layout;
  const { ok, problem, warning } = report;
  const huskyVersion = await installedVersion(installRoot, 'husky');
  if (huskyVersion === undefined)
    problem(messages.doctorMissingPackage('husky', installRel), messages.doctorInstallFix(pm, installRel));
  else ok(messages.doctorPackage('husky', huskyVersion));

  const expected = huskyHooksPath(installRel);
  if (hooksPath === undefined) {
    problem(messages.doctorHooksPathUnset(), messages.doctorRewireFix(pm, installRel));
    return;
  }
  ok(messages.doctorHooksPath(hooksPath));
  const runner = path.join(gitRoot, expected);
  if (!existsSync(path.join(runner, 'h')) || !existsSync(path.join(runner, 'pre-commit'))) {
    problem(messages.doctorRunnerMissing(expected), messages.doctorRewireFix(pm, installRel));
  } else if (!isExecutable(path.join(runner, 'pre-commit'))) {
    problem(messages.doctorNotExecutable(`${expected}/pre-commit`), messages.doctorRewireFix(pm, installRel));
  } else ok(messages.doctorRunner(expected));

  const hookRel = path.posix.join(huskyDir(installRel), 'pre-commit');
  const hook = readOrUndefined(path.join(gitRoot, hookRel));
  if (hook === undefined) {
    problem(messages.doctorHookMissing(hookRel), messages.doctorSecInitFix());
    return;
  }
  if (!isExecutable(path.join(gitRoot, hookRel)))
    warning(messages.doctorHookNotExecutable(hookRel), `chmod +x ${hookRel}`);
  const configs = await findLintStagedConfigs(installRoot, gitRoot, env);
  // Commands only: the comment block names the task without running it.
  const code = hook
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
  const blockRunsLintStaged = /node_modules\/\.bin\/lint-staged/.test(code) && hasSeckitBlock(hook);
  const viaUser = userRunsLintStaged(hook);
  const direct = /\bseckit(\.js)?\s+scan\b/.test(code);
  // Something must start seckit: our block (lint-staged or seckit itself) or the user's lint-staged line.
  if (!direct && !viaUser && !blockRunsLintStaged) {
    problem(messages.doctorHookWithoutSeckit(hookRel), messages.doctorSecInitFix());
    return;
  }
  const target = path.join(
    installRoot,
    'node_modules',
    '.bin',
    direct && !blockRunsLintStaged ? 'seckit' : 'lint-staged',
  );
  if (!isExecutable(target)) {
    problem(
      messages.doctorTargetMissing(hookRel, path.relative(gitRoot, target)),
      messages.doctorInstallFix(pm, installRel),
    );
  } else ok(messages.doctorHook(hookRel, path.relative(gitRoot, target)));
  if (direct && !blockRunsLintStaged) return;
  if (configs.length === 0) {
    problem(messages.doctorNoLintStagedConfig(), messages.doctorSecInitFix());
    return;
  }
  const without = configs.filter((c) => !hasSeckitTask(c));
  if (without.length > 0) {
    problem(messages.doctorConfigsWithoutTask(without.map((c) => c.rel)), messages.doctorSecInitFix());
  } else ok(messages.doctorConfigs(configs.map((c) => c.rel)));
}
