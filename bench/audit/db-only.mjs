#!/usr/bin/env node
// One fresh process for bench/audit/run.mjs: the database side alone, as the audit uses it (the
// compiled advisory-db module and what it imports, @seckit/core included: no CLI, no lockfile
// readers). Reads both zips and builds the index (`loadAdvisoryDatabase`), then matches every package
// version of the benchmark's package-lock.json and requirements.txt. With --all, every record
// is parsed (no package names given): the cost of a database that does not know the project.
//   node bench/audit/db-only.mjs <db dir> <repo dir> [--all]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAdvisoryDatabase } from '../../packages/hooks/dist/audit/advisory-db.js';

const [dir, repo, flag] = process.argv.slice(2);
const started = performance.now();
const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
const packages = Object.entries(lock.packages)
  .filter(([key]) => key !== '')
  .map(([key, p]) => ({
    ecosystem: 'npm',
    name: key.slice(key.lastIndexOf('node_modules/') + 13),
    version: p.version,
  }));
for (const line of readFileSync(path.join(repo, 'requirements.txt'), 'utf8').split('\n')) {
  const [name, version] = line.split('==');
  if (version !== undefined) packages.push({ ecosystem: 'PyPI', name, version });
}
const names = new Map([
  ['npm', new Set(packages.filter((p) => p.ecosystem === 'npm').map((p) => p.name))],
  [
    'PyPI',
    new Set(
      packages.filter((p) => p.ecosystem === 'PyPI').map((p) => p.name.toLowerCase().replace(/[-_.]+/g, '-')),
    ),
  ],
]);
const db = await loadAdvisoryDatabase({
  dir,
  ecosystems: ['npm', 'PyPI'],
  ...(flag === '--all' ? {} : { names }),
});
const loaded = performance.now();
let matches = 0;
for (const p of packages) matches += db.match(p.ecosystem, p.name, p.version).length;
const done = performance.now();
process.stdout.write(
  `${JSON.stringify({
    packages: packages.length,
    matches,
    problems: db.problems.length,
    records: db.sources.reduce((n, s) => n + s.records, 0),
    loadMs: Math.round(loaded - started),
    matchMs: Math.round(done - loaded),
  })}\n`,
);
