// One cold hook-like run of the dependency checks, in its own process: the manifest and the
// lockfile are staged, everything else is read from the tree. The command runner (with the parts
// of @seckit/core it uses) is loaded first, as the hook has it loaded before any check runs; the
// time covers loading the deps modules and the parsers, reading, parsing and judging. Prints one
// JSON line.
//   node bench/deps/measure.mjs <project dir> <lockfile name>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, lockfile] = process.argv.slice(2);
// The hook runs the CLI bundle (packages/hooks/dist/bundle/): time the dependency checks as it
// loads them. Without a bundle (an older build), the unbundled modules.
const bundle = path.join(root, 'packages/hooks/dist/bundle');
const bundled = existsSync(path.join(bundle, 'deps-checks.js'));
await import(bundled ? path.join(bundle, 'cli-run.js') : path.join(root, 'packages/hooks/dist/cli/run.js'));
// The policy's values only (the hook reads them from its cache of the validated policy).
const { defaultPolicy } = await import(path.join(root, 'packages/core/dist/index.js'));
const policy = defaultPolicy();
const staged = ['package.json', lockfile];
const read = (p) => (existsSync(path.join(dir, p)) ? readFileSync(path.join(dir, p)) : undefined);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { runDependencyChecks } = await import(
  bundled ? path.join(bundle, 'deps-checks.js') : path.join(root, 'packages/hooks/dist/deps/index.js')
);
const result = await runDependencyChecks({
  root: dir,
  scope: 'staged',
  files: staged.map((p) => ({ path: p, content: read(p) })),
  policy,
  readRepoFile: async (p) => read(p),
  stagedPaths: new Set(staged),
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const { readLockfile } = await import(path.join(root, 'packages/hooks/dist/deps/lockfile/read-lockfile.js'));
const lock = await readLockfile(lockfile, readFileSync(path.join(dir, lockfile), 'utf8'));
console.log(
  JSON.stringify({
    ms: Math.round(ms * 10) / 10,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    findings: result.findings.length,
    errors: result.errors.length,
    entries: lock?.entries.length ?? 0,
    bytes: readFileSync(path.join(dir, lockfile)).length,
    bundled,
  }),
);
