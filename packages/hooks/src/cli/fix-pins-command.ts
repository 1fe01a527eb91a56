import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeckitError, loadPolicyOrThrow, SeckitError } from '@seckit/core';
import { DepsContext } from '../deps/context.js';
import { applyEdits, type PinEdit, type PinTodo, pinEdits } from '../deps/fix/pin-edits.js';
import { unifiedDiff } from '../deps/fix/unified-diff.js';
import { decodeText } from '../deps/text-place.js';
import { gitText, splitNul } from '../git/run-git.js';
import { writeAtomic } from './write-atomic.js';

export interface FixPinsArgs {
  /** Where the command was started; `paths` are relative to it. */
  cwd: string;
  /** Repository root. */
  root: string;
  /** Print a unified diff instead of writing. */
  dryRun: boolean;
  /** package.json files or folders (their package.json files); none: every tracked package.json. */
  paths: string[];
}

export interface FixPinsIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

/**
 * `seckit fix pins`: rewrites unpinned npm-family specifiers (ranges, dist-tags, tarball URLs,
 * `npm:` aliases, catalog entries) to the versions their lockfile installs. Only the specifier
 * tokens change; indentation, key order, line endings and the final newline stay byte for byte.
 * Exit codes: 0 everything the policy wants pinned is (or would be) pinned; 1 some specifiers
 * need a hand (listed, with why); 2 usage or unreadable files.
 */
export async function fixPinsCommand(args: FixPinsArgs, io: FixPinsIo): Promise<number> {
  try {
    return await fixPins(args, io);
  } catch (error) {
    if (isSeckitError(error)) {
      io.stderr(`seckit fix pins: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function fixPins(args: FixPinsArgs, io: FixPinsIo): Promise<number> {
  const policy = await loadPolicyOrThrow(args.root);
  const manifests = await manifestPaths(args);
  if (manifests.length === 0) {
    io.stdout('No package.json to pin.\n');
    return 0;
  }
  const readRepoFile = async (rel: string) => {
    const abs = path.join(args.root, rel);
    return existsSync(abs) ? readFile(abs) : undefined;
  };
  const files = await Promise.all(
    manifests.map(async (p) => ({ path: p, content: (await readRepoFile(p))! })),
  );
  const ctx = new DepsContext({ root: args.root, scope: 'paths', files, policy, readRepoFile });
  const edits: PinEdit[] = [];
  const todo: PinTodo[] = [];
  for (const manifest of manifests) {
    const found = await pinEdits(ctx, manifest);
    edits.push(...found.edits);
    todo.push(...found.todo);
  }
  const unreadable = ctx.findings.filter(
    (f) => f.ruleId === 'seckit/manifest-unreadable' || f.ruleId === 'seckit/lockfile-unreadable',
  );
  for (const f of unreadable)
    io.stderr(`${f.location.path}:${f.location.startLine}:${f.location.startColumn}: ${f.message}\n`);

  const byFile = new Map<string, PinEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const changedFiles: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const raw = await readRepoFile(file);
    if (raw === undefined) continue;
    const { text, bom } = decodeText(raw);
    const next = applyEdits(text, list);
    if (next === text) continue;
    changedFiles.push(file);
    if (args.dryRun) io.stdout(unifiedDiff(file, text, next));
    else await writeAtomic(path.join(args.root, file), bom ? `\uFEFF${next}` : next);
  }
  for (const e of dedupe(edits)) io.stdout(`${e.file}:${e.line}:${e.column}: ${e.what}\n`);
  for (const t of todo) io.stdout(`${t.file}:${t.line}:${t.column}: ${t.what}: not pinned — ${t.why}\n`);
  const count = dedupe(edits).length;
  if (count === 0 && todo.length === 0)
    io.stdout('Nothing to pin: every specifier the policy wants pinned already is.\n');
  else if (count > 0) {
    io.stdout(
      args.dryRun
        ? `Would pin ${count} specifier${count === 1 ? '' : 's'} in ${changedFiles.length} file${changedFiles.length === 1 ? '' : 's'} (dry run: nothing written).\n`
        : `Pinned ${count} specifier${count === 1 ? '' : 's'} in ${changedFiles.join(', ')}. Run your package manager's install so the lockfile records the new specifiers, then commit both.\n`,
    );
  }
  return todo.length > 0 || unreadable.length > 0 ? 1 : 0;
}

function dedupe(edits: PinEdit[]): PinEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.file}\0${e.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The package.json files named (or under the folders named), or every tracked one. */
async function manifestPaths(args: FixPinsArgs): Promise<string[]> {
  const tracked = async (pathspec: string[]) =>
    splitNul(
      await gitText(args.root, [
        '-c',
        'core.quotePath=false',
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--',
        ...pathspec,
      ]),
    ).filter((p) => path.posix.basename(p) === 'package.json' && !p.split('/').includes('node_modules'));
  if (args.paths.length === 0) return tracked([]);
  const out = new Set<string>();
  for (const input of args.paths) {
    const abs = path.resolve(args.cwd, input);
    const rel = path.relative(args.root, abs).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new SeckitError('E_USAGE', `${input}: outside the repository at ${args.root}`);
    }
    const st = await lstat(abs).catch(() => undefined);
    if (st === undefined) throw new SeckitError('E_USAGE', `${input}: no such file or folder`);
    if (st.isDirectory()) for (const p of await tracked([rel === '' ? '.' : rel])) out.add(p);
    else if (path.basename(abs) === 'package.json') out.add(rel);
    else
      throw new SeckitError(
        'E_USAGE',
        `${input}: \`seckit fix pins\` rewrites package.json files (catalog entries through them)`,
      );
  }
  return [...out].sort();
}
