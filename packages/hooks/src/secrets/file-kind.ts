/**
 * How the secret check treats a file, decided from its path and first bytes only (cheap, before
 * any rule runs). Every skip is counted in the report; nothing is passed over silently.
 */
export type FileKind =
  | { kind: 'text' }
  /** Lockfiles: integrity hashes look like secrets; only credentials in URLs are looked for. */
  | { kind: 'lockfile' }
  | { kind: 'skip'; why: string };

/** Files larger than this are not secret-scanned (counted as skipped). */
export const MAX_SECRET_SCAN_BYTES = 5 * 1024 * 1024;

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'deno.lock',
  'poetry.lock',
  'uv.lock',
  'Pipfile.lock',
  'composer.lock',
  'Gemfile.lock',
  'Cargo.lock',
  'go.sum',
]);

// Formats that are binary whatever their first bytes say (some start with text headers).
const BINARY_EXT =
  /\.(png|jpe?g|gif|bmp|ico|webp|avif|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|ear|class|so|dylib|dll|exe|bin|o|a|wasm|woff2?|ttf|otf|eot|mp[34]|m4a|mov|avi|mkv|webm|ogg|flac|wav|sqlite3?|db|pyc|node)$/i;

/** Minified bundles: one huge line of generated code, where "secrets" are mangled identifiers. */
const MINIFIED_NAME = /[.-]min\.(js|mjs|cjs|css)$/i;
const SOURCE_MAP = /\.(js|mjs|cjs|css)\.map$|\.map$/i;

function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** A NUL byte in the first 8 KiB: git's own binary heuristic. */
export function looksBinary(content: Uint8Array): boolean {
  const end = Math.min(content.length, 8000);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}

/** Generated single-line code: a long average line length over a large file. */
function looksMinified(path: string, content: Uint8Array): boolean {
  if (!/\.(js|mjs|cjs|css)$/i.test(path) || content.length < 20_000) return false;
  let newlines = 0;
  for (let i = 0; i < content.length; i++) if (content[i] === 10) newlines++;
  return content.length / (newlines + 1) > 1_000;
}

export function classifyFile(path: string, content: Uint8Array): FileKind {
  const name = baseName(path);
  if (content.length > MAX_SECRET_SCAN_BYTES)
    return { kind: 'skip', why: `larger than ${MAX_SECRET_SCAN_BYTES} bytes` };
  if (BINARY_EXT.test(name) || looksBinary(content)) return { kind: 'skip', why: 'binary' };
  if (SOURCE_MAP.test(name)) return { kind: 'skip', why: 'source map' };
  if (MINIFIED_NAME.test(name) || looksMinified(path, content))
    return { kind: 'skip', why: 'minified bundle' };
  if (LOCKFILES.has(name)) return { kind: 'lockfile' };
  return { kind: 'text' };
}
