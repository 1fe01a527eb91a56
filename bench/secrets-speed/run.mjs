// bench/secrets-speed: seckit's secret scan against the secretlint CLI 12.0.0 (same preset) on one
// real-code tree, in one run; then the hook's 10-file case. Writes results.json and results.md.
//
//   pnpm bench:secrets-speed            (builds first)
//   node bench/secrets-speed/run.mjs --runs 5 --skip-shipped --skip-equivalence
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSecretlint, ensureTree, repoRoot, secretlintDir, work } from './build-tree.mjs';
import { compareEngineWithLintSource } from './equivalence.mjs';
import { measureHook } from './hook.mjs';
import { machine, median, timed, waitForQuiet } from './lib.mjs';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'skip-shipped': { type: 'boolean', default: false },
    'skip-equivalence': { type: 'boolean', default: false },
    // The seckit.js of an older build (e.g. a git worktree of an earlier commit): hook times of both.
    before: { type: 'string' },
    'before-label': { type: 'string', default: 'before' },
    // Re-measure only the hook section, keeping the rest of results.json (after a hook-only change).
    'hook-only': { type: 'boolean', default: false },
    'rule-costs-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs);
const here = path.join(repoRoot, 'bench/secrets-speed');
const log = (...a) => console.error('[bench]', ...a);
/** results.json in the repository's own style, so `pnpm lint` (biome) accepts it as written. */
function writeResultsJson(value) {
  const file = path.join(repoRoot, 'bench/secrets-speed/results.json');
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  const biome = path.join(repoRoot, 'node_modules/.bin/biome');
  if (existsSync(biome)) spawnSync(biome, ['format', '--write', file], { stdio: 'ignore' });
}

ensureSecretlint();
const treeDir = await ensureTree();
/** The tree's files (what both tools scan), sorted. */
function listTree() {
  return execFileSync(
    'git',
    ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard', '--', 'packages'],
    { cwd: treeDir, maxBuffer: 1 << 30 },
  )
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .sort();
}
/** Re-measures one part, keeping the rest of the latest results (a rule author's loop). */
async function refreshOnly(update) {
  const file = path.join(repoRoot, 'bench/secrets-speed/results.json');
  const previous = JSON.parse(readFileSync(file, 'utf8'));
  await update(previous);
  writeFileSync(file, `${JSON.stringify(previous, null, 2)}\n`);
  writeFileSync(
    path.join(repoRoot, 'bench/secrets-speed/results.md'),
    (await import('./report.mjs')).renderResults(previous),
  );
  process.exit(0);
}
if (flags['hook-only']) {
  await refreshOnly(async (previous) => {
    log('hook: 10-file staged scan (only)');
    previous.hook = await measureHook({ repoRoot, treeDir });
    previous.hookMeasuredAt = new Date().toISOString();
  });
}
if (flags['rule-costs-only']) {
  await refreshOnly(async (previous) => {
    previous.ruleCosts = await (await import('./rule-costs.mjs')).ruleCosts({ treeDir, files: listTree() });
  });
}
const node = process.execPath;
const seckitBin = path.join(repoRoot, 'packages/hooks/bin/seckit.js');
const secretlintBin = path.join(secretlintDir, 'node_modules/secretlint/bin/secretlint.js');
const secretlintVersion = JSON.parse(
  readFileSync(path.join(secretlintDir, 'node_modules/secretlint/package.json'), 'utf8'),
).version;

// The preset as seckit runs it: AWS key ids on, and no comment filter (seckit reads
// `secretlint-disable-*` comments itself and lists those findings as suppressed).
const rcPath = path.join(work, 'secretlintrc.json');
writeFileSync(
  rcPath,
  JSON.stringify({
    rules: [
      {
        id: '@secretlint/secretlint-rule-preset-recommend',
        rules: [
          { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
          { id: '@secretlint/secretlint-rule-filter-comments', disabled: true },
        ],
      },
    ],
  }),
);
const noProfiler = path.join(here, 'secretlint-no-profiler.mjs');

const treeFiles = listTree();
const treeBytes = treeFiles.reduce((n, f) => n + statSync(path.join(treeDir, f)).size, 0);
log(`tree: ${treeFiles.length} files, ${(treeBytes / 1e6).toFixed(1)} MB`);

const seckitOut = path.join(work, 'seckit-report.json');
const secretlintOut = path.join(work, 'secretlint-report.json');
const seckitPresetOut = path.join(work, 'seckit-preset-report.json');
// `seckit`: the default rules (secretlint's preset + @seckit/secretlint-rule-preset); `seckit-preset`:
// secretlint's preset alone (SECKIT_SECRET_RULES=preset), the same rules as the secretlint run.
const seckitRun = (dir, { presetOnly = false } = {}) =>
  timed(node, [seckitBin, 'scan', dir, '--format', 'json'], {
    cwd: treeDir,
    stdoutFile: presetOnly ? seckitPresetOut : seckitOut,
    env: { ...process.env, SECKIT_SECRET_RULES: presetOnly ? 'preset' : 'all' },
  });
const secretlintRun = (glob, { shipped = false } = {}) =>
  timed(
    node,
    [
      ...(shipped ? [] : ['--import', noProfiler]),
      secretlintBin,
      '--secretlintrc',
      rcPath,
      '--format',
      'json',
      // Values unmasked: the comparison below needs them to apply seckit's placeholder filter.
      '--no-maskSecrets',
      glob,
    ],
    { cwd: treeDir, stdoutFile: secretlintOut },
  );
const check = (r, what) => {
  // 0 clean, 1 findings; anything else is a failed run.
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${what} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return r;
};

// --- 1. Throughput on the whole tree: warm-up, then interleaved timed runs. -----------------------
const TOOLS = ['seckit-preset', 'secretlint', 'seckit'];
const runTool = (tool) =>
  tool === 'secretlint'
    ? secretlintRun('packages/**/*')
    : seckitRun('packages', { presetOnly: tool === 'seckit-preset' });
log('warm-up');
for (const tool of TOOLS) check(runTool(tool), tool);
const runs = Object.fromEntries(TOOLS.map((t) => [t, []]));
for (let i = 0; i < RUNS; i++) {
  for (const tool of TOOLS) {
    const load = await waitForQuiet();
    const r = check(runTool(tool), tool);
    runs[tool].push({
      ...r,
      stderr: undefined,
      backgroundLoad: load === undefined ? undefined : Math.round(load * 100),
    });
    log(
      `${tool} run ${i + 1}: ${r.wallMs} ms wall, ${r.cpuMs ?? '?'} ms CPU, machine ${Math.round((load ?? 0) * 100)}% busy before`,
    );
  }
}

// --- 2. Same files, same findings. ---------------------------------------------------------------
const seckitReport = JSON.parse(readFileSync(seckitOut, 'utf8'));
const secretlintResults = JSON.parse(readFileSync(secretlintOut, 'utf8'));
const secretlintFiles = secretlintResults
  .map((r) => path.relative(treeDir, r.filePath).split(path.sep).join('/'))
  .sort();
const secretlintBytes = secretlintFiles.reduce((n, f) => n + statSync(path.join(treeDir, f)).size, 0);
const treeSet = new Set(treeFiles);
const secretlintSet = new Set(secretlintFiles);
const fileSets = {
  seckit: {
    files: seckitReport.stats.files,
    bytes: seckitReport.stats.bytes,
    skipped: seckitReport.stats.skipped,
  },
  secretlint: { files: secretlintFiles.length, bytes: secretlintBytes },
  onlySecretlint: secretlintFiles.filter((f) => !treeSet.has(f)).slice(0, 20),
  onlySeckit: treeFiles.filter((f) => !secretlintSet.has(f)).slice(0, 20),
};
// Findings of the preset's rules, keyed by file + line + rule. seckit drops stand-in values
// (`isPlaceholderCredential`, for every rule): apply the same filter to secretlint's messages, with
// the value located as seckit locates it, and list what it removed.
const hooksDist = (p) => pathToFileURL(path.join(repoRoot, 'packages/hooks/dist', p)).href;
const { locateCredential } = await import(hooksDist('checks/secretlint-check.js'));
const { isPlaceholderCredential } = await import(
  pathToFileURL(path.join(repoRoot, 'packages/secretlint-rule-preset/dist/index.js')).href
);
const key = (p, line, rule) => `${p}:${line} ${rule}`;
const rel = (abs) => path.relative(treeDir, abs).split(path.sep).join('/');
const secretlintAll = [];
const placeholders = [];
for (const r of secretlintResults) {
  if (r.messages.length === 0) continue;
  const raw = readFileSync(r.filePath, 'utf8');
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  for (const m of r.messages) {
    const k = key(rel(r.filePath), m.loc.start.line, m.ruleId);
    secretlintAll.push(k);
    const { start, end } = locateCredential(text, m);
    if (isPlaceholderCredential(text.slice(start, end))) placeholders.push(k);
  }
}
const placeholderSet = new Set(placeholders);
const expectedKeys = new Set(secretlintAll.filter((k) => !placeholderSet.has(k)));
const compare = (file) => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const keys = new Set(
    [...report.findings, ...report.suppressed]
      .filter((f) => f.ruleId.startsWith('@secretlint/'))
      .map((f) => key(f.location.path, f.location.startLine, f.ruleId)),
  );
  const onlySeckit = [...keys].filter((k) => !expectedKeys.has(k));
  const onlySecretlint = [...expectedKeys].filter((k) => !keys.has(k));
  return {
    seckit: keys.size,
    identical: onlySeckit.length === 0 && onlySecretlint.length === 0,
    onlySeckit,
    onlySecretlint,
  };
};
const findings = {
  secretlint: new Set(secretlintAll).size,
  placeholders: placeholderSet.size,
  placeholdersByRule: Object.fromEntries(
    [...new Set([...placeholderSet].map((k) => k.split(' ')[1]))].map((rule) => [
      rule,
      [...placeholderSet].filter((k) => k.endsWith(` ${rule}`)).length,
    ]),
  ),
  placeholderExamples: [...placeholderSet].slice(0, 10),
  seckitPreset: compare(seckitPresetOut),
  seckit: compare(seckitOut),
};
for (const [name, c] of [
  ['seckit-preset', findings.seckitPreset],
  ['seckit', findings.seckit],
]) {
  for (const k of c.onlySeckit) log(`${name}: only seckit:     ${k}`);
  for (const k of c.onlySecretlint) log(`${name}: only secretlint: ${k}`);
}

// --- 3. secretlint 12.0.0 exactly as shipped (profiler on), on a 1,049-file subset. ---------------
let shipped;
if (!flags['skip-shipped']) {
  const dir = 'packages/lodash';
  const files = treeFiles.filter((f) => f.startsWith(`${dir}/`));
  const bytes = files.reduce((n, f) => n + statSync(path.join(treeDir, f)).size, 0);
  await waitForQuiet();
  const asShipped = check(secretlintRun(`${dir}/**/*`, { shipped: true }), 'secretlint as shipped');
  await waitForQuiet();
  const withoutProfiler = check(secretlintRun(`${dir}/**/*`), 'secretlint');
  await waitForQuiet();
  const seckit = check(seckitRun(dir, { presetOnly: true }), 'seckit');
  shipped = { dir, files: files.length, bytes, asShipped, withoutProfiler, seckit };
  for (const r of [asShipped, withoutProfiler, seckit]) delete r.stderr;
  log(
    `as shipped on ${dir}: ${asShipped.wallMs} ms; without profiler ${withoutProfiler.wallMs} ms; seckit ${seckit.wallMs} ms`,
  );
}

// --- 4. Engine = lintSource, message by message, over the whole tree. ------------------------------
let equivalence;
if (!flags['skip-equivalence']) {
  log('engine vs lintSource over the tree (in-process)');
  equivalence = await compareEngineWithLintSource({ repoRoot, treeDir, files: treeFiles });
  log(`equivalence: ${equivalence.messages} messages, ${equivalence.differences} files differ`);
}

// --- 4b. Living with the 12.0.0 profiler: the options, measured. --------------------------------
let profilerOptions;
if (!flags['skip-equivalence']) {
  log('profiler options');
  const r = execFileSync(node, [path.join(here, 'profiler-options.mjs'), '--files', '1000'], {
    maxBuffer: 1 << 26,
  });
  profilerOptions = JSON.parse(r.toString('utf8'));
}

// --- 5. Where the default rules' time goes (single thread, in-process). -----------------------------
log('rule costs');
const ruleCosts = await (await import('./rule-costs.mjs')).ruleCosts({ treeDir, files: treeFiles });

// --- 6. The hook: a 10-file staged scan. -------------------------------------------------------------
log('hook: 10-file staged scan');
const hook = await measureHook({
  repoRoot,
  treeDir,
  beforeBin: flags.before === undefined ? undefined : path.resolve(flags.before),
});
if (hook.beforeAfter !== undefined) hook.beforeLabel = flags['before-label'];

// --- Results. ----------------------------------------------------------------------------------------
const summary = (tool) => {
  const wall = median(runs[tool].map((r) => r.wallMs));
  const cpu = runs[tool].every((r) => r.cpuMs !== undefined)
    ? median(runs[tool].map((r) => r.cpuMs))
    : undefined;
  const bytes = tool === 'secretlint' ? fileSets.secretlint.bytes : fileSets.seckit.bytes;
  return {
    medianWallMs: wall,
    medianCpuMs: cpu,
    mbPerSecond: Number((bytes / 1e6 / (wall / 1000)).toFixed(1)),
    mbPerCpuSecond: cpu === undefined ? undefined : Number((bytes / 1e6 / (cpu / 1000)).toFixed(1)),
    maxRssMb: Math.round(Math.max(...runs[tool].map((r) => r.maxRssKb ?? 0)) / 1024) || undefined,
    runs: runs[tool],
  };
};
const throughput = Object.fromEntries(TOOLS.map((t) => [t, summary(t)]));
const ratio = (a) => Number((throughput[a].mbPerSecond / throughput.secretlint.mbPerSecond).toFixed(1));
throughput.ratio = { seckitPreset: ratio('seckit-preset'), seckit: ratio('seckit') };
const results = {
  date: new Date().toISOString(),
  cpuPressure: existsSync('/proc/pressure/cpu')
    ? readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0]
    : undefined,
  machine: machine(),
  tree: { files: treeFiles.length, bytes: treeBytes, corpus: 'bench/secrets-speed/corpus/package-lock.json' },
  secretlintVersion,
  throughput,
  fileSets,
  findings,
  shipped,
  equivalence,
  profilerOptions,
  ruleCosts,
  hook,
};
writeResultsJson(results);
writeFileSync(path.join(here, 'results.md'), (await import('./report.mjs')).renderResults(results));
for (const t of TOOLS) log(`${t}: ${throughput[t].mbPerSecond} MB/s (${throughput[t].medianWallMs} ms)`);
