// How to live with @secretlint/profiler 12.0.0 (secretlint #1653): measures, in one process and on
// the same files of the bench tree, the ways of running the preset's rules:
//   A. lintSource as is (the profiler keeps every mark and searches them all on each new one);
//   B. lintSource, the profiler's entries and the performance timeline cleared after each file;
//   C. lintSource, the profiler's `mark` made a no-op;
//   D. seckit's rule runner: rules created once, no profiler, no per-file setup, every rule run;
//   E. seckit's engine: D behind the keyword prefilter (and gates).
// A grows with the square of the file count, so it gets a prefix of the files only.
//
//   node bench/secrets-speed/profiler-options.mjs [--files 1000]
// (A's time per file grows with the files before it: 1,000 files take tens of seconds.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance as perf } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTree, repoRoot } from './build-tree.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' } } });
const treeDir = await ensureTree();
const all = execFileSync('git', ['ls-files', '-z', '--others', '--exclude-standard'], {
  cwd: treeDir,
  maxBuffer: 1 << 30,
})
  .toString('utf8')
  .split('\0')
  .filter(Boolean)
  .sort();
const hooks = path.join(repoRoot, 'packages/hooks');
const dist = (p) => pathToFileURL(path.join(hooks, 'dist', p)).href;
const { presetRuleEntries } = await import(dist('secrets/engine/rule-set.js'));
const { createSecretEngine } = await import(dist('secrets/engine/secret-engine.js'));
const { createRuleRunner } = await import(dist('secrets/engine/rule-runner.js'));
const { RuleSourceCode } = await import(dist('secrets/engine/source-code.js'));
const require = createRequire(path.join(hooks, 'package.json'));
const profilerPath = createRequire(require.resolve('@secretlint/core/package.json')).resolve(
  '@secretlint/profiler',
);
const { secretLintProfiler } = await import(pathToFileURL(profilerPath).href);
const { lintSource } = await import(pathToFileURL(require.resolve('@secretlint/core')).href);
const entries = presetRuleEntries();
const config = { rules: entries.map((e) => ({ id: e.rule.meta.id, rule: e.rule, options: e.options })) };
const realMark = secretLintProfiler.mark.bind(secretLintProfiler);

const load = (files) =>
  files.map((rel) => ({ filePath: path.join(treeDir, rel), bytes: readFileSync(path.join(treeDir, rel)) }));
// A turn of the event loop after each file, as the CLI gets between its file reads: only then does
// the profiler's PerformanceObserver receive the marks (and, as shipped, search its list for each).
const turn = () => new Promise((resolve) => setImmediate(resolve));
const viaLintSource = async (files, afterEach) => {
  for (const f of files) {
    await lintSource({
      source: {
        filePath: f.filePath,
        content: f.bytes.toString('utf8'),
        ext: path.extname(f.filePath),
        contentType: 'text',
      },
      options: { config, maskSecrets: false },
    });
    await turn();
    afterEach?.();
  }
};
const time = async (fn) => {
  const t = performance.now();
  await fn();
  return Math.round(performance.now() - t);
};

const prefix = load(all.slice(0, Number(values.files)));
const whole = load(all);
const mb = (files) => files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
const out = {
  files: { prefix: prefix.length, prefixMB: mb(prefix), all: whole.length, allMB: mb(whole) },
  ms: {},
};

secretLintProfiler.mark = realMark;
out.ms.A_prefix = await time(() => viaLintSource(prefix));
out.profilerEntriesAfterA = secretLintProfiler.entries.length;
const clear = () => {
  secretLintProfiler.entries.length = 0;
  secretLintProfiler.measures.length = 0;
  perf.clearMarks();
  perf.clearMeasures();
};
clear();
out.ms.B_prefix = await time(() => viaLintSource(prefix, clear));
out.ms.B_all = await time(() => viaLintSource(whole, clear));
secretLintProfiler.mark = () => {};
out.ms.C_prefix = await time(() => viaLintSource(prefix));
out.ms.C_all = await time(() => viaLintSource(whole));
const runner = createRuleRunner(entries.map((e) => ({ rule: e.rule, options: e.options })));
const everyRule = entries.map((_, i) => i);
const viaRunner = async (files) => {
  for (const f of files) {
    const source = new RuleSourceCode({
      text: f.bytes.toString('utf8'),
      filePath: f.filePath,
      ext: path.extname(f.filePath),
    });
    await runner.run(source, everyRule);
    await turn();
  }
};
out.ms.D_prefix = await time(() => viaRunner(prefix));
out.ms.D_all = await time(() => viaRunner(whole));
const engine = createSecretEngine(entries);
const viaEngine = async (files) => {
  for (const f of files) {
    await engine.scan({
      content: f.bytes,
      kind: 'text',
      filePath: f.filePath,
      ext: path.extname(f.filePath),
    });
    await turn();
  }
};
out.ms.E_prefix = await time(() => viaEngine(prefix));
out.ms.E_all = await time(() => viaEngine(whole));
console.log(JSON.stringify(out, null, 2));
