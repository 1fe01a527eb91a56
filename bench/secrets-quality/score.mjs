#!/usr/bin/env node
// Scores secret detection on the labelled corpus of generate-corpus.mjs: seckit versus secretlint's
// recommended preset alone, per kind and in total (recall, precision, false positives). Findings
// are matched to labels by file and line. Writes results.md and results.json next to this script.
//
//   node bench/secrets-quality/score.mjs [--corpus bench/.work/secrets-quality/corpus] [--engine auto|cli|emulated] [--no-write]
//
// seckit is run through its CLI (`seckit scan <dir> --format json`) once @seckit/hooks runs the
// @seckit/secretlint-rule-preset rules; until then (`auto` detects it) the scorer emulates the
// integrated engine in-process: secretlint core with the recommended preset (AWS key-id scan on,
// comment filter off, as the hooks configure it) plus @seckit/secretlint-rule-preset, and every
// finding whose value isPlaceholderCredential() dropped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(root, 'bench/.work/secrets-quality/corpus') },
    engine: { type: 'string', default: 'auto' },
    'no-write': { type: 'boolean', default: false },
  },
});
const corpus = path.resolve(args.corpus);
const labelsFile = path.join(corpus, '..', 'labels.json');
if (!existsSync(labelsFile)) {
  console.error(`score: ${path.relative(root, labelsFile)} not found; run generate-corpus.mjs first`);
  process.exit(2);
}
const corpusInfo = JSON.parse(readFileSync(labelsFile, 'utf8'));

// Packages come from the workspace (the hooks package depends on all of them).
const requireFromHooks = createRequire(path.join(root, 'packages/hooks/package.json'));
const load = (name) => import(pathToFileURL(requireFromHooks.resolve(name)).href);
const { lintSource } = await load('@secretlint/core');
// secretlint core 12 marks every rule run in a profiler that keeps every mark and scans them all
// on each new one (secretlint#1653): quadratic over a corpus. Nothing here reads the profile.
const requireFromCore = createRequire(requireFromHooks.resolve('@secretlint/core'));
const { secretLintProfiler } = await import(
  pathToFileURL(requireFromCore.resolve('@secretlint/profiler')).href
);
secretLintProfiler.mark = () => {};
const { rules: recommendedRules } = await load('@secretlint/secretlint-rule-preset-recommend');
const ours = await load('@seckit/secretlint-rule-preset');

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === '.git') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}
const files = listFiles(corpus);

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The credential's own span, as the hooks check finds it: a `data` value at or near the range. */
function locate(text, message) {
  const values = Object.values(message.data ?? {}).filter((v) => typeof v === 'string' && v.length >= 4);
  const [from, to] = message.range;
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(value, Math.max(0, from - value.length));
    if (at >= 0 && at <= to) return { start: at, end: at + value.length };
  }
  return { start: from, end: to };
}

async function runSecretlint(config, { dropPlaceholders }) {
  const findings = [];
  for (const file of files) {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const result = await lintSource({
      source: {
        filePath: path.join(corpus, file),
        content: text,
        ext: path.extname(file),
        contentType: 'text',
      },
      options: { config, maskSecrets: false },
    });
    for (const message of result.messages) {
      const { start, end } = locate(text, message);
      if (dropPlaceholders && ours.isPlaceholderCredential(text.slice(start, end))) continue;
      findings.push({
        file,
        startLine: lineOf(text, start),
        endLine: lineOf(text, Math.max(start, end - 1)),
        ruleId: message.ruleId,
      });
    }
  }
  return findings;
}

const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';
const presetAsHooksRunIt = recommendedRules
  .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
  .map((rule) =>
    rule.meta.id === '@secretlint/secretlint-rule-aws'
      ? { id: rule.meta.id, rule, options: { enableIDScanRule: true } }
      : { id: rule.meta.id, rule },
  );

function hooksIntegrated() {
  const dist = path.join(root, 'packages/hooks/dist');
  if (!existsSync(dist)) return false;
  // An import of the pack in the built JavaScript (comments and type files do not count).
  const grep = spawnSync(
    'grep',
    ['-rlE', '--include=*.js', `from ['"]@seckit/secretlint-rule-preset['"]`, dist],
    {
      encoding: 'utf8',
    },
  );
  return grep.status === 0 && grep.stdout.trim() !== '';
}

async function runSeckit(engine) {
  if (engine === 'cli') {
    // The CLI scans paths of a git repository: make the corpus one (untracked files are scanned).
    if (!existsSync(path.join(corpus, '.git'))) spawnSync('git', ['init', '-q', corpus], { stdio: 'ignore' });
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'packages/hooks/bin/seckit.js'), 'scan', '.', '--format', 'json'],
      {
        cwd: corpus,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`seckit scan failed (${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    return [...report.findings, ...(report.suppressed ?? []).map((s) => s.finding ?? s)]
      .filter((f) => f.category === 'secret')
      .map((f) => ({
        file: f.location.path,
        startLine: f.location.startLine,
        endLine: f.location.endLine,
        ruleId: f.ruleId,
      }));
  }
  return runSecretlint(
    { rules: [...presetAsHooksRunIt, { id: ours.creator.meta.id, rule: ours.creator }] },
    { dropPlaceholders: true },
  );
}

// ---------------------------------------------------------------------------------------------
// Matching findings to labels by file and line

const labelsByFile = new Map();
for (const label of corpusInfo.labels) {
  const list = labelsByFile.get(label.file) ?? [];
  list.push(label);
  labelsByFile.set(label.file, list);
}

function addRule(map, key, ruleId) {
  map[key] ??= new Set();
  map[key].add(ruleId);
}

function score(findings) {
  const detected = new Set();
  const fpByKind = {};
  const unlabelled = [];
  const labelledFalsePositives = [];
  const rulesByKind = {};
  let tp = 0;
  for (const f of findings) {
    const hits = (labelsByFile.get(f.file) ?? []).filter(
      (l) => l.line <= f.endLine && f.startLine <= l.endLine,
    );
    const secrets = hits.filter((l) => l.label === 'secret');
    if (secrets.length > 0) {
      tp++;
      for (const l of secrets) {
        detected.add(l);
        addRule(rulesByKind, l.kind, f.ruleId);
      }
    } else if (hits.length > 0) {
      const kind = hits[0].kind;
      fpByKind[kind] = (fpByKind[kind] ?? 0) + 1;
      labelledFalsePositives.push({ ...f, kind });
      addRule(rulesByKind, `decoy:${kind}`, f.ruleId);
    } else {
      unlabelled.push(f);
    }
  }
  const secrets = corpusInfo.labels.filter((l) => l.label === 'secret');
  const byKind = {};
  for (const l of secrets) {
    byKind[l.kind] ??= { n: 0, found: 0 };
    const k = byKind[l.kind];
    k.n++;
    if (detected.has(l)) k.found++;
  }
  const fp = findings.length - tp;
  const missed = secrets
    .filter((l) => !detected.has(l))
    .map(({ file, line, kind }) => ({ file, line, kind }));
  return {
    findings: findings.length,
    truePositives: tp,
    falsePositives: fp,
    unlabelledFalsePositives: unlabelled,
    labelledFalsePositives,
    missed,
    secrets: secrets.length,
    detected: detected.size,
    recall: secrets.length === 0 ? 1 : detected.size / secrets.length,
    precision: findings.length === 0 ? 1 : tp / findings.length,
    byKind,
    fpByKind,
    rulesByKind: Object.fromEntries(Object.entries(rulesByKind).map(([k, v]) => [k, [...v].sort()])),
  };
}

const engine = args.engine === 'auto' ? (hooksIntegrated() ? 'cli' : 'emulated') : args.engine;
const started = performance.now();
const seckit = score(await runSeckit(engine));
const seckitMs = performance.now() - started;
const presetStarted = performance.now();
const preset = score(
  await runSecretlint(
    { rules: recommendedRules.map((rule) => ({ id: rule.meta.id, rule })) },
    { dropPlaceholders: false },
  ),
);
const presetMs = performance.now() - presetStarted;

// ---------------------------------------------------------------------------------------------
// Report

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const secretKinds = Object.keys(seckit.byKind).sort();
const decoyKinds = [
  ...new Set(corpusInfo.labels.filter((l) => l.label === 'decoy').map((l) => l.kind)),
].sort();
const decoyCount = (kind) => corpusInfo.labels.filter((l) => l.label === 'decoy' && l.kind === kind).length;
const targets = { recall: 0.97, precision: 0.99 };
const meets = seckit.recall >= targets.recall && seckit.precision >= targets.precision;

const engineNote =
  engine === 'cli'
    ? 'seckit: the built CLI (`node packages/hooks/bin/seckit.js scan <corpus> --format json`), secret findings only.'
    : 'seckit: **emulated in-process** — @seckit/hooks does not run @seckit/secretlint-rule-preset yet, so the scorer runs what the integrated engine will: secretlint core 12 with the recommended preset as the hooks configure it (AWS key-id scan on, comment filter off) plus @seckit/secretlint-rule-preset, dropping every finding whose value `isPlaceholderCredential()` rejects. Re-run after the integration: `auto` then uses the CLI.';

const md = [
  '# Secret detection quality',
  '',
  `Corpus: \`generate-corpus.mjs --seed ${corpusInfo.seed}\` — ${corpusInfo.files} files, ${corpusInfo.secrets} secrets of ${corpusInfo.secretKinds} kinds, ${corpusInfo.decoys} look-alikes that must not fire. Findings are matched to labels by file and line; a finding on no labelled line counts as a false positive.`,
  '',
  `- ${engineNote}`,
  '- secretlint preset: `@secretlint/secretlint-rule-preset-recommend` 12.0.0 with its defaults (what a secretlint user runs), in-process, same files.',
  '',
  'Read with care: the generator and seckit’s rules come from the same team, so a perfect score here shows that the formats and look-alikes it knows are handled, not that real repositories will score the same. Other seeds (`--seed N`) give other corpora built the same way; precision on real code is checked separately by scanning third-party trees.',
  '',
  '## Totals',
  '',
  '| | seckit | secretlint preset |',
  '| --- | ---: | ---: |',
  `| recall | **${pct(seckit.recall)}** (${seckit.detected}/${seckit.secrets}) | ${pct(preset.recall)} (${preset.detected}/${preset.secrets}) |`,
  `| precision | **${pct(seckit.precision)}** (${seckit.truePositives}/${seckit.findings}) | ${pct(preset.precision)} (${preset.truePositives}/${preset.findings}) |`,
  `| false positives | ${seckit.falsePositives} | ${preset.falsePositives} |`,
  `| of which on unlabelled lines | ${seckit.unlabelledFalsePositives.length} | ${preset.unlabelledFalsePositives.length} |`,
  `| wall time (this machine, informative) | ${(seckitMs / 1000).toFixed(1)} s | ${(presetMs / 1000).toFixed(1)} s |`,
  '',
  `Targets for seckit: recall ≥ ${targets.recall}, precision ≥ ${targets.precision} — **${meets ? 'met' : 'not met'}**.`,
  '',
  '## Recall per secret kind',
  '',
  '| kind | n | seckit | preset | seckit rule(s) |',
  '| --- | ---: | ---: | ---: | --- |',
  ...secretKinds.map((kind) => {
    const s = seckit.byKind[kind];
    const p = preset.byKind[kind] ?? { found: 0 };
    const rules = (seckit.rulesByKind[kind] ?? [])
      .map((r) => r.replace(/^@[^/]+\/secretlint-rule-/, ''))
      .join(', ');
    return `| ${kind} | ${s.n} | ${s.found}/${s.n} | ${p.found}/${s.n} | ${rules || '—'} |`;
  }),
  '',
  '## False positives per look-alike kind',
  '',
  '| look-alike kind | n | seckit FP | preset FP |',
  '| --- | ---: | ---: | ---: |',
  ...decoyKinds.map(
    (kind) =>
      `| ${kind} | ${decoyCount(kind)} | ${seckit.fpByKind[kind] ?? 0} | ${preset.fpByKind[kind] ?? 0} |`,
  ),
  `| (unlabelled lines) | — | ${seckit.unlabelledFalsePositives.length} | ${preset.unlabelledFalsePositives.length} |`,
  '',
  'Regenerate: `pnpm bench:secrets-quality` (builds nothing; run `pnpm build` first).',
  '',
].join('\n');

const json = {
  corpus: {
    seed: corpusInfo.seed,
    files: corpusInfo.files,
    secrets: corpusInfo.secrets,
    secretKinds: corpusInfo.secretKinds,
    decoys: corpusInfo.decoys,
  },
  engine,
  targets,
  meetsTargets: meets,
  seckit,
  // The preset's misses are most of the corpus: counts per kind (byKind) say enough.
  preset: { ...preset, missed: preset.missed.length },
};

console.log(
  `seckit (${engine}): recall ${pct(seckit.recall)}, precision ${pct(seckit.precision)}, ${seckit.falsePositives} FP | preset: recall ${pct(preset.recall)}, precision ${pct(preset.precision)}, ${preset.falsePositives} FP`,
);
for (const m of seckit.missed) console.log(`  missed: ${m.file}:${m.line} (${m.kind})`);
for (const f of seckit.labelledFalsePositives)
  console.log(`  false positive: ${f.file}:${f.startLine} (${f.kind}) ${f.ruleId}`);
for (const f of seckit.unlabelledFalsePositives)
  console.log(`  false positive on an unlabelled line: ${f.file}:${f.startLine} ${f.ruleId}`);
if (!args['no-write']) {
  writeFileSync(path.join(here, 'results.md'), md);
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  // The repository's formatter has the last word on the JSON layout (`pnpm lint` checks it).
  const format = spawnSync('pnpm', ['exec', 'biome', 'format', '--write', path.join(here, 'results.json')], {
    cwd: root,
    stdio: 'ignore',
  });
  if (format.status !== 0) console.error('score: biome could not format results.json; run `pnpm format`');
}
