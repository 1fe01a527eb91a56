#!/usr/bin/env node
// `pnpm bench:hook`: what a pre-commit hook costs per `git commit`, measured in one run on the same
// commits. Variants, each in its own copy of the same repository (200 source files, installed the
// way a user would):
//   sec-init    the hook `npx sec-init` installs (packed tarballs of this workspace, real npm):
//               husky → lint-staged → `seckit scan --staged` (secret, dependency and hygiene checks)
//   direct      the same install with the seckit block running `seckit scan --staged` itself,
//               without lint-staged (what lint-staged costs, and what the hook costs without it)
//   hand-wired  husky 9.1.7 + lint-staged 16.4.0 + secretlint 12.0.0, wired by the secretlint
//               README: `.husky/pre-commit` runs `npx lint-staged`, which runs `secretlint --no-glob`
//   no-verify   `git commit --no-verify` in a copy of the sec-init repository: git alone
// For 1, 10 and 200 staged files, every round writes the same new content into each variant and
// commits it there, rotating the order so machine noise spreads evenly. Hook overhead = median
// commit time − median `--no-verify` time. It also times the pieces (node start-up, the seckit
// process, lint-staged with a no-op task) to show where the time goes.
//
// Writes bench/hook/results.json and bench/hook/results.md (results-node<major>.* with --node).
// Needs `pnpm build` and the npm registry (husky, lint-staged, secretlint).
// Usage: node bench/hook/run.mjs [--rounds N] [--keep] [--node 22|24]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const WORK = path.join(ROOT, 'bench', '.work', 'hook');
const SEC_INIT = path.join(ROOT, 'packages', 'sec-init', 'bin', 'sec-init.js');
const argv = process.argv.slice(2);
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1]) || 9;
// `--node 24`: every process of the hooks (husky's sh runs `node` from PATH) and of the pieces
// runs on that Node major, from the npm package `node` (npx), as users on 22 or 24 would run them.
// Results then go to results-node<major>.{json,md}; the default is this process's Node.
const NODE_MAJOR = argv.includes('--node') ? argv[argv.indexOf('--node') + 1] : undefined;
const NODE =
  NODE_MAJOR === undefined
    ? process.execPath
    : execFileSync('npx', ['-y', `node@${NODE_MAJOR}`, '-p', 'process.execPath'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1);
const SUFFIX = NODE_MAJOR === undefined ? '' : `-node${NODE_MAJOR}`;
const SIZES = [1, 10, 200];
const FILES = 200;

const HAND_WIRED = {
  husky: '9.1.7',
  'lint-staged': '16.4.0',
  secretlint: '12.0.0',
  '@secretlint/secretlint-rule-preset-recommend': '12.0.0',
};

/** The environment of a developer's shell: no pnpm/npm variables from `pnpm bench:hook`, no HUSKY. */
function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_.*|HUSKY|GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR|CONFIG.*))$/i.test(key)) continue;
    env[key] = value;
  }
  const globalConfig = path.join(WORK, 'gitconfig');
  writeFileSync(globalConfig, '[user]\n\tname = bench\n\temail = bench@example.invalid\n');
  return {
    ...env,
    PATH: `${path.dirname(NODE)}${path.delimiter}${env.PATH ?? ''}`,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
    npm_config_cache: path.join(WORK, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFail) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${options.cwd} (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** A JavaScript source file of ~1.2 KB; `salt` makes each round's content new. */
function source(index, salt) {
  const lines = [`// module ${index}, revision ${salt}`, `export const id${index} = ${index};`];
  for (let i = 0; i < 30; i++)
    lines.push(`export function f${index}_${i}(x) { return x * ${i + 1} + ${salt % 97}; }`);
  return `${lines.join('\n')}\n`;
}

function packTarballs(dir) {
  mkdirSync(dir, { recursive: true });
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(ROOT, group))) {
      const pkgDir = path.join(ROOT, group, name);
      const manifest = path.join(pkgDir, 'package.json');
      if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).private) continue;
      run('pnpm', ['pack', '--pack-destination', dir], { cwd: pkgDir, env: process.env });
    }
  }
  return readdirSync(dir);
}

function template(dir, env) {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  run('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  for (let i = 0; i < FILES; i++)
    writeFileSync(path.join(dir, 'src', `f${String(i).padStart(3, '0')}.js`), source(i, 0));
  run('git', ['add', '-A'], { cwd: dir, env });
  run('git', ['commit', '-q', '-m', 'initial', '--no-verify'], { cwd: dir, env });
}

function commitAll(dir, env, message) {
  run('git', ['add', '-A'], { cwd: dir, env });
  run('git', ['commit', '-q', '-m', message, '--no-verify'], { cwd: dir, env });
}

function setUp() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const env = cleanEnv();
  const tarballs = path.join(WORK, 'tarballs');
  console.log(`packing: ${packTarballs(tarballs).join(', ')}`);
  const base = path.join(WORK, 'template');
  template(base, env);

  const repos = {};
  repos['sec-init'] = path.join(WORK, 'sec-init');
  cpSync(base, repos['sec-init'], { recursive: true });
  const init = run(NODE, [SEC_INIT, '--from', tarballs, '--yes'], {
    cwd: repos['sec-init'],
    env,
  });
  console.log(init.stdout.trim().split('\n').slice(0, 2).join('\n'));
  commitAll(repos['sec-init'], env, 'sec-init');

  // The same install, with the block running seckit itself instead of lint-staged.
  repos.direct = path.join(WORK, 'direct');
  cpSync(repos['sec-init'], repos.direct, { recursive: true });
  const hook = path.join(repos.direct, '.husky', 'pre-commit');
  writeFileSync(
    hook,
    readFileSync(hook, 'utf8')
      .replace(/node_modules\/\.bin\/lint-staged/g, 'node_modules/.bin/seckit')
      .replace(/^node_modules\/\.bin\/seckit$/m, 'node_modules/.bin/seckit scan --staged'),
  );
  commitAll(repos.direct, env, 'direct');

  // sec-init before the in-process task: the same install with the JSON config it used to create,
  // lint-staged spawning `seckit scan --staged` (a second Node process per commit).
  repos.spawned = path.join(WORK, 'spawned');
  cpSync(repos['sec-init'], repos.spawned, { recursive: true });
  rmSync(path.join(repos.spawned, '.lintstagedrc.mjs'));
  writeFileSync(path.join(repos.spawned, '.lintstagedrc.json'), '{\n  "*": "seckit scan --staged"\n}\n');
  commitAll(repos.spawned, env, 'spawned');

  repos['hand-wired'] = path.join(WORK, 'hand-wired');
  cpSync(base, repos['hand-wired'], { recursive: true });
  const hw = repos['hand-wired'];
  run('npm', ['install', '-D', '-E', ...Object.entries(HAND_WIRED).map(([n, v]) => `${n}@${v}`)], {
    cwd: hw,
    env,
  });
  const pkg = JSON.parse(readFileSync(path.join(hw, 'package.json'), 'utf8'));
  pkg.scripts = { prepare: 'husky' };
  writeFileSync(path.join(hw, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run(NODE, [path.join(hw, 'node_modules', 'husky', 'bin.js')], { cwd: hw, env });
  writeFileSync(path.join(hw, '.husky', 'pre-commit'), 'npx lint-staged\n');
  writeFileSync(
    path.join(hw, '.lintstagedrc.json'),
    `${JSON.stringify({ '*': 'secretlint --no-glob' }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(hw, '.secretlintrc.json'),
    `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`,
  );
  commitAll(hw, env, 'hand-wired');

  repos['no-verify'] = path.join(WORK, 'no-verify');
  cpSync(repos['sec-init'], repos['no-verify'], {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}node_modules`),
  });
  return { env, repos };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

function writeRound(dir, count, salt) {
  for (let i = 0; i < count; i++)
    writeFileSync(path.join(dir, 'src', `f${String(i).padStart(3, '0')}.js`), source(i, salt));
}

function timeCommit(dir, env, variant, message) {
  const args = ['commit', '-q', '-m', message, ...(variant === 'no-verify' ? ['--no-verify'] : [])];
  const start = process.hrtime.bigint();
  const result = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  const elapsed = ms(start);
  if (result.status !== 0)
    throw new Error(
      `${variant}: git commit failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  return elapsed;
}

/** The pieces: each timed on the same staged set in the sec-init repository. */
function timePieces(repo, env, count, salt) {
  writeRound(repo, count, salt);
  run('git', ['add', '-A'], { cwd: repo, env });
  const noop = path.join(WORK, 'lint-staged-noop.json');
  writeFileSync(noop, '{ "*": "true" }\n');
  const bin = (name) => path.join(repo, 'node_modules', '.bin', name);
  const time = (command, args) => {
    const start = process.hrtime.bigint();
    const result = run(command, args, { cwd: repo, env, allowFail: true });
    return { ms: ms(start), output: result.stdout };
  };
  const seckit = time(bin('seckit'), ['scan', '--staged']);
  // The scan's own timer ("N files scanned in 12 ms"): the rest is start-up and module loading.
  const match = /scanned[^\n]*? in ([\d.]+) (ms|s)\b/.exec(seckit.output);
  const scanning = match === null ? Number.NaN : Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  const pieces = {
    'node start-up (node -e 0)': time(NODE, ['-e', '0']).ms,
    'seckit process (seckit scan --staged)': seckit.ms,
    '… of which scanning (its own timer)': scanning,
    '… of which start-up and module loading': seckit.ms - scanning,
    'lint-staged, no-op task, with backup stash': time(bin('lint-staged'), ['--config', noop]).ms,
    'lint-staged, no-op task, --no-stash': time(bin('lint-staged'), ['--config', noop, '--no-stash']).ms,
  };
  run('git', ['reset', '-q'], { cwd: repo, env });
  run('git', ['checkout', '-q', '--', 'src'], { cwd: repo, env });
  return pieces;
}

function engineState() {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const paths = [
    'packages/hooks/src/scan.ts',
    'packages/hooks/src/checks',
    'packages/hooks/src/secrets',
    'packages/hooks/src/deps',
    'packages/hooks/src/hygiene',
  ];
  const dirty = git('status', '--porcelain', '--', ...paths)
    .split('\n')
    .filter(Boolean).length;
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedEngineFiles: dirty };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'packages', 'hooks', 'dist', 'cli', 'run.js'))) {
    throw new Error('packages/hooks/dist is missing: run `pnpm build` first.');
  }
  const { env, repos } = setUp();
  // Which checks the installed engine runs: per-file ones, plus the project-level ones
  // (dependency pins, lockfiles, repository hygiene) when this engine has them.
  const dist = path.join(repos['sec-init'], 'node_modules', '@seckit', 'hooks', 'dist');
  const { fileChecks } = await import(path.join(dist, 'checks', 'index.js'));
  const checks = [
    ...fileChecks.map((c) => c.id),
    ...(existsSync(path.join(dist, 'project-checks.js')) ? ['dependencies', 'lockfiles', 'hygiene'] : []),
  ];
  const variants = ['sec-init', 'spawned', 'direct', 'hand-wired', 'no-verify'];
  const samples = {};
  const pieces = {};
  let salt = 1;
  for (const size of SIZES) {
    for (const v of variants) samples[`${v}/${size}`] = [];
    // One warm-up round per size (disk cache, npx cache), not recorded.
    for (let round = -1; round < ROUNDS; round++) {
      salt++;
      const order = variants.map((_, i) => variants[(i + round + 1 + variants.length) % variants.length]);
      for (const v of order) {
        writeRound(repos[v], size, salt);
        run('git', ['add', '-A'], { cwd: repos[v], env });
        const t = timeCommit(repos[v], env, v, `round ${round} size ${size}`);
        if (round >= 0) samples[`${v}/${size}`].push(t);
      }
    }
    const piece = [];
    for (let i = 0; i < 5; i++) piece.push(timePieces(repos['sec-init'], env, size, ++salt));
    pieces[size] = Object.fromEntries(
      Object.keys(piece[0]).map((k) => [k, Math.round(median(piece.map((p) => p[k])))]),
    );
    process.stdout.write(`size ${size} done\n`);
  }

  const rows = SIZES.map((size) => {
    const med = Object.fromEntries(variants.map((v) => [v, median(samples[`${v}/${size}`])]));
    const overhead = (v) => med[v] - med['no-verify'];
    return {
      files: size,
      medianMs: Object.fromEntries(variants.map((v) => [v, Math.round(med[v])])),
      overheadMs: {
        'sec-init': Math.round(overhead('sec-init')),
        spawned: Math.round(overhead('spawned')),
        direct: Math.round(overhead('direct')),
        'hand-wired': Math.round(overhead('hand-wired')),
      },
      ratio: {
        'sec-init / hand-wired': Number((overhead('sec-init') / overhead('hand-wired')).toFixed(2)),
        'spawned / hand-wired': Number((overhead('spawned') / overhead('hand-wired')).toFixed(2)),
        'direct / hand-wired': Number((overhead('direct') / overhead('hand-wired')).toFixed(2)),
      },
      piecesMs: pieces[size],
    };
  });

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '?',
      loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
      node: execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
    },
    git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
    rounds: ROUNDS,
    engine: { ...engineState(), checks },
    handWired: HAND_WIRED,
    rows,
    samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => Math.round(x))])),
  };
  writeFileSync(path.join(HERE, `results${SUFFIX}.json`), `${JSON.stringify(result, null, 2)}\n`);
  // In the repository's own style, so `pnpm lint` (biome) accepts the committed file as written.
  const biome = path.join(ROOT, 'node_modules/.bin/biome');
  if (existsSync(biome))
    spawnSync(biome, ['format', '--write', path.join(HERE, `results${SUFFIX}.json`)], { stdio: 'ignore' });
  writeFileSync(path.join(HERE, `results${SUFFIX}.md`), markdown(result));
  console.log(`\n${markdown(result)}`);
  if (!argv.includes('--keep')) rmSync(WORK, { recursive: true, force: true });
}

function markdown(r) {
  const lines = [
    '# Pre-commit hook cost (bench/hook)',
    '',
    `Generated by \`${NODE_MAJOR === undefined ? 'pnpm bench:hook' : `node bench/hook/run.mjs --node ${NODE_MAJOR}`}\` on ${r.date.slice(0, 10)}: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.node}, ${r.git}; load average at the end ${r.machine.loadavg.join(' / ')}. ` +
      `Median of ${r.rounds} rounds per cell, every round committing the same new content in each variant (order rotated). ` +
      `Engine: workspace commit ${r.engine.commit}${r.engine.uncommittedEngineFiles > 0 ? ` with ${r.engine.uncommittedEngineFiles} uncommitted engine files (work in progress)` : ''}; checks run by the hook: ${r.engine.checks.join(', ')}.`,
    '',
    '## Hook overhead (commit time − `--no-verify` time)',
    '',
    '| staged files | sec-init | spawned task | direct (no lint-staged) | hand-wired | sec-init / hand-wired | spawned / hand-wired | direct / hand-wired |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (row) =>
        `| ${row.files} | ${row.overheadMs['sec-init']} ms | ${row.overheadMs.spawned} ms | ${row.overheadMs.direct} ms | ${row.overheadMs['hand-wired']} ms | ${row.ratio['sec-init / hand-wired']} | ${row.ratio['spawned / hand-wired']} | ${row.ratio['direct / hand-wired']} |`,
    ),
    '',
    'The floor of any hook that goes through lint-staged is lint-staged itself: with a no-op task (pieces below) it takes ' +
      r.rows
        .map(
          (row) =>
            `${row.piecesMs['lint-staged, no-op task, with backup stash']} ms for ${row.files} file${row.files === 1 ? '' : 's'} (${(row.piecesMs['lint-staged, no-op task, with backup stash'] / row.overheadMs['hand-wired']).toFixed(2)} of hand-wired)`,
        )
        .join(', ') +
      '; Node start-up, its modules and its git steps (stash backup, status, diff, add, stash drop). What seckit adds on top is the difference between sec-init and that floor.',
    '',
    '## Commit times (median)',
    '',
    '| staged files | sec-init | spawned task | direct | hand-wired | --no-verify |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map(
      (row) =>
        `| ${row.files} | ${row.medianMs['sec-init']} ms | ${row.medianMs.spawned} ms | ${row.medianMs.direct} ms | ${row.medianMs['hand-wired']} ms | ${row.medianMs['no-verify']} ms |`,
    ),
    '',
    '## Where the time goes (each piece alone, on the same staged set, median of 5)',
    '',
    `| piece | ${r.rows.map((row) => `${row.files} file${row.files === 1 ? '' : 's'}`).join(' | ')} |`,
    `| --- | ${r.rows.map(() => '---:').join(' | ')} |`,
    ...Object.keys(r.rows[0].piecesMs).map(
      (k) => `| ${k} | ${r.rows.map((row) => `${row.piecesMs[k]} ms`).join(' | ')} |`,
    ),
    '',
    "Variants: **sec-init** is what `npx sec-init` installs (husky → `node_modules/.bin/lint-staged` → `.lintstagedrc.mjs`, whose task `seckitTask()` runs `seckit scan --staged` inside lint-staged's process); " +
      '**spawned task** is the same install with the JSON config sec-init created before (lint-staged spawns `seckit scan --staged`: a second Node process); ' +
      '**direct** is the same install with the block calling `node_modules/.bin/seckit scan --staged` itself; ' +
      '**hand-wired** follows the secretlint README (husky → `npx lint-staged` → `secretlint --no-glob`, secretlint-rule-preset-recommend); ' +
      '**--no-verify** is git alone in a copy of the sec-init repository.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
