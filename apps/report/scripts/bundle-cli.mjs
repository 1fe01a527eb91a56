// Bundles the CLI (dist/cli/run.js, compiled by tsc) with @seckit/core and zod into dist/bundle/:
// `sec-report summary` paid ~150 ms of its time resolving and compiling ~130 small ES modules
// (zod's classic API with its 50 locales alone is 95 of them), more than the summary itself; a
// bundle keeps only what is used (bench/report/results.md). zod comes in at the exact version
// the catalog pins for both this package and @seckit/core. sql.js stays external: it is CommonJS
// that finds its .wasm file next to itself. Each command stays a chunk of its own, loaded on
// demand, so `summary` never loads the ingest readers or the dashboard.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bundled = new Set(['@seckit/core', 'zod']);
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name));
const outDir = path.join(root, 'dist/bundle');

rmSync(outDir, { recursive: true, force: true });
await build({
  input: { run: path.join(root, 'dist/cli/run.js') },
  platform: 'node',
  // jsonc-parser (through @seckit/core) has a UMD `main` a bundler cannot follow; its ESM build is fine.
  resolve: { mainFields: ['module', 'main'] },
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  output: { dir: outDir, format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
