import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

/** `path=…` from a pax extended header (records are `<length> <key>=<value>\n`). */
function paxPath(body: Buffer): string | undefined {
  for (const record of body.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/**
 * The `package/package.json` of an npm package tarball (`.tgz`), parsed. A few lines of ustar
 * reading instead of a tar dependency: npm and pnpm write plain ustar with optional pax headers.
 * Returns `undefined` when the archive has no such file; throws on a corrupt archive.
 */
export async function readTarballManifest(file: string): Promise<Record<string, unknown> | undefined> {
  const tar = gunzipSync(await readFile(file));
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = header.subarray(257, 262).toString() === 'ustar' ? field(header, 345, 155) : '';
    const name = longName ?? (prefix === '' ? field(header, 0, 100) : `${prefix}/${field(header, 0, 100)}`);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    longName = undefined;
    if (type === 'x') longName = paxPath(body);
    else if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
    else if ((type === '0' || type === '\0') && /^[^/]+\/package\.json$/.test(name)) {
      const data: unknown = JSON.parse(body.toString('utf8'));
      return typeof data === 'object' && data !== null && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : undefined;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
