import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSeckitError, type Scope, SeckitError } from '@seckit/core';
import { type ApplyResult, createApplier } from '../../history/apply-run.js';
import { transaction } from '../../history/statements.js';
import { type LoadOptions, loadInput } from '../../ingest/load-input.js';
import { INPUT_FORMATS, type InputFormat, type NormalizedRun } from '../../ingest/normalized.js';
import { DEFAULT_MAX_INPUT_MB } from '../../ingest/read-input.js';
import { plural } from '../../output/format-helpers.js';
import { openStore } from '../../store/open-store.js';
import { type Context, resolvePath, shownPath, stringOption } from '../context.js';
import { EXIT } from '../io.js';

const REPORT_FILE = /\.(?:json|sarif)$/i;
const SCOPES: readonly Scope[] = ['full', 'staged', 'diff', 'paths'];

/** Files as given; folders become the .json and .sarif files under them, in name order. */
async function expandInputs(ctx: Context): Promise<string[]> {
  const files: string[] = [];
  for (const arg of ctx.positionals) {
    const abs = resolvePath(ctx.io, arg);
    let isDir = false;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch {
      // A missing file is reported by the reader, with the others.
    }
    if (!isDir) {
      files.push(abs);
      continue;
    }
    const found = (await readdir(abs, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && REPORT_FILE.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    if (found.length === 0)
      throw new SeckitError('E_USAGE', `${arg}: no .json or .sarif files in this folder`);
    files.push(...found);
  }
  return files;
}

function loadOptions(ctx: Context): LoadOptions & { closeOnEmpty: boolean } {
  const v = ctx.values;
  const format = stringOption(v, 'input-format');
  if (format !== undefined && format !== 'auto' && !(INPUT_FORMATS as readonly string[]).includes(format)) {
    throw new SeckitError(
      'E_USAGE',
      `--input-format: expected one of auto, ${INPUT_FORMATS.join(', ')}, got "${format.slice(0, 40)}"`,
    );
  }
  const scope = stringOption(v, 'scope');
  if (scope !== undefined && !(SCOPES as readonly string[]).includes(scope)) {
    throw new SeckitError(
      'E_USAGE',
      `--scope: expected one of ${SCOPES.join(', ')}, got "${scope.slice(0, 40)}"`,
    );
  }
  const runTimeText = stringOption(v, 'run-time');
  const runTime = runTimeText === undefined ? undefined : Date.parse(runTimeText);
  if (runTime !== undefined && (Number.isNaN(runTime) || !/^\d{4}-\d{2}-\d{2}/.test(runTimeText!))) {
    throw new SeckitError(
      'E_USAGE',
      `--run-time: expected an ISO date-time such as 2026-03-01T12:00:00Z, got "${runTimeText!.slice(0, 40)}"`,
    );
  }
  const maxText = stringOption(v, 'max-input-mb');
  const maxMb = maxText === undefined ? DEFAULT_MAX_INPUT_MB : Number(maxText);
  if (!Number.isFinite(maxMb) || maxMb <= 0) {
    throw new SeckitError(
      'E_USAGE',
      `--max-input-mb: expected a positive number, got "${String(maxText).slice(0, 40)}"`,
    );
  }
  const repository = stringOption(v, 'repository');
  if (repository !== undefined && repository.trim() === '')
    throw new SeckitError('E_USAGE', '--repository: the name is empty');
  return {
    format: format === undefined || format === 'auto' ? undefined : (format as InputFormat),
    repository: repository?.trim(),
    branch: stringOption(v, 'branch')?.replace(/^refs\/heads\//, ''),
    commit: stringOption(v, 'commit'),
    scope: scope as Scope | undefined,
    runTime,
    baseDir: resolvePath(ctx.io, stringOption(v, 'base-dir') ?? '.'),
    now: ctx.now,
    maxInputBytes: Math.floor(maxMb * 1_000_000),
    closeOnEmpty: v['close-on-empty'] === true,
  };
}

function describeRun(run: NormalizedRun, result: ApplyResult): string {
  const where = `${run.repository}${run.branch === undefined ? '' : `@${run.branch}`}`;
  const tool = `${run.tool}${run.toolVersion === undefined ? '' : ` ${run.toolVersion}`}${run.category === '' ? '' : ` (${run.category})`}`;
  if (result.status === 'duplicate')
    return `${tool}, ${where}: already ingested (run #${result.runId}); nothing changed`;
  const closes =
    result.outcome === 'complete'
      ? ''
      : result.outcome === 'partial'
        ? `; a ${run.scope} run closes nothing`
        : result.outcome === 'empty'
          ? '; an empty run closes nothing (--close-on-empty to trust it)'
          : '; the tool reported errors, so it closes nothing';
  return `${tool}, ${where}, ${run.scope}: ${plural(result.findings, 'finding')} (${result.newFindings} new, ${result.fixed} fixed, ${result.reopened} reopened)${closes}`;
}

/**
 * `sec-report ingest`: every file is read, checked and masked before the database is touched. A bad
 * file is reported and skipped, whole; the valid ones are then applied oldest first, in one
 * transaction, and the database file is written back once, atomically. So a file is stored entirely
 * or not at all, and nothing already stored is ever lost.
 */
export async function ingestCommand(ctx: Context): Promise<number> {
  if (ctx.positionals.length === 0) {
    throw new SeckitError(
      'E_USAGE',
      '`sec-report ingest` needs report files or folders, e.g. sec-report ingest reports/*.json',
    );
  }
  const options = loadOptions(ctx);
  const files = await expandInputs(ctx);
  const { io } = ctx;
  let failed = 0;
  const loaded: { file: string; runs: NormalizedRun[] }[] = [];
  for (const file of files) {
    const shown = shownPath(io, file);
    try {
      loaded.push({ file: shown, runs: await loadInput(file, shown, options) });
    } catch (error) {
      if (!isSeckitError(error)) throw error;
      failed++;
      io.stderr.write(`sec-report: ${error.message}\n`);
    }
  }
  // Oldest first: history reads as it happened even when files come in another order.
  const earliest = (runs: readonly NormalizedRun[]) =>
    Math.min(Number.MAX_SAFE_INTEGER, ...runs.map((r) => r.time));
  loaded.sort((a, b) => earliest(a.runs) - earliest(b.runs));
  let applied = 0;
  const totals = { runs: 0, newFindings: 0, fixed: 0, reopened: 0 };
  if (loaded.length > 0) {
    const store = await openStore({
      file: ctx.db,
      name: ctx.dbShown,
      mode: 'write',
      command: 'sec-report ingest',
      create: true,
    });
    try {
      const applier = createApplier(store.db);
      const lines: { out: string[]; err: string[] } = { out: [], err: [] };
      let current = '';
      try {
        // One transaction for the batch: every valid file is stored, or (on an internal error,
        // never on bad input, which was rejected above) none, and the file on disk is untouched.
        transaction(store.db, () => {
          for (const { file, runs } of loaded) {
            current = file;
            if (runs.length === 0) {
              lines.out.push(`${file}: no runs in this SARIF file; nothing to ingest`);
              continue;
            }
            for (const run of runs) {
              const result = applier.apply(run, { now: ctx.now, closeOnEmpty: options.closeOnEmpty });
              lines.out.push(`${file}: ${describeRun(run, result)}`);
              for (const warning of run.warnings) lines.err.push(`sec-report: ${file}: warning: ${warning}`);
              if (result.status === 'applied') {
                applied++;
                totals.runs++;
                totals.newFindings += result.newFindings;
                totals.fixed += result.fixed;
                totals.reopened += result.reopened;
              }
            }
          }
          current = '';
          applier.flush();
        });
      } catch (error) {
        applier.reset();
        throw new Error(
          `${current === '' ? 'the batch' : current} could not be stored (${(error as Error).message}); nothing of this ingest was saved`,
        );
      } finally {
        applier.free();
      }
      if (lines.out.length > 0) io.stdout.write(`${lines.out.join('\n')}\n`);
      if (lines.err.length > 0) io.stderr.write(`${lines.err.join('\n')}\n`);
      if (applied > 0) await store.save();
    } finally {
      await store.close();
    }
  }
  io.stdout.write(
    `${ctx.dbShown}: ${plural(totals.runs, 'run')} recorded (${totals.newFindings} new, ${totals.fixed} fixed, ${totals.reopened} reopened)` +
      `${failed > 0 ? `; ${plural(failed, 'file')} rejected, see above` : ''}\n`,
  );
  return failed > 0 ? EXIT.error : EXIT.ok;
}
