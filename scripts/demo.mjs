#!/usr/bin/env node
// `pnpm demo`: the 60-second tour. Packs the published workspace packages, installs them into a
// scratch git repository with sec-init (real npm, husky and lint-staged), then shows a commit with a
// fake AWS secret being blocked (with the secret masked) and a clean commit going through.
// Exits non-zero if any of that does not happen, so it doubles as a smoke test.
// Usage: pnpm demo [--keep]   (--keep leaves the scratch repository in place to look around)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEC_INIT = path.join(ROOT, 'packages', 'sec-init', 'bin', 'sec-init.js');
const keep = process.argv.includes('--keep');

// Assembled at runtime from obviously fake parts so that this repository's own secret scan does
// not flag this file: the 40-character value never appears in the source next to its variable name.
const FAKE_KEY = ['Fake0Seckit0Demo', '/Not0A0Real0Key/', 'Abcd1234'].join('');

const checks = [];
function check(ok, description) {
  checks.push({ ok, description });
  console.log(`  ${ok ? '✓' : '✗'} ${description}`);
  return ok;
}

function say(text) {
  console.log(`\n▶ ${text}`);
}

function indent(text) {
  const body = text.trimEnd();
  return body === '' ? '    (no output)' : body.replace(/^/gm, '    │ ');
}

/**
 * The environment for the scratch repository: without `pnpm demo`'s own npm_* variables (they
 * would make sec-init choose pnpm and leak pnpm settings into npm), without variables that point
 * git at another repository, and with an empty global git config so a machine-wide
 * core.hooksPath or identity cannot change the outcome.
 */
function cleanEnv(home) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'HUSKY') continue;
    // `pnpm demo` puts this workspace's node_modules/.bin on PATH; a user's shell has none of it.
    if (key === 'PATH') {
      env[key] = value
        .split(path.delimiter)
        .filter((p) => !/[\\/]node_modules[\\/]\.bin$/.test(p))
        .join(path.delimiter);
      continue;
    }
    if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR|PREFIX|CONFIG.*|OBJECT_DIRECTORY)$/.test(key)) continue;
    env[key] = value;
  }
  const globalConfig = path.join(home, 'gitconfig');
  writeFileSync(globalConfig, '');
  return { ...env, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function must(result, what) {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** Every workspace package that is published (not private): what `sec-init --from` may need. */
function publishedPackages() {
  const dirs = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(ROOT, group))) {
      const manifest = path.join(ROOT, group, name, 'package.json');
      if (existsSync(manifest) && !JSON.parse(readFileSync(manifest, 'utf8')).private)
        dirs.push(path.join(ROOT, group, name));
    }
  }
  return dirs;
}

function main() {
  if (!existsSync(path.join(ROOT, 'packages', 'hooks', 'dist', 'index.js'))) {
    throw new Error('packages/hooks/dist is missing: run `pnpm build` first (`pnpm demo` does).');
  }
  const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'seckit-demo-')));
  const tarballs = path.join(work, 'tarballs');
  const repo = path.join(work, 'my-app');
  const env = cleanEnv(work);

  try {
    say('Packing the published packages as they would be published (pnpm pack)');
    for (const dir of publishedPackages()) {
      must(
        run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir }),
        `pnpm pack in ${path.relative(ROOT, dir)}`,
      );
    }
    console.log(indent(readdirSync(tarballs).join('\n')));

    say(`Creating a scratch npm project with git: ${repo}`);
    must(run('git', ['init', '-q', '-b', 'main', repo], { env }), 'git init');
    must(run('git', ['config', 'user.name', 'seckit demo'], { cwd: repo, env }), 'git config user.name');
    must(
      run('git', ['config', 'user.email', 'demo@example.invalid'], { cwd: repo, env }),
      'git config user.email',
    );
    must(run('npm', ['init', '-y'], { cwd: repo, env }), 'npm init -y');

    say(`Running sec-init: node packages/sec-init/bin/sec-init.js ${repo} --from ${tarballs} --yes`);
    const init = run(process.execPath, [SEC_INIT, repo, '--from', tarballs, '--yes'], { cwd: ROOT, env });
    console.log(indent(init.output));
    if (!check(init.code === 0, `sec-init exited ${init.code} (expected 0)`)) return;

    say('Committing a file that assigns a (fake) AWS secret access key');
    writeFileSync(path.join(repo, 'deploy.env'), `REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=${FAKE_KEY}\n`);
    must(run('git', ['add', 'deploy.env'], { cwd: repo, env }), 'git add');
    const blocked = run('git', ['commit', '-m', 'add deploy settings'], { cwd: repo, env });
    console.log(indent(blocked.output));
    check(
      blocked.code === 1,
      `git commit exited ${blocked.code} (expected 1: blocked by the pre-commit hook)`,
    );
    // Not even a part of it: the masked form shows at most the first 4 characters.
    const pieces = Array.from({ length: FAKE_KEY.length - 7 }, (_, i) => FAKE_KEY.slice(i, i + 8));
    check(
      !pieces.some((piece) => blocked.output.includes(piece)),
      'the secret does not appear in that output, not even 8 characters of it (it is masked)',
    );
    check(blocked.output.includes('deploy.env'), 'the output names the file, deploy.env');
    check(
      blocked.output.includes('secretlint-rule-aws'),
      'the output names the rule, @secretlint/secretlint-rule-aws',
    );
    check(
      blocked.output.includes('Ways forward:'),
      'the output gives the ways forward (fix and rotate, suppress, baseline)',
    );
    check(
      run('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo, env }).code !== 0,
      'nothing was committed',
    );

    say('Removing the secret and committing a clean change');
    must(run('git', ['rm', '-q', '-f', 'deploy.env'], { cwd: repo, env }), 'git rm');
    writeFileSync(path.join(repo, 'index.js'), "console.log('hello, seckit');\n");
    must(run('git', ['add', '-A'], { cwd: repo, env }), 'git add');
    const clean = run('git', ['commit', '-m', 'first clean commit'], { cwd: repo, env });
    console.log(indent(clean.output));
    check(clean.code === 0, `git commit exited ${clean.code} (expected 0: the hook passed)`);
  } finally {
    if (keep) console.log(`\n(kept: ${work})`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  check(false, error instanceof Error ? error.message : String(error));
}

const failed = checks.filter((c) => !c.ok);
console.log('\n── Summary ──');
if (failed.length === 0) {
  console.log(
    'sec-init installed seckit into a fresh npm project with one command (husky, lint-staged, a policy and a\n' +
      'baseline). The commit that added a fake AWS secret was blocked with exit 1, naming the file and rule while\n' +
      `masking the key; the clean commit (with sec-init's own files) went through. All ${checks.length} expectations held.`,
  );
} else {
  console.log(`${failed.length} of ${checks.length} expectations failed:`);
  for (const c of failed) console.log(`  ✗ ${c.description}`);
  process.exitCode = 1;
}
