// Policy and baseline of a repository, validated. Validating needs zod and jsonc-parser, whose
// loading was a quarter of seckit's share of a commit hook (bench/hook), while the two files
// rarely change between commits. So what validation returned is kept in the repository's git
// directory under a key made of the files' bytes and this build of seckit: an unchanged policy is
// read back as JSON; an edit, an upgrade or a rebuild validates again (validate-config.ts, loaded
// only then). Errors are never cached: a broken policy is re-read and re-reported every time.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASELINE_PATH,
  BASELINE_VERSION,
  type Baseline,
  configUnreadable,
  POLICY_PATH,
  type Policy,
  SeckitError,
} from '@seckit/core';
import { PACKAGE_VERSION } from '../package-root.js';
import type { ValidatedBaseline, ValidatedPolicy, Validation } from './validate-config.js';
import { writeAtomic } from './write-atomic.js';

export interface LoadedConfig {
  policy: Policy;
  baseline: Baseline;
  baselineExists: boolean;
  warnings: string[];
  exceptionLine: (index: number) => number | undefined;
}

export interface LoadConfigOptions {
  /** Git's common directory (RepoInfo.commonDir): enables the cache of validated files. */
  gitDir?: string | undefined;
}

/** Folder under the git directory; its entries are content-addressed, so worktrees can share it. */
export const CONFIG_CACHE_DIR = path.join('seckit', 'validated-config');
/** Entries kept; older ones are removed when a new one is written. */
const CACHE_ENTRIES = 16;
const ENTRY_FORMAT = 1;

/** Policy and baseline of a repository; every problem in either is one SeckitError listing them all. */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const [policyText, baselineText, cache] = await Promise.all([
    readConfigFile(root, POLICY_PATH),
    readConfigFile(root, BASELINE_PATH),
    options.gitDir === undefined ? undefined : openCache(options.gitDir),
  ]);
  const unreadable = [policyText, baselineText].flatMap((r) => (isReadError(r) ? [r.error] : []));
  if (isReadError(policyText) || isReadError(baselineText)) {
    throw new SeckitError('E_CONFIG', unreadable.join('\n'));
  }
  const [policy, baseline] = await Promise.all([
    validated<ValidatedPolicy>(cache, 'policy', policyText, async () =>
      (await import('./validate-config.js')).validatePolicy(policyText),
    ),
    baselineText === null
      ? ({
          ok: true,
          value: { baseline: { version: BASELINE_VERSION, entries: [] } },
        } satisfies Validation<ValidatedBaseline>)
      : validated<ValidatedBaseline>(cache, 'baseline', baselineText, async () =>
          (await import('./validate-config.js')).validateBaseline(baselineText),
        ),
  ]);
  const errors = [...(policy.ok ? [] : policy.errors), ...(baseline.ok ? [] : baseline.errors)];
  if (!policy.ok || !baseline.ok) throw new SeckitError('E_CONFIG', errors.join('\n'));
  const lines = policy.value.exceptionLines;
  return {
    policy: policy.value.policy,
    baseline: baseline.value.baseline,
    baselineExists: baselineText !== null,
    warnings: policy.value.warnings,
    exceptionLine: (index) => lines[index] ?? undefined,
  };
}

type FileRead = string | null | { error: string };

function isReadError(read: FileRead): read is { error: string } {
  return typeof read === 'object' && read !== null;
}

/** The file's text, null when it does not exist (the defaults apply), or why it cannot be read. */
async function readConfigFile(root: string, file: string): Promise<FileRead> {
  try {
    return await readFile(path.join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { error: configUnreadable(file, error) };
  }
}

interface Cache {
  dir: string;
  /** Identifies this build of seckit: a key made under another never matches. */
  build: string;
}

async function openCache(gitDir: string): Promise<Cache | undefined> {
  const here = fileURLToPath(import.meta.url);
  const dir = path.join(gitDir, CONFIG_CACHE_DIR);
  try {
    // In the CLI bundle: the hash of the whole bundle, written next to its chunks when it is built
    // (scripts/bundle-cli.mjs), so any change to the validation code is another build.
    const id = (await readFile(path.join(path.dirname(here), 'build-id.txt'), 'utf8')).trim();
    if (/^[0-9a-f]{64}$/.test(id)) return { dir, build: `${PACKAGE_VERSION}:${id}` };
  } catch {
    // not the bundle: see below
  }
  try {
    // Unbundled (dist/cli/ in a workspace): tsc rewrites this file on every build, so its size and
    // time change whenever the validation code might have.
    const self = await stat(here);
    return { dir, build: `${PACKAGE_VERSION}:${self.size}:${self.mtimeMs}` };
  } catch {
    return undefined;
  }
}

/** What `validate` returns for `text`, from the cache when this build has validated the same bytes. */
async function validated<T>(
  cache: Cache | undefined,
  kind: 'policy' | 'baseline',
  text: string | null,
  validate: () => Promise<Validation<T>>,
): Promise<Validation<T>> {
  const key =
    cache === undefined
      ? undefined
      : createHash('sha256')
          .update(JSON.stringify([ENTRY_FORMAT, cache.build, kind, text]))
          .digest('hex');
  if (cache !== undefined && key !== undefined) {
    const hit = await readEntry<T>(cache, key, kind);
    if (hit !== undefined) return { ok: true, value: hit };
  }
  const result = await validate();
  if (result.ok && cache !== undefined && key !== undefined) await writeEntry(cache, key, kind, result.value);
  return result;
}

async function readEntry<T>(cache: Cache, key: string, kind: string): Promise<T | undefined> {
  try {
    const entry = JSON.parse(await readFile(path.join(cache.dir, `${key}.json`), 'utf8')) as {
      format?: unknown;
      kind?: unknown;
      value?: unknown;
    };
    // A damaged or foreign entry is a miss, never an error.
    return entry.format === ENTRY_FORMAT && entry.kind === kind && typeof entry.value === 'object'
      ? (entry.value as T)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only git directory or a full disk only costs the next run a validation. */
async function writeEntry(cache: Cache, key: string, kind: string, value: unknown): Promise<void> {
  try {
    await writeAtomic(
      path.join(cache.dir, `${key}.json`),
      JSON.stringify({ format: ENTRY_FORMAT, kind, value }),
    );
    await prune(cache.dir);
  } catch {
    // ignored: see above
  }
}

async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  if (names.length <= CACHE_ENTRIES) return;
  const aged = await Promise.all(
    names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  aged.sort((a, b) => b.t - a.t);
  await Promise.all(aged.slice(CACHE_ENTRIES).map(({ n }) => rm(path.join(dir, n), { force: true })));
}
