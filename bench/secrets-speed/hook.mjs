// The hook's case: `seckit scan --staged` on a 10-file commit, where start-up and module loading
// dominate. Measures the wall time of the whole command, and where it goes (fresh processes that
// stop after each stage: bare node, importing @seckit/core, importing the scan, the full scan).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, timed, waitForQuiet } from './lib.mjs';

// Ten ordinary files of a commit: source, docs, manifests; 1.4 MB in all (react-dom's dev bundle).
export const HOOK_FILES = [
  'packages/axios/lib/core/Axios.js',
  'packages/express/lib/application.js',
  'packages/lodash/debounce.js',
  'packages/rxjs/src/internal/Observable.ts',
  'packages/webpack/lib/Compiler.js',
  'packages/eslint/README.md',
  'packages/moment/moment.js',
  'packages/vue/package.json',
  'packages/typescript/package.json',
  'packages/react-dom/cjs/react-dom.development.js',
];

/** A repository with the ten files staged (no commit yet: the first-commit case). */
export function ensureHookRepo(treeDir, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'core.excludesFile', '/dev/null');
  for (const rel of HOOK_FILES) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(path.join(treeDir, rel), path.join(dir, rel));
  }
  git('add', '.');
  return dir;
}

async function sample(runs, command, args, cwd) {
  const walls = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    loads.push(await waitForQuiet(0.25, 3000));
    const r = timed(command, args, { cwd });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
    walls.push(r.wallMs);
  }
  return {
    medianMs: median(walls),
    runsMs: walls,
    backgroundLoad: loads.map((l) => (l === undefined ? undefined : Math.round(l * 100))),
  };
}

/** Alternates runs of several builds (before / after a change) under the same conditions. */
async function interleaved(runs, bins, cwd) {
  const walls = Object.fromEntries(Object.keys(bins).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, bin] of Object.entries(bins)) {
      await waitForQuiet(0.25, 3000);
      const r = timed(process.execPath, [bin, 'scan', '--staged'], { cwd });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} failed: ${r.stderr}`);
      walls[name].push(r.wallMs);
    }
  }
  return Object.fromEntries(Object.entries(walls).map(([k, w]) => [k, { medianMs: median(w), runsMs: w }]));
}

export async function measureHook({ repoRoot, treeDir, seckitBin, beforeBin, runs = 15 }) {
  const dir = ensureHookRepo(treeDir, path.join(repoRoot, 'bench/.work/hook-repo'));
  const bin = seckitBin ?? path.join(repoRoot, 'packages/hooks/bin/seckit.js');
  const hooksDist = path.join(path.dirname(bin), '../dist');
  const coreDist = path.join(path.dirname(bin), '../../core/dist/index.js');
  const node = process.execPath;
  // Warm the file cache first.
  for (let i = 0; i < 2; i++) timed(node, [bin, 'scan', '--staged'], { cwd: dir });
  const stage = (code) => ['--input-type=module', '-e', code];
  const result = {
    files: HOOK_FILES.length,
    bin: path.relative(repoRoot, bin) || bin,
    scanStaged: await sample(runs, node, [bin, 'scan', '--staged'], dir),
    stages: {
      bareNode: await sample(runs, node, ['-e', '0'], dir),
      // What the hook loads: the CLI bundle (dist/bundle/), stopped right after parsing argv.
      cliBundle: await sample(runs, node, [bin, '--version'], dir),
      importCore: await sample(runs, node, stage(`await import(${JSON.stringify(coreDist)})`), dir),
      importScan: existsSync(path.join(hooksDist, 'scan.js'))
        ? await sample(
            runs,
            node,
            stage(`await import(${JSON.stringify(path.join(hooksDist, 'scan.js'))})`),
            dir,
          )
        : undefined,
      importCli: await sample(
        runs,
        node,
        stage(`await import(${JSON.stringify(path.join(hooksDist, 'cli/run.js'))})`),
        dir,
      ),
    },
  };
  // The same commit with the dependency checks off: what the secret and hygiene checks cost alone
  // (the two package.json files make the dependency checks look for lockfiles with git).
  const noDeps = `${dir}-no-deps`;
  rmSync(noDeps, { recursive: true, force: true });
  cpSync(dir, noDeps, { recursive: true });
  mkdirSync(path.join(noDeps, '.seckit'), { recursive: true });
  writeFileSync(
    path.join(noDeps, '.seckit/policy.json'),
    '{ "checks": { "dependencies": false, "lockfiles": false } }\n',
  );
  result.scanStagedWithoutDependencyChecks = await sample(runs, node, [bin, 'scan', '--staged'], noDeps);
  if (beforeBin !== undefined) {
    for (let i = 0; i < 2; i++) timed(node, [beforeBin, 'scan', '--staged'], { cwd: dir });
    result.beforeAfter = await interleaved(runs, { before: beforeBin, after: bin }, dir);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node bench/secrets-speed/hook.mjs [path/to/seckit.js]: measure another build (e.g. a worktree of an older commit).
  const { ensureTree, repoRoot } = await import('./build-tree.mjs');
  const treeDir = await ensureTree();
  const seckitBin = process.argv[2] === undefined ? undefined : path.resolve(process.argv[2]);
  console.log(JSON.stringify(await measureHook({ repoRoot, treeDir, seckitBin }), null, 2));
}
