import { crc32, inflateRawSync } from 'node:zlib';

/** One file of a zip archive, not yet extracted. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** A zip that cannot be read at all (not a zip, truncated): the whole file's records are unusable. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip held in memory, from its central directory (zip64 included). OSV's
 * `all.zip` files are plain deflate archives; no dependency is needed to read them.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let dirSize = zip.readUInt32LE(eocd + 12);
  let dirOffset = zip.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  const zip64 =
    (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) &&
    locator >= 0 &&
    zip.readUInt32LE(locator) === ZIP64_LOCATOR;
  if (zip64) {
    const z64 = Number(zip.readBigUInt64LE(locator + 8));
    if (z64 + 56 > zip.length || zip.readUInt32LE(z64) !== ZIP64_EOCD)
      throw new ZipError('zip64 end record missing');
    count = Number(zip.readBigUInt64LE(z64 + 32));
    dirSize = Number(zip.readBigUInt64LE(z64 + 40));
    dirOffset = Number(zip.readBigUInt64LE(z64 + 48));
  } else if (dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    throw new ZipError('zip64 locator missing');
  }
  // A saturated count without zip64 records: exactly 65,535 entries, or more from a writer that
  // only saturates the count. The directory's size still says where it ends.
  const countKnown = zip64 || count !== 0xffff;
  if (dirOffset + dirSize > zip.length)
    throw new ZipError('the central directory lies beyond the end of the file (truncated?)');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  const dirEnd = dirOffset + dirSize;
  for (let i = 0; countKnown ? i < count : p < dirEnd; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) {
      throw new ZipError(`central directory entry ${i + 1}${countKnown ? ` of ${count}` : ''} is damaged`);
    }
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    let localHeaderOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // zip64 extended information: the 64-bit values, in this order, only for the saturated fields
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = zip.readUInt16LE(x);
        const length = zip.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = Number(zip.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(zip.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(zip.readBigUInt64LE(q));
        }
        x += 4 + length;
      }
    }
    entries.push({
      name,
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize,
      size,
      localHeaderOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, checked against its CRC-32. Throws (per entry) when they cannot be had. */
export function extractEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== LOCAL) throw new Error('local header damaged');
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new Error('data cut short (truncated zip)');
  const raw = zip.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      // One output chunk of exactly the entry's size: the default 16 KiB chunk per call costs more
      // than inflating a 1 KiB record (an OSV zip holds tens of thousands of them).
      data = inflateRawSync(raw, { chunkSize: Math.max(64, entry.size + 1) });
    } catch (error) {
      throw new Error(`cannot be decompressed (${(error as Error).message})`);
    }
  } else throw new Error(`uses compression method ${entry.method}; only stored and deflate are read`);
  if (data.length !== entry.size)
    throw new Error(`is ${data.length} bytes, the directory says ${entry.size}`);
  if (crc32(data) >>> 0 !== entry.crc >>> 0) throw new Error('fails its CRC-32 check (damaged)');
  return data;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const min = Math.max(0, zip.length - 22 - 0xffff);
  for (let p = zip.length - 22; p >= min; p--) {
    if (zip.readUInt32LE(p) === EOCD) return p;
  }
  throw new ZipError(
    zip.length === 0
      ? 'the file is empty'
      : 'not a zip archive, or one cut short (no end of central directory record)',
  );
}
