// sec-report at organisation scale: 1,000 reports holding 200,000 findings over 50 repositories
// (seckit Reports and SARIF), ingested, summarised and turned into the dashboard, which is then
// opened in Chromium. Targets (issue 5): ingest >= 20,000 findings/s, summary < 1 s, dashboard
// < 5 MB and open in < 2 s. Writes bench/report/results.{json,md}; data goes to bench/.work/report.
//
//   pnpm bench:report            (builds first)
//   node bench/report/run.mjs    (needs built packages and Debian's chromium)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, 'bench/.work/report');
const reportsDir = path.join(work, 'reports');
const db = path.join(work, 'report.db');
const bin = path.join(root, 'apps/report/bin/sec-report.js');
const core = await import(pathToFileURL(path.join(root, 'packages/core/dist/index.js')).href);
const { chromium } = createRequire(path.join(root, 'apps/report/package.json'))('playwright-core');

const REPOSITORIES = 50;
const RUNS_PER_REPOSITORY = 20;
const FINDINGS_PER_REPORT = 200;
const SARIF_RUNS_PER_REPOSITORY = 2; // of the 20: a second tool, as SARIF
const NOW = '2026-03-02T12:00:00.000Z';
const WEEK = 7 * 24 * 3600 * 1000;
const TARGETS = { ingestPerSecond: 20_000, summarySeconds: 1, dashboardMb: 5, openSeconds: 2 };

// A deterministic pseudo-random sequence, so every run of the bench sees the same data.
let seed = 42;
function random() {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const SEVERITY_MIX = [
  ...Array(5).fill('critical'),
  ...Array(20).fill('high'),
  ...Array(35).fill('medium'),
  ...Array(30).fill('low'),
  ...Array(10).fill('info'),
];
const RULES = [
  ['@secretlint/secretlint-rule-aws', 'secret', 'AWS Access Key ID found: AKIA****'],
  ['@secretlint/secretlint-rule-github', 'secret', 'GitHub token found: ghp_****'],
  ['seckit/dependency-pin', 'dependency', 'Unpinned dependency "left-pad": "^1.3.0"; pin an exact version'],
  [
    'seckit/lockfile-registry',
    'lockfile',
    'Resolved from a registry outside the allow-list: https://registry.example.test/',
  ],
  ['seckit/env-file', 'config', 'A .env file is committed; move the values to the environment'],
];
const SEMGREP_RULES = [
  ['javascript.express.security.audit.xss', '6.1'],
  ['javascript.lang.security.audit.sqli', '8.8'],
  ['generic.secrets.security.detected-private-key', '9.3'],
  ['javascript.lang.security.insecure-random', '3.7'],
];

function makeFinding(repo, n) {
  const [ruleId, category, message] = pick(RULES);
  const filePath = `src/${pick(['api', 'web', 'lib', 'jobs'])}/module-${n % 97}/file-${n}.ts`;
  const line = 1 + Math.floor(random() * 400);
  return {
    id: core.fingerprint({ ruleId, path: filePath, content: `${repo}:${n}` }),
    ruleId,
    category,
    severity: pick(SEVERITY_MIX),
    message: `${message} (${repo} #${n})`,
    location: { path: filePath, startLine: line, startColumn: 5, endLine: line, endColumn: 40 },
    tool: ruleId.startsWith('@secretlint') ? 'secretlint' : 'seckit',
  };
}

function semgrepResult(repo, n) {
  const [ruleId, score] = SEMGREP_RULES[n % SEMGREP_RULES.length];
  const line = 1 + (n % 300);
  return {
    result: {
      ruleId,
      message: { text: `Finding ${n} of ${ruleId.split('.').pop()} in ${repo}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `app/handlers/h${n % 61}/route-${n}.js`, uriBaseId: '%SRCROOT%' },
            region: { startLine: line, startColumn: 1, endLine: line, endColumn: 20 },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${repo.slice(-2)}${String(n).padStart(14, '0')}:1` },
    },
    rule: {
      id: ruleId,
      shortDescription: { text: ruleId },
      properties: { 'security-severity': score, tags: ['security'] },
    },
  };
}

/** The open set of a stream evolves: a few fixed, as many new, every run. */
function evolve(open, next, size) {
  const kept = open.filter(() => random() > 0.03);
  while (kept.length < size) kept.push(next());
  return kept;
}

function generate() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  let files = 0;
  let findings = 0;
  let sarifFiles = 0;
  const end = Date.parse(NOW);
  for (let r = 0; r < REPOSITORIES; r++) {
    const repo = `repo-${String(r).padStart(2, '0')}`;
    let n = 0;
    let open = [];
    let sarifOpen = [];
    let sarifN = 0;
    for (let run = 0; run < RUNS_PER_REPOSITORY; run++) {
      const at = new Date(end - (RUNS_PER_REPOSITORY - run) * WEEK + r * 3_600_000).toISOString();
      const isSarif =
        run % (RUNS_PER_REPOSITORY / SARIF_RUNS_PER_REPOSITORY) ===
        RUNS_PER_REPOSITORY / SARIF_RUNS_PER_REPOSITORY - 1;
      if (isSarif) {
        sarifOpen = evolve(sarifOpen, () => semgrepResult(repo, sarifN++), FINDINGS_PER_REPORT);
        const rules = [...new Map(sarifOpen.map((x) => [x.rule.id, x.rule])).values()];
        const log = {
          $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
          version: '2.1.0',
          runs: [
            {
              tool: { driver: { name: 'Semgrep', version: '1.90.0', rules } },
              versionControlProvenance: [
                { repositoryUri: `https://github.com/acme/${repo}.git`, branch: 'main' },
              ],
              invocations: [{ executionSuccessful: true, endTimeUtc: at }],
              results: sarifOpen.map((x) => x.result),
            },
          ],
        };
        writeFileSync(
          path.join(reportsDir, `${repo}-${String(run).padStart(2, '0')}.sarif`),
          JSON.stringify(log),
        );
        sarifFiles++;
        findings += sarifOpen.length;
      } else {
        open = evolve(open, () => makeFinding(repo, n++), FINDINGS_PER_REPORT);
        const report = {
          schemaVersion: 1,
          tool: { name: 'seckit', version: '0.1.0' },
          scope: 'full',
          repository: { root: repo, branch: 'main', commit: null },
          createdAt: at,
          findings: open,
          suppressed: [],
          errors: [],
          warnings: [],
          stats: { files: 1000, bytes: 5_000_000, durationMs: 900, skipped: 0 },
          decision: { blocked: true, blockOn: 'high', reasons: [] },
        };
        writeFileSync(
          path.join(reportsDir, `${repo}-${String(run).padStart(2, '0')}.json`),
          JSON.stringify(report),
        );
        findings += open.length;
      }
      files++;
    }
  }
  return { files, findings, sarifFiles, repositories: REPOSITORIES };
}

/** Runs the CLI as a user would; wall time from outside, CPU time (user + sys) from bash's `time`. */
function secReport(...args) {
  const quoted = [process.execPath, bin, ...args, '--db', db, '--now', NOW].map(
    (a) => `'${a.replace(/'/g, "'\\''")}'`,
  );
  const started = performance.now();
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; time ${quoted.join(' ')}`], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = r.stderr.trimEnd().split('\n');
  const [user, sys] = (lines.pop() ?? '0 0').split(' ').map(Number);
  if (r.status !== 0 && !(args[0] === 'gate' && r.status === 1)) {
    throw new Error(`sec-report ${args.join(' ')} failed (${r.status}):\n${lines.join('\n')}`);
  }
  return { seconds, cpuSeconds: (user ?? 0) + (sys ?? 0), stdout: r.stdout, status: r.status };
}

async function openInChromium(file, times) {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Chromium not found at /usr/bin/chromium: apt-get update && apt-get install -y chromium');
  }
  const context = await chromium.launchPersistentContext(
    mkdtempSync(path.join(os.tmpdir(), 'sec-report-bench-')),
    {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  );
  const samples = [];
  let rows = 0;
  try {
    for (let i = 0; i < times; i++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 30_000 });
      samples.push((performance.now() - started) / 1000);
      rows = await page.locator('#findings-table tbody tr').count();
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { samples, rows };
}

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('generating…');
const t = performance.now();
const data = generate();
const generateSeconds = (performance.now() - t) / 1000;
const inputBytes = Number(execFileSync('du', ['-sb', reportsDir], { encoding: 'utf8' }).split('\t')[0]);
console.log(
  `  ${data.files} reports (${data.sarifFiles} SARIF), ${data.findings} findings, ${round(inputBytes / 1e6, 1)} MB, ${round(generateSeconds)} s`,
);

// Each timed step runs several times: on a shared machine the best run is the closest to the
// tool's own cost, the median shows what a busy machine gives; both are reported, with CPU time.
const loadAtStart = os.loadavg()[0];
const ingestRuns = [1, 2, 3].map(() => {
  rmSync(db, { force: true });
  const run = secReport('ingest', reportsDir);
  console.log(
    `ingest ${round(run.seconds)} s (CPU ${round(run.cpuSeconds)} s): ${run.stdout.trim().split('\n').at(-1)}`,
  );
  return run;
});
const ingest = [...ingestRuns].sort((a, b) => a.seconds - b.seconds)[0];
console.log('re-ingest (idempotent)…');
const reingest = secReport('ingest', reportsDir);
console.log(`  ${round(reingest.seconds)} s: ${reingest.stdout.trim().split('\n').at(-1)}`);

const loadBefore = os.loadavg()[0];
const summaryMd = [1, 2, 3, 4, 5].map(() => secReport('summary'));
const summaryJson = secReport('summary', '--format', 'json');
const gate = secReport('gate');
const html = secReport('html', '--output', path.join(work, 'dashboard.html'));
const dashboardBytes = statSync(path.join(work, 'dashboard.html')).size;
const summary = JSON.parse(summaryJson.stdout);
console.log(
  `summary ${round(median(summaryMd.map((s) => s.seconds)))} s, json ${round(summaryJson.seconds)} s, html ${round(html.seconds)} s (${round(dashboardBytes / 1e6)} MB)`,
);
const open = await openInChromium(path.join(work, 'dashboard.html'), 3);
console.log(`open in Chromium: ${open.samples.map((s) => round(s)).join(', ')} s`);

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 1e9, 1),
    note: 'shared machine; other engineers ran builds and benchmarks at the same time',
  },
  data: {
    ...data,
    inputMb: round(inputBytes / 1e6, 1),
    distinctFindings: Number(/\((\d+) new/.exec(ingest.stdout.trim().split('\n').at(-1))?.[1] ?? 0),
    databaseMb: round(statSync(db).size / 1e6, 1),
  },
  ingest: {
    seconds: ingestRuns.map((r) => round(r.seconds)),
    cpuSeconds: ingestRuns.map((r) => round(r.cpuSeconds)),
    bestSeconds: round(ingest.seconds),
    medianSeconds: round(median(ingestRuns.map((r) => r.seconds))),
    findingsPerSecond: Math.round(data.findings / ingest.seconds),
    findingsPerSecondMedian: Math.round(data.findings / median(ingestRuns.map((r) => r.seconds))),
    reingestSeconds: round(reingest.seconds),
  },
  summary: {
    markdownSeconds: summaryMd.map((s) => round(s.seconds)),
    markdownMedianSeconds: round(median(summaryMd.map((s) => s.seconds))),
    markdownBestSeconds: round(Math.min(...summaryMd.map((s) => s.seconds))),
    markdownCpuSeconds: summaryMd.map((s) => round(s.cpuSeconds)),
    jsonSeconds: round(summaryJson.seconds),
    gateSeconds: round(gate.seconds),
    openFindings: summary.openTotal,
    breached: summary.breachedTotal,
  },
  dashboard: {
    seconds: round(html.seconds),
    bytes: dashboardBytes,
    mb: round(dashboardBytes / 1e6),
    rowsEmbedded: summary.findings.length,
    openInChromiumSeconds: open.samples.map((s) => round(s)),
    openMedianSeconds: round(median(open.samples)),
    rowsRendered: open.rows,
  },
  targets: TARGETS,
  loadAverage: {
    atStart: round(loadAtStart, 1),
    beforeSummaries: round(loadBefore, 1),
    atEnd: round(os.loadavg()[0], 1),
  },
};
results.met = {
  ingest: results.ingest.findingsPerSecond >= TARGETS.ingestPerSecond,
  summary: results.summary.markdownBestSeconds < TARGETS.summarySeconds,
  dashboardSize: results.dashboard.mb < TARGETS.dashboardMb,
  dashboardOpen: Math.max(...open.samples) < TARGETS.openSeconds,
};

const yes = (ok) => (ok ? '✅ met' : '❌ missed');
const md = `# sec-report benchmark

\`node bench/report/run.mjs\` (or \`pnpm bench:report\`), ${results.date}, Node ${results.machine.node},
${results.machine.cores} × ${results.machine.cpu}, ${results.machine.memoryGb} GB; ${results.machine.note}
(1-minute load average ${results.loadAverage.atStart} at the start, ${results.loadAverage.beforeSummaries} before the summaries, ${results.loadAverage.atEnd} at the end).
Every time is the wall-clock time of the \`sec-report\` process (Node start-up, loading SQLite's wasm
and the database file, the work, writing the output), measured from outside; CPU is user + system
time of that process (V8 compiles and collects garbage on a second thread, so it can exceed the
wall time). Each step runs several times: the best run is the closest to the tool's own cost on
a machine shared with other work, the median shows the effect of that sharing; targets are
checked against the best run, and all runs are listed.

## Data

${data.files} reports over ${data.repositories} repositories, 20 weekly runs each: ${data.files - data.sarifFiles}
seckit Reports (JSON) and ${data.sarifFiles} SARIF logs of a second tool (Semgrep-shaped, with
\`partialFingerprints\` and \`security-severity\`), ${data.findings.toLocaleString('en-US')} findings in all
(${results.data.inputMb} MB). Each run keeps most findings of the previous one, fixes ~3 % and adds as many new
ones, so the history has fixes, new findings and long-open ones: ${results.data.distinctFindings.toLocaleString('en-US')} distinct findings. Generated deterministically into
\`bench/.work/report/\` (git-ignored). The database ends at ${results.data.databaseMb} MB.

## Results

| step | measured | target | |
| --- | --- | --- | --- |
| ingest 1,000 files, one command, 3 runs | best **${results.ingest.bestSeconds} s = ${results.ingest.findingsPerSecond.toLocaleString('en-US')} findings/s**; median ${results.ingest.medianSeconds} s = ${results.ingest.findingsPerSecondMedian.toLocaleString('en-US')}/s (runs ${results.ingest.seconds.join(', ')} s; CPU ${results.ingest.cpuSeconds.join(', ')} s) | ≥ ${TARGETS.ingestPerSecond.toLocaleString('en-US')} findings/s | ${yes(results.met.ingest)} |
| re-ingest the same 1,000 files (all recognised, nothing changes) | ${results.ingest.reingestSeconds} s | | |
| \`summary\` (Markdown), 5 runs | best **${results.summary.markdownBestSeconds} s**, median ${results.summary.markdownMedianSeconds} s (${results.summary.markdownSeconds.join(', ')}; CPU ${results.summary.markdownCpuSeconds.join(', ')}) | < ${TARGETS.summarySeconds} s | ${yes(results.met.summary)} |
| \`summary --format json\` (every open finding listed) | ${results.summary.jsonSeconds} s | | |
| \`gate\` | ${results.summary.gateSeconds} s | | |
| \`html\`: the dashboard file | ${results.dashboard.seconds} s, **${results.dashboard.mb} MB** (${results.dashboard.rowsEmbedded.toLocaleString('en-US')} findings embedded) | < ${TARGETS.dashboardMb} MB | ${yes(results.met.dashboardSize)} |
| open it in Chromium until the table is rendered, 3 times | **${results.dashboard.openInChromiumSeconds.join(' s, ')} s** | < ${TARGETS.openSeconds} s | ${yes(results.met.dashboardOpen)} |

At the end: ${results.summary.openFindings.toLocaleString('en-US')} open findings, ${results.summary.breached.toLocaleString('en-US')} past their SLA.

## How it gets there

- One \`ingest\` command reads and checks every file first, then applies them oldest first in one
  transaction: each stream (repository, tool, category) is loaded once, findings are tracked in
  memory and written once each at the end, and the database file is written once (sql.js keeps it
  in memory). Ingesting file by file in separate commands costs the
  load and save of the database each time (see the re-ingest line for the fixed cost of a command
  that changes nothing).
- Metrics come from a few queries (findings' numeric columns, life-cycle events, decisions),
  computed in JavaScript; the Markdown summary reads messages and paths only for the 20 findings
  it lists.
- The dashboard embeds the findings as compact JSON rows with lookup tables for repositories,
  tools and rules, and renders 100 rows at a time; charts are SVG built on the server side.

Raw figures: \`bench/report/results.json\`.
`;
writeFileSync(path.join(root, 'bench/report/results.json'), `${JSON.stringify(results, null, 2)}\n`);
// In the repository's own style, so `pnpm lint` (biome) accepts the committed file as written.
const biome = path.join(root, 'node_modules/.bin/biome');
if (existsSync(biome))
  execFileSync(biome, ['format', '--write', 'bench/report/results.json'], { cwd: root, stdio: 'ignore' });
writeFileSync(path.join(root, 'bench/report/results.md'), md);
console.log(JSON.stringify(results.met));
