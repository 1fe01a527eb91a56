import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { credentialLines, Gen, nearMissLines, privateKeyBlock } from './secret-corpus.js';

export interface CorpusFile {
  /** Repo-relative POSIX path. */
  path: string;
  content: Buffer;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
}

/** Real code: the hooks package's own dependencies (TypeScript's lib, vitest, the preset). */
export function realFiles(maxBytes: number): CorpusFile[] {
  const roots = ['typescript/lib', 'vitest/dist', '@secretlint/secretlint-rule-preset-recommend/module'];
  const files: CorpusFile[] = [];
  let total = 0;
  for (const root of roots) {
    const [pkg, ...rest] = root.startsWith('@')
      ? [root.split('/').slice(0, 2).join('/'), ...root.split('/').slice(2)]
      : root.split('/');
    const dir = path.join(packageDir(pkg!), ...rest);
    const list: string[] = [];
    walk(dir, list);
    for (const file of list.sort()) {
      const size = statSync(file).size;
      // Not TypeScript's 9 MB compiler bundles: a few MB of varied code is what this needs.
      if (size > 600_000 || total + size > maxBytes) continue;
      total += size;
      files.push({
        path: `real/${root}/${path.relative(dir, file).split(path.sep).join('/')}`,
        content: readFileSync(file),
      });
    }
  }
  return files;
}

/**
 * Files made of real code slices with credentials and near misses planted at random places, in the
 * shapes that matter to the rules: file names (package.json, .npmrc, *.json), BOMs, CRLF line
 * ends, multi-byte characters before a secret (UTF-16 offsets), lockfiles.
 */
export function plantedFiles(seed: number, count: number, real: readonly CorpusFile[]): CorpusFile[] {
  const g = new Gen(seed);
  const realText = real.map((f) => f.content.toString('utf8'));
  const names = [
    'src/app.ts',
    'config.yml',
    'notes.md',
    'deploy.env',
    'package.json',
    '.npmrc',
    'data.json',
    'lib/x.js',
  ];
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    const blocks = 1 + g.int(6);
    for (let b = 0; b < blocks; b++) {
      const source = realText.length > 0 ? g.pick(realText) : '';
      const at = g.int(Math.max(1, source.length - 2000));
      lines.push(source.slice(at, at + g.int(2000)));
      if (g.next() < 0.6) lines.push(g.pick(credentialLines(g)));
      if (g.next() < 0.5) lines.push(g.pick(nearMissLines(g)));
      if (g.next() < 0.1) lines.push('Ünïcödé ✓ 日本語 𝄞 — before a secret');
    }
    let text = lines.join('\n');
    if (g.next() < 0.15) text = text.replace(/\n/g, '\r\n');
    if (g.next() < 0.1) text = `\uFEFF${text}`;
    const name = g.pick(names);
    files.push({ path: `gen/${i}/${name}`, content: Buffer.from(text, 'utf8') });
  }
  // GCP service-account files: plain, with `\u`-escaped key names, and not JSON at all.
  const account = (escaped: boolean) => {
    const json = JSON.stringify({
      type: 'service_account',
      private_key_id: new Gen(seed + 1).alnum(40),
      private_key: `${privateKeyBlock(g)}\n`,
    });
    return escaped ? json.replace('"private_key_id"', '"private\\u005fkey\\u005fid"') : json;
  };
  files.push({ path: 'gen/gcp/service-account.json', content: Buffer.from(account(false)) });
  files.push({ path: 'gen/gcp/escaped.json', content: Buffer.from(account(true)) });
  files.push({ path: 'gen/gcp/broken.json', content: Buffer.from(`${account(false)}trailing`) });
  // Lockfiles: only URL credentials are looked for.
  const lock = [
    '{ "packages": { "node_modules/a": {',
    `  "resolved": "https://ci:${g.alnum(16)}@npm.example.io/a/-/a-1.0.0.tgz",`,
    `  "integrity": "sha512-${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 86)}=="`,
    '} } }',
    ...credentialLines(g),
  ].join('\n');
  files.push({ path: 'gen/lock/package-lock.json', content: Buffer.from(lock) });
  files.push({ path: 'gen/lock/pnpm-lock.yaml', content: Buffer.from(lock) });
  return files;
}
