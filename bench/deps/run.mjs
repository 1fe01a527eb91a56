// bench/deps: the dependency checks on a real ~2,000-package project, as the pre-commit hook runs
// them (package.json and its lockfile staged), for each lockfile format. Budget: 150 ms.
//
//   pnpm bench:deps                         (builds first)
//   node bench/deps/run.mjs --runs 9 --only npm,pnpm --refresh
//
// The project is app.manifest.json (react-scripts, storybook, angular, nest, aws-sdk, …). Its
// lockfiles are written by the real package managers under bench/.work/deps/ (gitignored): npm
// resolves with `--before` a fixed date; pnpm and bun import npm's lockfile (the same tree); Yarn 1
// installs on its own and Yarn 4 migrates Yarn 1's lockfile. Each measurement is a fresh Node
// process (a hook is one).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const work = path.join(root, 'bench/.work/deps');
const REGISTRY = 'https://registry.npmjs.org/';
const BEFORE = '2026-10-01';
const BUDGET_MS = 150;
const YARN_WITHOUT = ['vite'];
const TOOLS = {
  npm: 'npm@11.19.1',
  pnpm: 'pnpm@10.34.8',
  yarn1: 'yarn@1.22.22',
  bun: 'bun@1.3.14',
  berry: '@yarnpkg/cli-dist@4.18.1',
};

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    only: { type: 'string', default: 'npm,pnpm,bun,yarn1,berry' },
    refresh: { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs);
const log = (...a) => console.error('[bench:deps]', ...a);

/** A pinned package manager through npx, away from this machine's npm/yarn/bun settings. */
function npx(cwd, tool, args, extraEnv = {}) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'seckit-bench-home-'));
  writeFileSync(
    path.join(home, '.npmrc'),
    `registry=${REGISTRY}\nfund=false\naudit=false\nupdate-notifier=false\n`,
  );
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(npm_|NPM_|YARN_|BUN_|PNPM_)/.test(k)),
    ),
    HOME: home,
    npm_config_userconfig: path.join(home, '.npmrc'),
    COREPACK_ENABLE_STRICT: '0',
    YARN_ENABLE_TELEMETRY: '0',
    ...extraEnv,
  };
  const started = Date.now();
  execFileSync('npx', ['-y', tool, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 20 * 60_000,
  });
  log(`${tool} ${args[0]}: ${Math.round((Date.now() - started) / 1000)} s`);
}

const LOCKS = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  bun: 'bun.lock',
  yarn1: 'yarn.lock',
  berry: 'yarn.lock',
};

/**
 * Writes the lockfile in a temporary folder outside this repository (pnpm and Yarn would
 * otherwise find the monorepo's own workspace and lockfile above it), then keeps the manifest and
 * the lockfile under bench/.work/deps/<kind>/.
 */
function prepare(kind) {
  const dir = path.join(work, kind);
  if (existsSync(path.join(dir, LOCKS[kind])) && !flags.refresh) return dir;
  const tmp = mkdtempSync(path.join(os.tmpdir(), `seckit-bench-deps-${kind}-`));
  copyFileSync(path.join(here, 'app.manifest.json'), path.join(tmp, 'package.json'));
  if (kind === 'npm') {
    npx(tmp, TOOLS.npm, [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--legacy-peer-deps',
      `--before=${BEFORE}`,
      '--omit-lockfile-registry-resolved=false',
      '--no-audit',
      '--no-fund',
    ]);
  } else {
    // The others import npm's resolution, so every format describes the same tree.
    copyFileSync(path.join(prepare('npm'), 'package-lock.json'), path.join(tmp, 'package-lock.json'));
    if (kind === 'pnpm') npx(tmp, TOOLS.pnpm, ['import']);
    if (kind === 'bun') npx(tmp, TOOLS.bun, ['install', '--lockfile-only', '--ignore-scripts']);
    // `yarn import` reads only npm 6 lockfiles: Yarn 1 installs (and so resolves) on its own.
    if (kind === 'yarn1' || kind === 'berry') {
      rmSync(path.join(tmp, 'package-lock.json'));
      // Yarn resolves optional platform packages for every platform; the registry reachable
      // here lacks some of rollup's, which only vite pulls in.
      const manifest = JSON.parse(readFileSync(path.join(tmp, 'package.json'), 'utf8'));
      for (const name of YARN_WITHOUT) delete manifest.devDependencies[name];
      writeFileSync(path.join(tmp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    if (kind === 'yarn1') {
      npx(tmp, TOOLS.yarn1, [
        'install',
        '--ignore-scripts',
        '--ignore-engines',
        '--non-interactive',
        '--no-progress',
        '--network-timeout',
        '600000',
      ]);
    }
    if (kind === 'berry') {
      copyFileSync(path.join(prepare('yarn1'), 'yarn.lock'), path.join(tmp, 'yarn.lock'));
      writeFileSync(
        path.join(tmp, '.yarnrc.yml'),
        `npmRegistryServer: "${REGISTRY.slice(0, -1)}"\nenableTelemetry: false\nenableGlobalCache: false\nnodeLinker: node-modules\n`,
      );
      npx(tmp, TOOLS.berry, ['install', '--mode=update-lockfile'], {
        YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      });
    }
  }
  if (!existsSync(path.join(tmp, LOCKS[kind]))) throw new Error(`${kind}: ${LOCKS[kind]} was not written`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', LOCKS[kind], '.yarnrc.yml']) {
    if (existsSync(path.join(tmp, file))) copyFileSync(path.join(tmp, file), path.join(dir, file));
  }
  rmSync(tmp, { recursive: true, force: true });
  return dir;
}

function cpuBusy() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: line[3] + line[4], total: line.reduce((a, b) => a + b, 0) };
}
async function waitForQuiet(threshold = 0.35, maxMs = 20_000) {
  if (!existsSync('/proc/stat')) return undefined;
  const started = Date.now();
  for (;;) {
    const a = cpuBusy();
    await new Promise((r) => setTimeout(r, 400));
    const b = cpuBusy();
    const busy = 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
    if (busy <= threshold || Date.now() - started > maxMs) return Math.round(busy * 100) / 100;
  }
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

function measureOnce(dir, lockfile) {
  const r = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), dir, lockfile], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`measure failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const results = [];
for (const kind of flags.only.split(',')) {
  let dir;
  try {
    dir = prepare(kind);
  } catch (error) {
    log(`${kind}: could not generate the lockfile (${error.message.split('\n')[0]}); skipped`);
    results.push({ kind, lockfile: LOCKS[kind], skipped: error.message.split('\n')[0] });
    continue;
  }
  measureOnce(dir, LOCKS[kind]); // warm the OS file cache; the runs below are all cold processes
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const busy = await waitForQuiet();
    runs.push({ ...measureOnce(dir, LOCKS[kind]), busy });
  }
  const ms = runs.map((r) => r.ms);
  const row = {
    kind,
    lockfile: LOCKS[kind],
    bytes: runs[0].bytes,
    entries: runs[0].entries,
    findings: runs[0].findings,
    errors: runs[0].errors,
    medianMs: quantile(ms, 0.5),
    p90Ms: quantile(ms, 0.9),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    medianCpuMs: quantile(
      runs.map((r) => r.cpuMs),
      0.5,
    ),
    medianBusy: quantile(
      runs.map((r) => r.busy ?? 0),
      0.5,
    ),
    runs: ms,
  };
  log(`${kind}: median ${row.medianMs} ms, p90 ${row.p90Ms} ms (${row.entries} entries)`);
  results.push(row);
}

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
};
const tools = Object.values(TOOLS);
writeFileSync(
  path.join(here, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), budgetMs: BUDGET_MS, runs: RUNS, machine, tools, before: BEFORE, results }, null, 2)}\n`,
);

const lines = [
  '# Dependency checks: hook time on a 2,000-package project',
  '',
  `Generated by \`pnpm bench:deps\` on ${new Date().toISOString().slice(0, 10)} — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}.`,
  `Each figure is one fresh Node process checking the staged package.json and lockfile (the hook's case): loading the`,
  `dependency modules and parsers (from the CLI bundle, dist/bundle/, as the hook loads them), reading, parsing, judging`,
  `every entry, drift. @seckit/core is loaded beforehand, as in the hook. ${RUNS} runs per format after one warm-up; each run waits for the machine to be under 35 % busy (at most 20 s; the`,
  'median busy share before the runs is listed — this machine is shared with other builds). Budget: 150 ms.',
  '',
  '| lockfile | size | entries | median | p90 | min | max | median CPU | busy before | within 150 ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...results.map((r) =>
    r.skipped
      ? `| ${r.kind} (${r.lockfile}) | | | | | | | | | skipped: ${r.skipped} |`
      : `| ${r.kind} (${r.lockfile}) | ${Math.round(r.bytes / 1024)} KiB | ${r.entries} | ${r.medianMs} ms | ${r.p90Ms} ms | ${r.minMs} ms | ${r.maxMs} ms | ${r.medianCpuMs} ms | ${Math.round(r.medianBusy * 100)} % | ${r.medianMs <= BUDGET_MS ? 'yes' : 'no'} |`,
  ),
  '',
  `Lockfiles: ${tools.join(', ')}; npm resolves with \`--before=${BEFORE}\`, pnpm and bun import npm's lockfile, Yarn 1 resolves on its own (\`yarn import\` reads only npm 6 lockfiles) and Yarn 4 migrates Yarn 1's.`,
  'CPU time counts every thread of the process (V8 compiles and collects garbage on helper threads), so it can exceed the wall time.',
  '',
];
writeFileSync(path.join(here, 'results.md'), `${lines.join('\n')}`);
// The repository's formatter has the last word on the JSON layout (`pnpm lint` checks it).
const biome = path.join(root, 'node_modules/.bin/biome');
if (existsSync(biome))
  spawnSync(biome, ['format', '--write', path.join(here, 'results.json')], { stdio: 'ignore' });
log('wrote bench/deps/results.json and results.md');
