/**
 * Every sentence sec-init shows a person, in one place (lint-staged's habit): each names the file
 * or setting it is about and says what to do next. Nothing here prints; callers decide where text goes.
 */

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const messages = {
  notADirectory: (dir: string) =>
    `${dir} is not a folder. Pass the folder of your git repository: npx sec-init <dir>`,
  gitNotFound: (reason: string) =>
    `git could not be started (${reason}). Install git (https://git-scm.com) and make sure it is on PATH.`,
  notAGitRepo: (dir: string) =>
    `${dir} is not inside a git repository, so there is no commit to guard.\n` +
    `Run \`git init\` there first, or pass the repository's folder: npx sec-init <dir>`,
  notGitRoot: (dir: string, root: string) =>
    `${dir} is inside the git repository ${root} but is not its top folder.\n` +
    `sec-init installs at the repository root for now (husky wires hooks from there only).\n` +
    `Run it there instead: npx sec-init ${root}`,
  huskyDisabled: () =>
    'HUSKY=0 is set in this environment, so husky would neither wire nor run the pre-commit hook.\n' +
    'Unset it (`unset HUSKY`) and run sec-init again.',

  packageJsonUnreadable: (file: string, error: unknown) => `Cannot read ${file}: ${errorText(error)}`,
  packageJsonInvalid: (file: string, error: unknown) =>
    `${file} is not valid JSON (${errorText(error)}). Fix it, then run sec-init again.`,
  packageJsonNotObject: (file: string) =>
    `${file} must contain a JSON object ({ … }). Fix it, then run sec-init again.`,
  scriptsNotObject: (file: string) =>
    `"scripts" in ${file} must be an object of script names to commands. Fix it, then run sec-init again.`,
  prepareNotString: (file: string) =>
    `"scripts.prepare" in ${file} must be a string (a shell command). Fix it, then run sec-init again.`,

  tarballDirUnreadable: (dir: string, error: unknown) =>
    `Cannot read the --from folder ${dir}: ${errorText(error)}`,
  tarballsAmbiguous: (dir: string, name: string, first: string, second: string) =>
    `${dir} holds two tarballs of ${name} (${first.split(/[\\/]/).pop()} and ${second}). Keep one and run sec-init again.`,
  tarballsMissingHooks: (dir: string) =>
    `${dir} has no seckit-hooks-<version>.tgz. Pack it first (pnpm --filter @seckit/hooks pack --pack-destination ${dir}), ` +
    'together with seckit-core-<version>.tgz, which it depends on.',

  packageManagerNotFound: (command: string) =>
    `${command} is not on PATH, but this project uses it. Install ${command} (or enable it with \`corepack enable\`) and run sec-init again.`,
  installFailed: (command: string, dir: string, status: number | null, output: string) =>
    `Installing the dependencies failed (${command} exited with ${status ?? 'a signal'} in ${dir}).\n` +
    `Fix the problem below, then run sec-init again (or run the command yourself):\n\n${output}`,

  hookUnreadable: (file: string, error: unknown) => `Cannot read ${file}: ${errorText(error)}`,
  hookBlockMalformed: (file: string, reason: string) =>
    `${file} was not changed: ${reason}.\n` +
    'Delete the seckit lines (from "# >>> seckit >>>" to "# <<< seckit <<<") and run sec-init again to rewrite them.',

  huskyMissing: (dir: string, error: unknown) =>
    `husky is not installed in ${dir}/node_modules (${errorText(error)}).\n` +
    'Install the dependencies (for example `npm install`), then run sec-init again.',
  huskyFailed: (dir: string, said: string) =>
    `husky ran in ${dir} but git's core.hooksPath is not .husky/_, so the hook would not run.\n` +
    `${said === '' ? 'husky printed nothing.' : `husky said: ${said}`}\n` +
    'Fix that, then run sec-init again (it only redoes what is missing).',

  foreignHooksPath: (options: { value: string; origin: string; hooksDir: string; installCommand: string }) =>
    `git runs hooks from ${options.hooksDir} (core.hooksPath = ${options.value}` +
    `${options.origin === '' ? '' : `, set in ${options.origin}`}), which another tool or person set up.\n` +
    'sec-init changed nothing: pointing core.hooksPath at husky would silently switch those hooks off.\n\n' +
    'To run seckit from that hook setup instead:\n' +
    `  1. Install it:  ${options.installCommand}\n` +
    `  2. Add these lines to ${options.hooksDir}/pre-commit (if the file is new, start it with #!/bin/sh and make it executable):\n\n` +
    '       # seckit: block commits that add secrets\n' +
    '       ./node_modules/.bin/seckit scan --staged || exit $?\n\n' +
    'Or run sec-init again with --force to switch core.hooksPath to husky (.husky/_).',

  progressInstalling: (names: string, command: string) => `Installing ${names}: ${command}`,

  changeCreatedPackageJson: () => 'created a minimal private package.json (there was none)',
  changeInstalled: (specs: string, packageManager: string) =>
    `installed ${specs} as exact devDependencies with ${packageManager}`,
  changePrepareSet: (after: string) => `set scripts.prepare to "${after}" (so installs re-wire the hook)`,
  changePrepareExtended: (before: string, after: string) =>
    `extended scripts.prepare from "${before}" to "${after}"`,
  changeHook: (action: 'created' | 'appended' | 'updated') =>
    action === 'created'
      ? 'created it with the seckit block'
      : action === 'appended'
        ? 'added the seckit block after your lines (they are unchanged)'
        : 'updated the seckit block in place (your lines are unchanged)',
  changeHookExecutable: () => 'made it executable',
  changeHooksPath: (previous: string | undefined) =>
    previous === undefined
      ? 'set to .husky/_ by husky'
      : `set to .husky/_ by husky (was ${previous}; those hooks no longer run)`,

  usageError: (reason: string) => `${reason}\nRun \`sec-init --help\` for usage.`,
  internalError: (error: unknown) =>
    `sec-init stopped on an unexpected error: ${errorText(error)}\n` +
    'Nothing after that point was changed. Please report it, with the command you ran.',

  summaryInstalled: (dir: string) => `seckit is installed in ${dir}.`,
  summaryUnchanged: (dir: string) => `Nothing changed: seckit is already installed in ${dir}.`,
  summaryNext: () =>
    'Every `git commit` now runs `seckit scan --staged`; a commit that adds a secret is blocked.\n' +
    'Commit package.json, the lockfile and .husky/pre-commit so everyone who installs gets the hook.',
};
