// Builds (once, cached under bench/.work/) the real-code tree that bench/secrets-speed scans:
// the packages of corpus/package-lock.json installed with --ignore-scripts, renamed from
// node_modules/ to packages/ (secretlint never scans a folder called node_modules), kept to the
// files seckit secret-scans as text, and made a git repository with nothing ignored (seckit's path
// target lists folders through git). Both tools therefore get the same files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const work = path.join(repoRoot, 'bench/.work');
export const treeDir = path.join(work, 'tree');
export const secretlintDir = path.join(work, 'secretlint-cli');

// Files a tree must never carry: they would make one tool skip what the other scans.
const IGNORE_FILES = new Set(['.gitignore', '.secretlintignore', '.npmignore', '.gitattributes']);

function hashOf(...files) {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

// `npm install` with the committed lockfile, not `npm ci`: npm 11's ci rejects this lockfile over
// platform-specific optional packages it never installs (unrs-resolver's bindings).
function npmCi(dir, from) {
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(path.join(from, f), path.join(dir, f));
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
}

/** The secretlint CLI 12.0.0 + preset, from the committed lockfile. */
export function ensureSecretlint() {
  const from = path.join(here, 'secretlint-cli');
  const stamp = path.join(secretlintDir, '.stamp');
  const want = hashOf(path.join(from, 'package-lock.json'));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  rmSync(secretlintDir, { recursive: true, force: true });
  npmCi(secretlintDir, from);
  writeFileSync(stamp, want);
}

/**
 * A policy with only the secrets check on, outside `packages/` (neither tool scans it): secretlint
 * only looks for secrets, so seckit's other checks (hygiene, the dependency checks, which would
 * judge every package.json of the tree) stay out of the comparison.
 */
export function writeSecretsOnlyPolicy(dir) {
  mkdirSync(path.join(dir, '.seckit'), { recursive: true });
  writeFileSync(
    path.join(dir, '.seckit/policy.json'),
    `${JSON.stringify({ checks: { secrets: true, dependencies: false, lockfiles: false, hygiene: false, audit: false } }, null, 2)}\n`,
  );
}

/** The corpus tree; returns its path. Rebuilt only when the lockfile or the classifier changes. */
export async function ensureTree() {
  const fileKindJs = path.join(repoRoot, 'packages/hooks/dist/secrets/file-kind.js');
  const { classifyFile } = await import(fileKindJs);
  const corpus = path.join(here, 'corpus');
  const want = hashOf(path.join(corpus, 'package-lock.json'), fileKindJs);
  // The stamp lives next to the tree, not in it: both tools would scan it.
  const stamp = `${treeDir}.stamp`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    writeSecretsOnlyPolicy(treeDir);
    return treeDir;
  }

  const install = path.join(work, 'corpus-install');
  const installStamp = path.join(install, '.stamp');
  const lockHash = hashOf(path.join(corpus, 'package-lock.json'));
  if (!existsSync(installStamp) || readFileSync(installStamp, 'utf8') !== lockHash) {
    rmSync(install, { recursive: true, force: true });
    npmCi(install, corpus);
    writeFileSync(installStamp, lockHash);
  }

  rmSync(treeDir, { recursive: true, force: true });
  const dest = path.join(treeDir, 'packages');
  let kept = 0;
  let dropped = 0;
  const walk = (from, to) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.bin' || entry.name === '.git') continue;
        walk(src, path.join(to, entry.name === 'node_modules' ? 'packages' : entry.name));
        continue;
      }
      // Symlinks and other non-files: seckit does not follow them, globby would.
      if (!entry.isFile() || lstatSync(src).isSymbolicLink()) continue;
      if (IGNORE_FILES.has(entry.name)) continue;
      const rel = path.relative(path.join(install, 'node_modules'), src).split(path.sep).join('/');
      const content = readFileSync(src);
      if (classifyFile(rel, content).kind !== 'text') {
        dropped++;
        continue;
      }
      mkdirSync(to, { recursive: true });
      writeFileSync(path.join(to, entry.name), content);
      kept++;
    }
  };
  walk(path.join(install, 'node_modules'), dest);
  writeSecretsOnlyPolicy(treeDir);
  const git = (...args) => execFileSync('git', args, { cwd: treeDir, stdio: 'pipe' });
  git('init', '-q');
  // No global excludes file: every file of the tree is "untracked, not ignored".
  git('config', 'core.excludesFile', '/dev/null');
  writeFileSync(stamp, want);
  console.error(`bench tree: ${kept} files kept, ${dropped} not scanned as text dropped`);
  return treeDir;
}
