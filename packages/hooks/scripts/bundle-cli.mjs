// Bundles the CLI (dist/cli/main.js, compiled by tsc) with @seckit/core and the rule pack into
// dist/bundle/: loading ~200 small ES modules costs a hook more than the scan itself (see
// bench/hook/results.md). Our direct dependencies (secretlint, semver, yaml, …) stay external and
// are loaded from node_modules at the exact versions package.json pins; what @seckit/core uses
// (zod, ignore, jsonc-parser) is pinned the same way through it and is bundled in.
// Commands loaded lazily (fix pins, doctor, lockfile readers) become chunks loaded on demand.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// jsonc-parser is bundled too, from its ES module build: its `main` is a UMD build that Node loads
// through the CommonJS loader, ~15 ms more for each command that reads JSON with places.
const bundled = new Set(['jsonc-parser']);
const external = Object.keys(pkg.dependencies).filter(
  (name) => !name.startsWith('@seckit/') && !bundled.has(name),
);
const outDir = path.join(root, 'dist/bundle');
const BUILD_ID_FILE = 'build-id.txt';

rmSync(outDir, { recursive: true, force: true });
await build({
  input: {
    main: path.join(root, 'dist/cli/main.js'),
    // The worker threads of large scans load this file next to the chunk that starts them.
    'scan-worker': path.join(root, 'dist/secrets/engine/scan-worker.js'),
    // Stable names for chunks the CLI loads, so bench/deps can time the dependency checks exactly
    // as the hook loads them (the command runner already in memory, the deps chunks on demand).
    // No entry for all of @seckit/core: it would pull zod into the chunk every command loads.
    'cli-run': path.join(root, 'dist/cli/run.js'),
    'deps-checks': path.join(root, 'dist/deps/index.js'),
    // `@seckit/hooks/lint-staged`: the in-process task of the lint-staged config sec-init creates.
    'lint-staged': path.join(root, 'dist/lint-staged/seckit-task.js'),
  },
  platform: 'node',
  // jsonc-parser's `main` is a UMD build whose requires a bundler cannot follow; its ESM build is fine.
  resolve: { mainFields: ['module', 'main'] },
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  output: { dir: outDir, format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});

// The bundle's identity: a hash of every file in it. The hook's cache of validated configuration
// keys on it (src/cli/load-config.ts), so a rebuild with other schemas never reuses an entry, even
// under the same version and with npm's fixed file times.
const hash = createHash('sha256');
for (const name of readdirSync(outDir).sort())
  hash.update(`${name}\0`).update(readFileSync(path.join(outDir, name)));
writeFileSync(path.join(outDir, BUILD_ID_FILE), `${hash.digest('hex')}\n`);
