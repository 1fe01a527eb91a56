import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unifiedDiff } from './unified-diff.js';

/** One file sec-init will write (or delete), computed before anything is written. */
export interface PlannedFile {
  /** Repository-relative POSIX path. */
  path: string;
  before: string | undefined;
  /** New text; `undefined` deletes the file. */
  after: string | undefined;
  /** Make the file executable (hooks). */
  executable?: boolean;
  /** What changes, in words, for the summary. */
  summaries: string[];
}

/** A git config change (the only one sec-init makes is core.hooksPath, through husky). */
export interface PlannedConfig {
  key: string;
  before: string | undefined;
  after: string | undefined;
  summary: string;
}

export async function readText(gitRoot: string, rel: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(gitRoot, rel), 'utf8');
  } catch {
    return undefined;
  }
}

export async function isExecutable(gitRoot: string, rel: string): Promise<boolean> {
  try {
    return ((await stat(path.join(gitRoot, rel))).mode & 0o111) === 0o111;
  } catch {
    return false;
  }
}

/** A file change for the diff (`--dry-run`): unified diff, plus a mode line when only that changes. */
export function diffOfFile(file: PlannedFile, modeChange: boolean): string {
  const diff = unifiedDiff(file.path, file.before, file.after);
  if (!modeChange) return diff;
  const modeLines = `old mode 100644\nnew mode 100755\n`;
  return diff === '' ? `--- a/${file.path}\n+++ b/${file.path}\n${modeLines}` : `${modeLines}${diff}`;
}

/** A git config change in the same unified form, so `--dry-run` output reads as one patch. */
export function diffOfConfig(change: PlannedConfig): string {
  const line = (value: string | undefined) =>
    value === undefined ? [] : [`\t${change.key.split('.')[1]} = ${value}`];
  const before = change.before === undefined ? undefined : ['[core]', ...line(change.before)].join('\n');
  const after = change.after === undefined ? undefined : ['[core]', ...line(change.after)].join('\n');
  return unifiedDiff(
    '.git/config (git config --local)',
    before === undefined ? undefined : `${before}\n`,
    after === undefined ? undefined : `${after}\n`,
  );
}
