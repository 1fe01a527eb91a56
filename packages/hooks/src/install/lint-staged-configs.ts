import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from './resolve-layout.js';
import { runCommand } from './run-command.js';

/** lint-staged 16's config file names (lib/configFiles.js), in its order. */
export const LINT_STAGED_FILES = [
  'package.json',
  'package.yaml',
  'package.yml',
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.mts',
  '.lintstagedrc.js',
  '.lintstagedrc.ts',
  '.lintstagedrc.cjs',
  '.lintstagedrc.cts',
  'lint-staged.config.mjs',
  'lint-staged.config.mts',
  'lint-staged.config.js',
  'lint-staged.config.ts',
  'lint-staged.config.cjs',
  'lint-staged.config.cts',
] as const;

/**
 * How sec-init can change a config: JSON and YAML are edited in place; package.json gets its
 * `lint-staged` key edited; code (`.js`, `.mjs`, `.ts`, …) and package.yaml are never rewritten,
 * because a program's value cannot be edited safely; the snippet to add is printed instead.
 */
export type ConfigFormat = 'package.json' | 'json' | 'yaml' | 'code';

export interface LintStagedConfig {
  file: string;
  /** Repository-relative POSIX path, for messages. */
  rel: string;
  format: ConfigFormat;
  text: string;
}

function formatOf(name: string, text: string): ConfigFormat {
  if (name === 'package.json') return 'package.json';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return name.startsWith('package.') ? 'code' : 'yaml';
  if (name === '.lintstagedrc') return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  return 'code';
}

/**
 * The lint-staged configurations that apply when lint-staged runs in `dir`, found the way
 * lint-staged 16 finds them (lib/searchConfigs.js): every config file git tracks or would track
 * under `dir`, plus, when `dir` has none itself, the nearest one above it (up to the repository
 * root). A package.json counts only when it has a `lint-staged` key. Each staged file is handled by
 * its closest config only (configs are not merged), which is why sec-init adds its task to all.
 */
export async function findLintStagedConfigs(
  dir: string,
  gitRoot: string,
  env: NodeJS.ProcessEnv,
): Promise<LintStagedConfig[]> {
  const listed = await runCommand(
    'git',
    [
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      ...LINT_STAGED_FILES.map((name) => `:(glob)**/${name}`),
    ],
    { cwd: dir, env },
  );
  const candidates = new Set(
    listed.status === 0
      ? listed.stdout
          .split('\0')
          .filter((line) => line !== '')
          .map((rel) => path.resolve(dir, rel))
      : [],
  );
  // git lists paths relative to `dir`; the folder's own files may also be untracked and ignored.
  for (let d = dir; ; d = path.dirname(d)) {
    const here = LINT_STAGED_FILES.map((name) => path.join(d, name));
    const found: string[] = [];
    for (const file of here) if (existsSync(file)) found.push(file);
    const configsHere = [];
    for (const file of found) if ((await readConfig(file, gitRoot)) !== undefined) configsHere.push(file);
    for (const file of configsHere) candidates.add(file);
    if (configsHere.length > 0 || d === gitRoot || path.dirname(d) === d) break;
  }
  const configs: LintStagedConfig[] = [];
  for (const file of [...candidates].sort()) {
    const config = await readConfig(file, gitRoot);
    if (config !== undefined) configs.push(config);
  }
  return configs;
}

/** The config in `file`, or `undefined` when it is a package.json without a `lint-staged` key. */
export async function readConfig(file: string, gitRoot: string): Promise<LintStagedConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const name = path.basename(file);
  const format = formatOf(name, text);
  if (format === 'package.json') {
    try {
      const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      if (data === null || typeof data !== 'object' || !('lint-staged' in data)) return undefined;
    } catch {
      return undefined;
    }
  }
  if ((name === 'package.yaml' || name === 'package.yml') && !/^lint-staged\s*:/m.test(text))
    return undefined;
  return { file, rel: toPosix(path.relative(gitRoot, file)), format, text };
}
