import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  BASELINE_PATH,
  createBaseline,
  formatText,
  isSeckitError,
  mergeBaseline,
  OUTPUT_FORMATS,
  type OutputFormat,
  SeckitError,
  serializeBaseline,
  shouldUseColor,
} from '@seckit/core';
import { secretScanner } from '../checks/secretlint-check.js';
import { resolveRepo } from '../git/resolve-repo.js';
import { scan } from '../scan.js';
import { diffFiles } from '../targets/diff-files.js';
import { stagedFiles } from '../targets/staged-files.js';
import { pathFiles, trackedFiles } from '../targets/tree-files.js';
import { TOOL } from '../version.js';
import { formatOutput } from './format-output.js';
import { type CliIo, EXIT } from './io.js';
import { loadConfig } from './load-config.js';
import { helpText, OPTIONS } from './options.js';
import { writeAtomic } from './write-atomic.js';

type Values = Record<string, string | boolean | undefined>;

/**
 * Builds what every scan needs whatever it scans (the default secret rules behind their keyword
 * automaton), for a caller that has idle time before the scan: the lint-staged task.
 */
export function prepareScan(): void {
  secretScanner();
}

/** The `seckit` CLI. Returns the exit code; never calls process.exit (testable in-process). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (isSeckitError(error)) {
      io.stderr.write(`seckit: ${error.message}\n`);
      return EXIT.error;
    }
    // Unexpected: still no stack trace for users; SECKIT_DEBUG=1 shows it for us.
    io.stderr.write(`seckit: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env.SECKIT_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    io.stderr.write('seckit: please report this at https://github.com/seckit/seckit/issues\n');
    return EXIT.error;
  }
}

function parse(argv: readonly string[]): {
  command: string | undefined;
  positionals: string[];
  values: Values;
} {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const o of OPTIONS)
    options[o.name] = o.short === undefined ? { type: o.type } : { type: o.type, short: o.short };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, values: values as Values };
  } catch (error) {
    throw new SeckitError('E_USAGE', `${(error as Error).message}; see \`seckit --help\``);
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { command, positionals, values } = parse(argv);
  if (values.version === true) {
    io.stdout.write(`${TOOL.version}\n`);
    return EXIT.pass;
  }
  if (values.help === true || command === undefined || command === 'help') {
    io.stdout.write(helpText(TOOL.version));
    return command === undefined && values.help !== true ? EXIT.error : EXIT.pass;
  }
  const misplaced = OPTIONS.filter((o) => values[o.name] !== undefined && !o.commands.includes(command));
  if (misplaced.length > 0 && ['scan', 'baseline', 'audit', 'fix', 'doctor'].includes(command)) {
    throw new SeckitError(
      'E_USAGE',
      `--${misplaced[0]!.name} does not apply to \`seckit ${command}\`; see \`seckit --help\``,
    );
  }
  const cwd = typeof values.cwd === 'string' ? path.resolve(io.cwd, values.cwd) : io.cwd;
  switch (command) {
    case 'scan':
      return scanCommand(positionals, values, cwd, io);
    case 'baseline':
      if (positionals.length > 0)
        throw new SeckitError('E_USAGE', '`seckit baseline` takes no paths: it records a full scan');
      return baselineCommand(values, cwd, io);
    case 'fix': {
      if (positionals[0] !== 'pins') {
        throw new SeckitError('E_USAGE', '`seckit fix` needs what to fix: `seckit fix pins [package.json…]`');
      }
      const repo = await resolveRepo(cwd);
      // Loaded on demand: the hook's hot path (`scan --staged`) never pays for these modules.
      const { fixPinsCommand } = await import('./fix-pins-command.js');
      return fixPinsCommand(
        { cwd, root: repo.root, dryRun: values['dry-run'] === true, paths: positionals.slice(1) },
        { stdout: (t) => io.stdout.write(t), stderr: (t) => io.stderr.write(t) },
      );
    }
    case 'audit':
      // Loaded on demand, like fix and doctor.
      return (await import('./audit-command.js')).auditCommand(positionals, values, cwd, io);
    case 'doctor':
      if (positionals.length > 0) throw new SeckitError('E_USAGE', '`seckit doctor` takes no arguments');
      return (await import('../doctor/index.js')).doctorCommand(
        { cwd },
        { stdout: (t) => io.stdout.write(t), stderr: (t) => io.stderr.write(t), env: io.env },
      );
    default:
      throw new SeckitError(
        'E_USAGE',
        `unknown command "${command}"; commands are: scan, baseline, audit, fix pins, doctor (see \`seckit --help\`)`,
      );
  }
}

function colorFor(values: Values, io: CliIo): boolean {
  return values['no-color'] !== true && shouldUseColor(io.stdout, io.env);
}

async function scanCommand(positionals: string[], values: Values, cwd: string, io: CliIo): Promise<number> {
  const format = (values.format ?? 'text') as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new SeckitError(
      'E_USAGE',
      `--format: expected one of ${OUTPUT_FORMATS.join(', ')}, got "${format}"`,
    );
  }
  const diff = typeof values.diff === 'string' ? values.diff : undefined;
  // `--staged <paths…>` is allowed: lint-staged appends the staged paths (in chunks on long lists);
  // the content still comes from the index, restricted to those paths.
  if ((values.staged === true && diff !== undefined) || (diff !== undefined && positionals.length > 0)) {
    throw new SeckitError('E_USAGE', 'choose one of --staged [paths…], --diff <base> or paths');
  }
  const repo = await resolveRepo(cwd);
  const scope =
    values.staged === true
      ? 'staged'
      : diff !== undefined
        ? 'diff'
        : positionals.length > 0
          ? 'paths'
          : 'full';
  // The configuration and the files are read at the same time (a hook waits for both); a problem
  // in the configuration is reported first, as when they were read one after the other.
  const [configRead, targetRead] = await Promise.allSettled([
    loadConfig(repo.root, { gitDir: repo.commonDir }),
    scope === 'staged'
      ? stagedFiles(repo.root, positionals.length > 0 ? stagedSubset(repo.root, cwd, positionals) : undefined)
      : diff !== undefined
        ? diffFiles(repo.root, diff)
        : scope === 'paths'
          ? pathFiles(repo.root, cwd, positionals)
          : trackedFiles(repo.root),
  ]);
  if (configRead.status === 'rejected') throw configRead.reason;
  if (targetRead.status === 'rejected') throw targetRead.reason;
  const config = configRead.value;
  const target = targetRead.value;
  const { report, evaluation } = await scan({
    repo,
    scope,
    target,
    policy: config.policy,
    baseline: config.baseline,
    policyWarnings: config.warnings,
    exceptionLine: config.exceptionLine,
    env: io.env,
    ...(typeof values.db === 'string' ? { auditDatabase: path.resolve(cwd, values.db) } : {}),
  });
  if (scope === 'full' && evaluation.unusedBaseline.length > 0) {
    report.warnings.push(
      `${BASELINE_PATH}: ${evaluation.unusedBaseline.length} entr${evaluation.unusedBaseline.length === 1 ? 'y matches' : 'ies match'} nothing any more; run \`seckit baseline\` to prune`,
    );
  }
  const color = colorFor(values, io);
  const output = await formatOutput(report, format as OutputFormat, color);
  if (typeof values.output === 'string') {
    await writeAtomic(path.resolve(cwd, values.output), output);
    io.stdout.write(formatText(report, { color }));
  } else {
    io.stdout.write(output);
  }
  return report.decision.blocked ? EXIT.blocked : EXIT.pass;
}

/** Repo-relative POSIX forms of the paths lint-staged passes (absolute by default, or relative to cwd). */
function stagedSubset(root: string, cwd: string, inputs: readonly string[]): Set<string> {
  const subset = new Set<string>();
  for (const input of inputs) {
    const rel = path.relative(root, path.resolve(cwd, input));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new SeckitError('E_USAGE', `${input}: outside the repository at ${root}`);
    }
    subset.add(rel.split(path.sep).join('/'));
  }
  return subset;
}

async function baselineCommand(values: Values, cwd: string, io: CliIo): Promise<number> {
  const repo = await resolveRepo(cwd);
  const config = await loadConfig(repo.root, { gitDir: repo.commonDir });
  const target = await trackedFiles(repo.root);
  // Evaluate without the old baseline: it records what a full scan finds now.
  const { evaluation } = await scan({ repo, scope: 'full', target, policy: config.policy });
  const current = evaluation.findings.filter((f) => f.ruleId !== 'seckit/expired-exception');
  const next =
    values['keep-unused'] === true ? mergeBaseline(config.baseline, current) : createBaseline(current);
  const before = new Set(config.baseline.entries.map((e) => e.id));
  const after = new Set(next.entries.map((e) => e.id));
  const added = [...after].filter((id) => !before.has(id)).length;
  const removed = [...before].filter((id) => !after.has(id)).length;
  const file = path.join(repo.root, BASELINE_PATH);
  const text = serializeBaseline(next);
  if (config.baselineExists && added === 0 && removed === 0 && serializeBaseline(config.baseline) === text) {
    io.stdout.write(
      `${BASELINE_PATH} is up to date (${next.entries.length} accepted findings); nothing changed\n`,
    );
    return EXIT.pass;
  }
  await writeAtomic(file, text);
  io.stdout.write(
    `${BASELINE_PATH}: ${next.entries.length} accepted finding${next.entries.length === 1 ? '' : 's'} (${added} added, ${removed} removed); new findings will block\n`,
  );
  return EXIT.pass;
}
