import path from 'node:path';
import { runCommand } from './run-command.js';

export const NODE_MODULES_LINE = 'node_modules/';

/**
 * Whether git already ignores `<installRel>/node_modules`. Asked of git (`check-ignore`), so
 * every source counts: nested .gitignore files, .git/info/exclude, a global excludes file.
 */
export async function nodeModulesIgnored(
  gitRoot: string,
  installRel: string,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  // A path inside the folder, which need not exist: git matches patterns against the name only.
  const probe = path.posix.join(installRel, 'node_modules', 'seckit-probe');
  const result = await runCommand('git', ['check-ignore', '-q', '--no-index', probe], { cwd: gitRoot, env });
  return result.status === 0;
}

/** `.gitignore` text with node_modules added (a missing final newline is added first). */
export function withNodeModulesIgnored(existing: string | undefined): string {
  if (existing === undefined || existing === '') return `${NODE_MODULES_LINE}\n`;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  return `${existing}${existing.endsWith('\n') ? '' : eol}${NODE_MODULES_LINE}${eol}`;
}

/** `.gitignore` text without the line sec-init added (for `--uninstall` of a changed file). */
export function withoutNodeModulesLine(existing: string): string | undefined {
  const lines = existing.split(/(?<=\n)/);
  const index = lines.findLastIndex((line) => line.replace(/\r?\n$/, '') === NODE_MODULES_LINE);
  if (index === -1) return existing;
  const rest = [...lines.slice(0, index), ...lines.slice(index + 1)].join('');
  return rest === '' ? undefined : rest;
}
