import { spawn } from 'node:child_process';
import { SeckitError } from '@seckit/core';

/**
 * Reads many blobs through one `git cat-file --batch` process: one process instead of one per
 * file keeps the hook fast. Returns contents in the order of `oids`.
 */
export function readBlobs(cwd: string, oids: readonly string[]): Promise<Buffer[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', (e) => reject(new SeckitError('E_GIT', `could not run git cat-file: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new SeckitError('E_GIT', `git cat-file --batch failed (exit ${code}): ${stderr.trim()}`));
        return;
      }
      try {
        resolve(parseBatch(Buffer.concat(chunks), oids));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}

function parseBatch(out: Buffer, oids: readonly string[]): Buffer[] {
  const result: Buffer[] = [];
  let pos = 0;
  for (const oid of oids) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) throw new SeckitError('E_GIT', `git cat-file: truncated output at ${oid}`);
    const header = out.subarray(pos, nl).toString('utf8');
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length < 3) {
      throw new SeckitError('E_GIT', `git cat-file: object ${oid} is missing from the repository`);
    }
    const size = Number(parts[2]);
    result.push(out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1; // content is followed by a newline
  }
  return result;
}
