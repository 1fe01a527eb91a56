/**
 * Every sentence sec-init and `seckit doctor` show a person, in one place (lint-staged's habit):
 * each names the file or setting it is about and says what to do next. Nothing here prints;
 * callers decide where text goes.
 */

import type { HookOwner } from './detect-hooks.js';
import type { DetectedPackageManager } from './detect-package-manager.js';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const messages = {
  // Where sec-init runs.
  notADirectory: (dir: string) =>
    `${dir} is not a folder. Pass a folder of your git repository: npx sec-init <dir>`,
  gitNotFound: (reason: string) =>
    `git could not be started (${reason}). Install git (https://git-scm.com) and make sure it is on PATH.`,
  gitTooOld: (version: string) =>
    `${version} is too old: husky wires hooks through core.hooksPath, which git reads since 2.9. Update git, then run sec-init again.`,
  notAGitRepo: (dir: string) =>
    `${dir} is not inside a git work tree, so there is no commit to guard.\n` +
    'Run `git init` there first, or pass a folder of the repository: npx sec-init <dir>',

  // package.json and the package manager.
  packageJsonInvalid: (file: string, error: unknown) =>
    `${file} is not valid JSON (${errorText(error)}). Fix it, then run sec-init again.`,
  packageJsonNotObject: (file: string) =>
    `${file} must contain a JSON object ({ … }). Fix it, then run sec-init again.`,
  packageJsonFieldNotObject: (file: string, key: string) =>
    `"${key}" in ${file} must be an object. Fix it, then run sec-init again.`,
  scriptNotString: (file: string, name: string) =>
    `"scripts.${name}" in ${file} must be a string (a shell command). Fix it, then run sec-init again.`,
  privatePackageDescription: () =>
    "Development tools for this repository's commit checks (seckit, set up by sec-init). Not a published package.",
  yarnPlugAndPlay: (dir: string) =>
    `${dir} uses Yarn Plug'n'Play, which has no node_modules, and the commit hook runs seckit from node_modules.\n` +
    'Add `nodeLinker: node-modules` to .yarnrc.yml, run `yarn install`, then run sec-init again.',
  packageManagerNotFound: (command: string) =>
    `${command} is not on PATH, but this project uses it. Install ${command} (or enable it with \`corepack enable\`) and run sec-init again.`,
  installFailed: (command: string, dir: string, status: number | null, output: string) =>
    `Installing the dependencies failed (${command} exited with ${status ?? 'a signal'} in ${dir}).\n` +
    `Fix the problem below, then run sec-init again:\n\n${output}`,
  installIncomplete: (command: string, dir: string) =>
    `${command} finished in ${dir}, but node_modules/@seckit/hooks/bin/seckit.js is not there, so the hook could not run. ` +
    'Check that the package manager installs into node_modules, then run sec-init again.',
  progressInstalling: (names: string, command: string) => `Installing ${names}: ${command}`,

  // --from tarballs.
  tarballDirUnreadable: (dir: string, error: unknown) =>
    `Cannot read the --from folder ${dir}: ${errorText(error)}`,
  tarballUnreadable: (file: string, error: unknown) =>
    `${file} is not a readable npm package tarball (${errorText(error)}). Pack it again (pnpm pack) and run sec-init again.`,
  tarballsAmbiguous: (dir: string, name: string, first: string, second: string) =>
    `${dir} holds two tarballs of ${name} (${first} and ${second}). Keep one and run sec-init again.`,
  tarballsMissingHooks: (dir: string) =>
    `${dir} has no tarball of @seckit/hooks. Pack it first (pnpm --filter @seckit/hooks pack --pack-destination ${dir}), ` +
    'together with the @seckit packages it depends on (@seckit/core, @seckit/secretlint-rule-preset).',

  // Other hook managers and lint-staged configs sec-init will not overwrite.
  foreignHooks: (
    owner: Extract<HookOwner, { kind: 'foreign' }>,
    options: { installCommand: string; seckitBin: string },
  ) => {
    const where =
      owner.setting !== undefined
        ? `git runs hooks from ${owner.hooksDir} (core.hooksPath = ${owner.setting.value}${owner.setting.origin === '' ? '' : `, set in ${owner.setting.origin}`})`
        : `git runs the hooks in ${owner.hooksDir} (${list(owner.scripts)})`;
    const tool =
      owner.manager === 'lefthook'
        ? 'lefthook'
        : owner.manager === 'pre-commit'
          ? 'the pre-commit framework'
          : owner.manager === 'husky'
            ? 'husky (for another folder)'
            : 'another tool or person';
    const command = `${options.seckitBin} scan --staged`;
    const snippet =
      owner.manager === 'lefthook'
        ? `  2. Add to lefthook.yml:\n\n       pre-commit:\n         commands:\n           seckit:\n             run: ${command}\n`
        : owner.manager === 'pre-commit'
          ? '  2. Add to .pre-commit-config.yaml, under `repos:`:\n\n' +
            '       - repo: local\n         hooks:\n           - id: seckit\n' +
            '             name: seckit (secrets, dependency pins, risky files)\n' +
            `             entry: ${command}\n             language: system\n             pass_filenames: false\n             always_run: true\n`
          : `  2. Add these lines to ${owner.hooksDir}/pre-commit (if the file is new, start it with #!/bin/sh and make it executable):\n\n` +
            '       # seckit: block commits that add secrets, unpinned dependencies or risky files\n' +
            `       ${command} || exit $?\n`;
    return (
      `${where}, set up by ${tool}.\n` +
      'sec-init changed nothing: pointing core.hooksPath at husky would silently switch those hooks off.\n\n' +
      'To run seckit from that setup instead:\n' +
      `  1. Install it:  ${options.installCommand}\n` +
      `${snippet}\n` +
      'Or run sec-init again with --force to move the hooks to husky (yours stop running; `sec-init --uninstall` puts them back).'
    );
  },
  codeLintStagedConfig: (files: readonly string[], installRel: string) =>
    `lint-staged is configured in code (${list(files)}), which sec-init does not rewrite: a program cannot be edited safely.\n` +
    `sec-init changed nothing. Add seckit's task to ${files.length === 1 ? 'it' : 'each of them'}, then run sec-init again:\n\n` +
    `    '*': 'seckit scan --staged',${installRel === '' ? '' : `\n    '../**': 'seckit scan --staged', // files outside ${installRel}/`}\n\n` +
    '(in the exported object; if a glob is already there, make its value an array and add the task at the end).\n' +
    'Or run sec-init again with --force: the hook then runs seckit itself, next to lint-staged.',
  lintStagedConfigUnsupported: (file: string, reason: string) =>
    `${file} could not be changed (${
      reason === 'invalid'
        ? 'it is not valid YAML'
        : reason === 'not-an-object'
          ? 'it is not an object of globs to tasks'
          : 'a glob holds a task in a form sec-init does not edit'
    }). Add "*": "seckit scan --staged" to it yourself, then run sec-init again.`,

  // The hook file.
  hookBlockMalformed: (file: string, reason: string) =>
    `${file} was not changed: ${reason}.\n` +
    'Delete the seckit lines (from "# >>> seckit >>>" to "# <<< seckit <<<") and run sec-init again to rewrite them.',
  hookBlockComment: (kind: 'lint-staged' | 'direct') =>
    kind === 'lint-staged'
      ? '# Checks the staged files for secrets, unpinned dependencies and risky files (seckit, run by lint-staged).'
      : '# Checks the staged files for secrets, unpinned dependencies and risky files (seckit).',
  hookCommentLines: (configs: readonly string[]) => [
    `# seckit runs as a lint-staged task ("seckit scan --staged" in ${list(configs)}),`,
    '# started by the lint-staged command of this hook.',
  ],
  hookToolMissing: (bin: string, installHint: string, cd: string) =>
    `seckit: ${bin} is missing, so the commit checks cannot run. Run \`${installHint}\`${cd === '' ? '' : ` in ${cd}`} first (or skip the checks once with git commit --no-verify).`,

  // husky.
  huskyMissing: (dir: string, error: unknown) =>
    `husky is not installed in ${dir}/node_modules (${errorText(error)}).\n` +
    'Install the dependencies (for example `npm install`), then run sec-init again.',
  huskyFailed: (gitRoot: string, hooksPath: string, said: string) =>
    `husky ran in ${gitRoot} but core.hooksPath is not ${hooksPath}, so the hook would not run.\n` +
    `${said === '' ? 'husky printed nothing.' : `husky said: ${said}`}`,
  gitConfigFailed: (key: string, value: string | undefined, said: string) =>
    `git config could not ${value === undefined ? `unset ${key}` : `set ${key} to ${value}`}${said === '' ? '' : `: ${said}`}`,

  // Policy, baseline, workflow.
  policyInvalid: (errors: readonly string[]) =>
    `${errors.join('\n')}\nFix the file (or delete it to get sec-init's defaults), then run sec-init again.`,
  policyTarballException: (manager: string) =>
    `Installed by sec-init --from: ${manager} records no integrity for local tarballs. Remove this once they come from a registry.`,
  workflowNotOurs: (file: string) =>
    `${file} exists and was not written by sec-init, so --ci github did not overwrite it. ` +
    'Rename or remove it, or leave out --ci github.',

  // What changed.
  changeCreatedPackageJson: () => 'created a private package.json for the development tools (there was none)',
  changeDependenciesAdded: (specs: readonly string[]) =>
    `added devDependencies ${specs.join(', ')} (exact versions)`,
  changeDependencyUpdated: (name: string, from: string, to: string) =>
    `changed ${name} from ${from} to ${to}`,
  changeOverrides: (field: string, names: readonly string[]) =>
    `added ${field} for ${names.join(', ')}, so their dependencies on each other use the --from tarballs too`,
  changeScriptSet: (name: string, after: string) =>
    `set scripts.${name} to "${after}" (so every install re-wires the hook)`,
  changeScriptExtended: (name: string, before: string, after: string) =>
    `extended scripts.${name} from "${before}" to "${after}"`,
  changeLintStagedTask: (task: string) => `added the lint-staged task "${task}"`,
  changeLintStagedCreated: () =>
    'created it with the lint-staged task seckitTask() (seckit scan --staged, run inside lint-staged)',
  changeHook: (action: 'created' | 'appended' | 'updated') =>
    action === 'created'
      ? 'created it with the seckit block'
      : action === 'appended'
        ? 'added the seckit block after your lines (they are unchanged)'
        : 'updated the seckit block in place (your lines are unchanged)',
  changeHookExecutable: () => 'made it executable',
  changeGitignore: () => 'added node_modules/ (installed packages are never committed)',
  changeGitignoreEnv: () =>
    'added .env and .env.* (environment files hold secrets; .env.example stays committable)',
  changePolicy: () => 'created with the default policy (edit it to tune the checks)',
  changeBaseline: (count: number) =>
    count === 0
      ? 'created, empty: nothing to accept'
      : `created: ${plural(count, 'existing finding')} accepted`,
  changeWorkflow: (created: boolean) =>
    `${created ? 'created' : 'updated'}: scans the tree and each pull request, uploads SARIF to code scanning`,
  changeInstalled: (command: string, pm: string) => `installed with ${pm} (${command})`,
  changeHooksPath: (value: string, previous: string | undefined) =>
    previous === undefined
      ? `set to ${value} (by husky)`
      : `set to ${value} (by husky; was ${previous}: those hooks no longer run, sec-init --uninstall restores it)`,
  changeHuskyRunner: (hooksPath: string) =>
    `husky wrote its runner into ${hooksPath} (it was missing in this work tree)`,

  // Notes.
  noteNoPackageJson: (python: readonly string[], installHint: string) =>
    `${python.length > 0 ? `This is not a Node.js project (${list(python)})` : 'There was no package.json'}, but seckit and its hook run on Node.js.\n` +
    `Everyone who commits here needs Node.js >= 20.19 and to run \`${installHint}\` once after cloning; that installs the tools and activates the hook.` +
    (python.length > 0 ? `\nThe hook also checks that ${list(python)} pin exact versions.` : ''),
  noteSubfolder: (installRel: string) =>
    `The hook runs lint-staged in ${installRel}/ (husky's "cd" form); the "../**" globs make it check files outside ${installRel}/ too.`,
  noteDirectHook: (files: readonly string[]) =>
    `With --force, the hook runs seckit itself over the whole commit, since ${list(files)} could not get its task.`,
  noteUnguardedHusky: (name: string, script: string) =>
    `scripts.${name} ("${script}") runs husky without a guard, so \`npm install --omit=dev\` fails where husky is not installed; "husky || true" avoids that.`,
  noteNpxInHook: (hook: string) =>
    `${hook} starts lint-staged through npx, which adds about 0.35 s to every commit; node_modules/.bin/lint-staged starts it directly.`,
  noteTarballIntegrity: (manager: string, lockfile: string) =>
    `${manager} records no integrity for the --from tarballs, so the hook reports seckit/lockfile-missing-integrity for @seckit/* in ${lockfile}. ` +
    'Add a dependency exception for them (with your reason) to .seckit/policy.json, or install from a registry.',
  noteHuskyDisabled: () =>
    'HUSKY=0 is set here, so husky was not run: the hook is not active in this clone until an install without HUSKY=0.',
  noteTakeover: (owner: Extract<HookOwner, { kind: 'foreign' }>) =>
    `--force: the hooks in ${owner.hooksDir} no longer run. \`sec-init --uninstall\` points git back at them.`,
  noteNoState: () =>
    'No record of the install was found in this clone, so only the parts sec-init adds were removed (husky and lint-staged were left in package.json, as they may be yours).',
  noteKeptChanged: (file: string) =>
    `${file} was kept: it changed since sec-init wrote it. Delete it if you no longer want it.`,
  noteLockfileChanged: (file: string) =>
    `${file} changed since sec-init; run your package manager's install to drop the removed packages from it.`,
  noteNodeModulesLeft: (pm: string, installRel: string) =>
    `node_modules${installRel === '' ? '' : ` in ${installRel}`} still holds the removed packages; the next \`${pm} install\` drops them.`,
  noteHooksPathChanged: (value: string | undefined) =>
    `core.hooksPath (${value ?? 'unset'}) changed since sec-init set it, so it was left as it is.`,

  // Uninstall.
  uninstallRestored: () => 'restored to what it was before sec-init',
  uninstallRemoved: () => 'removed (sec-init created it)',
  uninstallPartsRemoved: () => "removed sec-init's parts (the file changed since, so your edits stay)",
  uninstallHooksPath: (before: string | undefined) =>
    before === undefined ? 'unset (as it was before sec-init)' : `set back to ${before}`,
  uninstallDir: () => 'removed (sec-init created it)',

  // --dry-run.
  dryRunHeader: (gitRoot: string, uninstall: boolean) =>
    `sec-init --dry-run: nothing was written. ${uninstall ? 'sec-init --uninstall' : 'sec-init'} would make these changes in ${gitRoot}:`,
  dryRunInstall: (command: string, installRel: string) =>
    `# then: ${command}${installRel === '' ? '' : ` (in ${installRel})`}, which updates the lockfile and node_modules\n`,
  dryRunHusky: (hooksPath: string) => `# then: husky writes its runner into ${hooksPath} (git-ignored)\n`,
  dryRunRemoveDir: (dir: string) => `# remove ${dir}/\n`,

  // Summaries.
  summaryInstalled: (gitRoot: string, pm: DetectedPackageManager) =>
    `seckit is installed in ${gitRoot} (package manager: ${pm.name}, from ${pm.source}).`,
  summaryUnchanged: (gitRoot: string) => `Nothing changed: seckit is already installed in ${gitRoot}.`,
  summaryBaseline: (baseline: { accepted: number; existing: number; errors: number }) =>
    (baseline.existing > 0
      ? `Kept the existing baseline (${plural(baseline.existing, 'accepted finding')}); new findings will block.`
      : `${plural(baseline.accepted, 'existing finding')} baselined; new ones will block.`) +
    (baseline.errors > 0
      ? ` (${plural(baseline.errors, 'file')} could not be checked; run \`seckit scan\` to see which.)`
      : ''),
  summaryNext: (targets: readonly string[]) => {
    const files = [...new Set(targets.filter((t) => t !== 'node_modules' && t !== 'core.hooksPath'))];
    return files.length === 0
      ? 'The hook is active again in this work tree.'
      : `Commit ${list(files)} and the lockfile, so that every clone gets the hook when it installs.`;
  },
  summaryUninstalled: (gitRoot: string) => `seckit is uninstalled from ${gitRoot}.`,
  notInstalled: (gitRoot: string) => `Nothing to undo: sec-init is not installed in ${gitRoot}.`,
  recovered: (files: number) =>
    `sec-init: the previous run was interrupted; ${plural(files, 'file')} it had changed ${files === 1 ? 'was' : 'were'} restored first.`,
  rolledBack: () =>
    'Everything sec-init had changed was put back as it was: files byte for byte, git config, and the folders it created ' +
    '(a node_modules that was already there keeps what the package manager added; your next install tidies it).',
  declined: () => 'Nothing changed.',
  confirm: (summary: string, uninstall: boolean) =>
    `${uninstall ? 'sec-init --uninstall' : 'sec-init'} will make these changes:\n${summary}\nContinue? [Y/n] `,

  // seckit doctor.
  doctorHeader: (gitRoot: string) => `seckit doctor: ${gitRoot}`,
  doctorGit: (version: string) => `git ${version} (husky needs >= 2.9)`,
  doctorNode: (version: string) => `Node.js ${version} (seckit needs >= 20.19)`,
  doctorNodeOld: (version: string) =>
    `Node.js ${version} is older than 20.19, which seckit and lint-staged need`,
  doctorNodeFix: () =>
    'install Node.js 20.19 or later (https://nodejs.org), or select it with your version manager',
  doctorPackage: (name: string, version: string) => `${name} ${version} is installed`,
  doctorMissingPackage: (name: string, installRel: string) =>
    `${name} is not installed in ${installRel === '' ? '' : `${installRel}/`}node_modules, so the hook cannot run it`,
  doctorInstallFix: (pm: string, installRel: string) =>
    `run \`${pm}\`${installRel === '' ? '' : ` in ${installRel}`}`,
  doctorHooksPathUnset: () =>
    'core.hooksPath is not set, so git runs no husky hook in this clone (commits are not checked)',
  doctorHooksPath: (value: string) => `core.hooksPath = ${value} (husky)`,
  doctorRewireFix: (pm: string, installRel: string) =>
    `run \`${pm}\`${installRel === '' ? '' : ` in ${installRel}`} here (its prepare script runs husky), or \`npx husky${installRel === '' ? '' : ` ${installRel}/.husky`}\` from the repository root`,
  doctorRunnerMissing: (runner: string) =>
    `${runner}/ is missing in this work tree, so git silently runs no pre-commit hook here (husky writes it on install; it is not committed)`,
  doctorNotExecutable: (file: string) => `${file} is not executable, so git skips it`,
  doctorRunner: (runner: string) => `husky's runner is in place (${runner}/)`,
  doctorHookMissing: (file: string) => `${file} does not exist, so husky has no pre-commit hook to run`,
  doctorHookNotExecutable: (file: string) =>
    `${file} is not executable (husky runs it with sh anyway, but other tools may not)`,
  doctorHookWithoutSeckit: (file: string) => `${file} neither runs seckit nor lint-staged`,
  doctorSecInitFix: () => 'run `npx sec-init` again: it adds what is missing and changes nothing else',
  doctorTargetMissing: (hook: string, target: string) => `${hook} runs ${target}, which is missing`,
  doctorHook: (hook: string, target: string) => `${hook} runs ${target}`,
  doctorNoLintStagedConfig: () =>
    'no lint-staged configuration was found, so lint-staged runs no seckit task',
  doctorConfigsWithoutTask: (files: readonly string[]) =>
    `${list(files)} ${files.length === 1 ? 'has' : 'have'} no "seckit scan --staged" task: lint-staged gives the files below ${files.length === 1 ? 'it' : 'them'} to ${files.length === 1 ? 'that config' : 'those configs'} only, so they are not checked`,
  doctorConfigs: (files: readonly string[]) => `lint-staged runs seckit (${list(files)})`,
  doctorForeignRunsSeckit: (dir: string, manager: string) =>
    `hooks run from ${dir} (${manager}), which runs seckit`,
  doctorForeignWithoutSeckit: (dir: string, manager: string) =>
    `hooks run from ${dir} (${manager}), which does not run seckit`,
  doctorForeignFix: () => 'run `npx sec-init`: it prints the lines to add to that hook setup',
  doctorPolicy: () => '.seckit/policy.json is valid',
  doctorPolicyInvalid: (errors: readonly string[]) => errors.join('\n'),
  doctorPolicyFix: () => 'fix the places named above (the hook blocks every commit until then)',
  doctorBaselineFix: () => 'fix it, or regenerate it with `seckit baseline`',
  doctorPolicyMissing: () => 'there is no .seckit/policy.json, so the defaults apply',
  doctorPolicyMissingFix: () =>
    'run `npx sec-init` to write one (with a baseline of the findings already there)',
  doctorHuskyZero: () => 'HUSKY=0 is set in this shell, so husky skips every hook here',
  doctorHealthy: () => 'Everything is in place: commits in this work tree are checked by seckit.',
  doctorProblems: (count: number) =>
    `${plural(count, 'problem')} found: commits in this work tree may not be checked. Fix ${count === 1 ? 'it' : 'them'} as shown above.`,

  // Usage.
  usageError: (reason: string) => `${reason}\nRun \`sec-init --help\` for usage.`,
  usageTooManyFolders: (positionals: readonly string[]) =>
    `Expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`,
  usageFromNeedsFolder: () => 'Option --from needs a folder.',
  usageCi: (value: string) =>
    `--ci: "${value}" is not supported; the one CI sec-init writes for is "github".`,
  usageUninstallAlone: () => '--uninstall takes no --from, --ci, --force or --no-lint-staged.',
  helpIntro: () => [
    'Usage: sec-init [dir] [options]',
    '',
    "Installs seckit's pre-commit checks (secrets, dependency pins, risky files) into the git repository",
    'that contains [dir] (default: the current folder): @seckit/hooks, husky and lint-staged as exact',
    'devDependencies, "seckit scan --staged" as a lint-staged task, a marked block in .husky/pre-commit,',
    '.seckit/policy.json and a baseline of the findings already there. Running it again changes nothing.',
    '',
    'Options:',
  ],
  helpOutro: () => [
    '',
    'Exit codes:',
    '  0  installed (or uninstalled), or nothing to do',
    '  1  not installed: another hook manager or a lint-staged config in code needs you first (what to',
    '     add is printed), or you answered no',
    '  2  usage error, or a problem to fix first (not a git repository, invalid package.json, the',
    '     install failed, …); every change was rolled back',
    '',
  ],
  unexpected: (error: unknown) => `sec-init stopped on an unexpected error: ${errorText(error)}`,
  internalError: (error: unknown) =>
    `sec-init stopped on an unexpected error: ${errorText(error)}\nPlease report it, with the command you ran.`,
};
