/**
 * The command that re-wires the hook on every install. `|| true` is husky's own recipe for
 * installs without devDependencies (`npm install --omit=dev`, `npm ci --omit=dev` in Docker):
 * there husky is absent and an unguarded `husky` fails the whole install (husky#914, #1331).
 * `HUSKY=0` and `CI=true` need nothing: husky skips itself on the first, and on the second it
 * only sets core.hooksPath, which is harmless. Below the repository root it is husky's documented
 * `cd ..` form (husky refuses `..` paths and must run where `.git` is).
 */
export function huskyCommand(installRel: string): string {
  if (installRel === '') return 'husky || true';
  const up = installRel
    .split('/')
    .map(() => '..')
    .join('/');
  return `cd ${up} && (husky ${installRel}/.husky || true)`;
}

/** Every `husky` call in a script with its folder argument (`undefined` for husky's default). */
function huskyCalls(script: string): (string | undefined)[] {
  const calls: (string | undefined)[] = [];
  for (const match of script.matchAll(
    /(?:^|[^\w@/-])(?:[\w./-]*\/)?husky(?![\w-])(?:\s+install)?(?:[ \t]+([^\s;&|()]+))?/g,
  )) {
    calls.push(match[1]);
  }
  return calls;
}

/**
 * Whether `script` already runs husky for the hooks folder we use: `husky` (or `husky install`,
 * husky 8's spelling) at the root, `husky <sub>/.husky` for a package below it.
 */
export function runsHuskyFor(script: string | undefined, installRel: string): boolean {
  if (script === undefined) return false;
  const wanted =
    installRel === '' ? ['.husky', './.husky'] : [`${installRel}/.husky`, `./${installRel}/.husky`];
  return huskyCalls(script).some((arg) => (arg === undefined ? installRel === '' : wanted.includes(arg)));
}

/**
 * The script after adding our husky call. Absent → just the call. Present without it →
 * `<existing> && (<call>)`: appending keeps the user's build step, where `husky init` replaces it
 * (husky#1387); the parentheses keep `|| true` from swallowing a failure of the user's own step.
 * Already wired → unchanged, because the user set it up their way.
 */
export function addHuskyToScript(existing: string | undefined, installRel: string): string {
  const call = huskyCommand(installRel);
  if (existing === undefined || existing.trim() === '') return call;
  if (runsHuskyFor(existing, installRel)) return existing;
  return `${existing.trimEnd()} && (${call})`;
}

/** The script without what `addHuskyToScript` added; `undefined` when nothing is left. */
export function removeHuskyFromScript(script: string, installRel: string): string | undefined {
  const call = huskyCommand(installRel);
  if (script === call) return undefined;
  const suffix = ` && (${call})`;
  return script.endsWith(suffix) ? script.slice(0, -suffix.length) : script;
}

/** True when the script runs husky without a guard, which breaks `npm install --omit=dev`. */
export function huskyUnguarded(script: string | undefined): boolean {
  return (
    script !== undefined &&
    /(^|[^\w-])husky\b/.test(script) &&
    !/husky[^&;|]*\|\|\s*(true|exit 0|:)/.test(script)
  );
}
