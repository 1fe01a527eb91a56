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

/**
 * The lines sec-init adds to the repository's root .gitignore when environment files are not
 * ignored yet: `.env` files hold secrets, and templates (`.env.example`…) stay committable.
 */
export const ENV_HEADER = '# seckit: environment files hold secrets (keep the templates)';
export const ENV_LINES = ['.env', '.env.*', '!.env.example', '!.env.sample', '!.env.template'] as const;

/** `.gitignore` text with sec-init's environment-file lines appended. */
export function withEnvFilesIgnored(existing: string | undefined): string {
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const block = [ENV_HEADER, ...ENV_LINES].join(eol) + eol;
  if (existing === undefined || existing === '') return block;
  return `${existing}${existing.endsWith('\n') ? '' : eol}${block}`;
}

/**
 * `.gitignore` text without the lines sec-init added (for `--uninstall` of a file changed since):
 * the last `node_modules/` line and the environment-file block under its header.
 */
export function withoutSeckitLines(existing: string): string | undefined {
  let lines = existing.split(/(?<=\n)/);
  const bare = (line: string) => line.replace(/\r?\n$/, '');
  const header = lines.findLastIndex((line) => bare(line) === ENV_HEADER);
  if (header !== -1) {
    // Our lines, in our order, and no further: a `.env` the user added after them is theirs.
    let end = header + 1;
    for (const line of ENV_LINES) {
      if (end < lines.length && bare(lines[end]!) === line) end++;
      else break;
    }
    lines = [...lines.slice(0, header), ...lines.slice(end)];
  }
  const index = lines.findLastIndex((line) => bare(line) === NODE_MODULES_LINE);
  if (index !== -1) lines = [...lines.slice(0, index), ...lines.slice(index + 1)];
  const rest = lines.join('');
  return rest === '' ? undefined : rest;
}
