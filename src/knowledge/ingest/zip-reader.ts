import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** One file inside a ZIP, as its central directory describes it (checked against its local header). */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  /** What the directory declares; reading enforces it, because a hostile archive can lie. */
  uncompressedSize: number;
  /** Where the compressed bytes start in the archive. */
  dataOffset: number;
}

/**
 * What is wrong with an archive: `corrupt` (cannot be read), `suspicious` (readable but built to hurt a
 * reader: sizes that lie, overlapping entries, absurd counts or ratios), `too_big` (honestly declares
 * more than the caller allows), `encrypted`.
 */
export type ZipErrorKind = 'corrupt' | 'suspicious' | 'too_big' | 'encrypted';

export class ZipError extends Error {
  override readonly name = 'ZipError';

  constructor(
    readonly kind: ZipErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ZipDirectoryLimits {
  /** Most entries an archive may list; a Word document has a few dozen, a few hundred with many images. */
  maxEntries: number;
  /** Most bytes all entries together may declare once unpacked. */
  maxUnpackedBytes: number;
  /** Highest unpacked/packed ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const SLICE = 64 * 1024;

/**
 * Reads and checks an archive's directory without unpacking anything, so a zip bomb is refused from what
 * it declares: entry count, total unpacked size, compression ratios, entries that overlap (the
 * "overlapping files" bomb) and names listed twice. Only what the directory promises is checked here;
 * {@link readZipEntry} holds each entry to its promise while inflating.
 */
export function readZipDirectory(bytes: Buffer, limits: ZipDirectoryLimits): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (end.entries > limits.maxEntries) {
    throw new ZipError('suspicious', `${end.entries} entries (at most ${limits.maxEntries} allowed)`);
  }
  if (end.offset + end.size > end.recordOffset) throw new ZipError('corrupt', 'the central directory runs past its end record');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let pos = end.offset;
  for (let i = 0; i < end.entries; i += 1) {
    const entry = readCentralHeader(bytes, pos, end.offset + end.size);
    pos = entry.next;
    if (names.has(entry.name)) throw new ZipError('suspicious', `"${entry.name}" is listed twice`);
    names.add(entry.name);
    declared += entry.uncompressedSize;
    if (declared > limits.maxUnpackedBytes) {
      throw new ZipError('too_big', `the entries declare more than ${limits.maxUnpackedBytes} bytes unpacked`);
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new ZipError('suspicious', `"${entry.name}" claims a compression ratio of ${Math.round(ratio)}:1`);
    }
    entries.push({ ...entry, dataOffset: dataOffsetOf(bytes, entry, end.offset) });
  }
  assertNoOverlap(entries);
  return entries;
}

/**
 * The entry's bytes, unpacked in slices of at most 64 KB, so memory stays bounded whatever the entry
 * holds. Stops with a `suspicious` error as soon as more comes out than the directory declared, and with
 * `corrupt` when less comes out or the checksum differs. `maxBytes` is the caller's own cap.
 */
export async function* readZipEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new ZipError('encrypted', `"${entry.name}" is encrypted`);
  if (entry.uncompressedSize > maxBytes) {
    throw new ZipError('too_big', `"${entry.name}" declares ${entry.uncompressedSize} bytes (at most ${maxBytes} allowed)`);
  }
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new ZipError('corrupt', `"${entry.name}" uses compression method ${entry.method}, which is not supported`);
  }
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const source = entry.method === STORED ? slices(data) : inflate(data, entry.name);
  let produced = 0;
  let crc = 0;
  for await (const chunk of source) {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) {
      throw new ZipError('suspicious', `"${entry.name}" unpacks to more than the ${entry.uncompressedSize} bytes it declares`);
    }
    crc = zlib.crc32(chunk, crc);
    yield chunk;
  }
  if (produced !== entry.uncompressedSize) {
    throw new ZipError('corrupt', `"${entry.name}" unpacks to ${produced} bytes, not the ${entry.uncompressedSize} it declares`);
  }
  if (crc !== entry.crc32) throw new ZipError('corrupt', `"${entry.name}" fails its checksum`);
}

/** A whole (small) entry as UTF-8 text. */
export async function readZipText(bytes: Buffer, entry: ZipEntry, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of readZipEntry(bytes, entry, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function* inflate(data: Buffer, name: string): AsyncGenerator<Buffer> {
  const inflater = zlib.createInflateRaw({ chunkSize: SLICE });
  const input = Readable.from(slices(data));
  input.pipe(inflater);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    throw new ZipError('corrupt', `"${name}" does not inflate (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

function* slices(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += SLICE) yield data.subarray(i, i + SLICE);
}

interface EndOfDirectory {
  entries: number;
  size: number;
  offset: number;
  /** Where the end record (or its ZIP64 form) starts: the directory must end before it. */
  recordOffset: number;
}

function findEndOfDirectory(bytes: Buffer): EndOfDirectory {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    if (at + EOCD_SIZE + bytes.readUInt16LE(at + 20) > bytes.length) continue;
    const disk = bytes.readUInt16LE(at + 4);
    const directoryDisk = bytes.readUInt16LE(at + 6);
    const onThisDisk = bytes.readUInt16LE(at + 8);
    const entries = bytes.readUInt16LE(at + 10);
    if (disk !== 0 || directoryDisk !== 0 || onThisDisk !== entries) {
      throw new ZipError('corrupt', 'the archive spans several disks');
    }
    const size = bytes.readUInt32LE(at + 12);
    const offset = bytes.readUInt32LE(at + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return readZip64End(bytes, at);
    return { entries, size, offset, recordOffset: at };
  }
  throw new ZipError('corrupt', 'no end of central directory record');
}

function readZip64End(bytes: Buffer, eocdAt: number): EndOfDirectory {
  const locatorAt = eocdAt - 20;
  if (locatorAt < 0 || bytes.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) {
    throw new ZipError('corrupt', 'the ZIP64 end record locator is missing');
  }
  const recordOffset = safeNumber(bytes.readBigUInt64LE(locatorAt + 8));
  if (recordOffset + 56 > locatorAt || bytes.readUInt32LE(recordOffset) !== ZIP64_EOCD) {
    throw new ZipError('corrupt', 'the ZIP64 end record is missing');
  }
  const entries = safeNumber(bytes.readBigUInt64LE(recordOffset + 32));
  const size = safeNumber(bytes.readBigUInt64LE(recordOffset + 40));
  const offset = safeNumber(bytes.readBigUInt64LE(recordOffset + 48));
  return { entries, size, offset, recordOffset };
}

function readCentralHeader(
  bytes: Buffer,
  at: number,
  directoryEnd: number,
): Omit<ZipEntry, 'dataOffset'> & { localHeaderOffset: number; next: number } {
  if (at + CENTRAL_HEADER_SIZE > directoryEnd || bytes.readUInt32LE(at) !== CENTRAL_HEADER) {
    throw new ZipError('corrupt', 'the central directory is truncated or damaged');
  }
  const flags = bytes.readUInt16LE(at + 8);
  const nameLength = bytes.readUInt16LE(at + 28);
  const extraLength = bytes.readUInt16LE(at + 30);
  const commentLength = bytes.readUInt16LE(at + 32);
  const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (next > directoryEnd) throw new ZipError('corrupt', 'a central directory entry runs past the directory');
  const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
  // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of Office parts reads the same.
  const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
  const sizes = {
    uncompressedSize: bytes.readUInt32LE(at + 24),
    compressedSize: bytes.readUInt32LE(at + 20),
    localHeaderOffset: bytes.readUInt32LE(at + 42),
  };
  const extra = bytes.subarray(at + CENTRAL_HEADER_SIZE + nameLength, at + CENTRAL_HEADER_SIZE + nameLength + extraLength);
  applyZip64Extra(extra, sizes);
  return { name, flags, method: bytes.readUInt16LE(at + 10), crc32: bytes.readUInt32LE(at + 16), ...sizes, next };
}

/** ZIP64 keeps sizes that do not fit 32 bits in an extra field, in this order, only for fields set to 0xFFFFFFFF. */
function applyZip64Extra(
  extra: Buffer,
  sizes: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  const wanted = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((k) => sizes[k] === 0xffffffff);
  if (wanted.length === 0) return;
  for (let pos = 0; pos + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(pos);
    const length = extra.readUInt16LE(pos + 2);
    if (id === 0x0001) {
      if (length < wanted.length * 8 || pos + 4 + length > extra.length) break;
      wanted.forEach((key, i) => (sizes[key] = safeNumber(extra.readBigUInt64LE(pos + 4 + i * 8))));
      return;
    }
    pos += 4 + length;
  }
  throw new ZipError('corrupt', 'a ZIP64 size is missing its extra field');
}

function dataOffsetOf(bytes: Buffer, entry: { name: string; localHeaderOffset: number; compressedSize: number }, limit: number): number {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > limit || bytes.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipError('corrupt', `the local header of "${entry.name}" is missing`);
  }
  const dataOffset = at + LOCAL_HEADER_SIZE + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (dataOffset + entry.compressedSize > limit) throw new ZipError('corrupt', `"${entry.name}" runs past the end of the data`);
  return dataOffset;
}

/** Entries sharing bytes are how a few kilobytes are made to unpack to terabytes; real writers never do it. */
function assertNoOverlap(entries: ZipEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (let i = 1; i < byOffset.length; i += 1) {
    const previous = byOffset[i - 1]!;
    const current = byOffset[i]!;
    // The current entry's local header (at least 30 bytes) sits between the two data ranges.
    if (previous.dataOffset + previous.compressedSize + LOCAL_HEADER_SIZE > current.dataOffset) {
      throw new ZipError('suspicious', `"${previous.name}" and "${current.name}" share bytes`);
    }
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('corrupt', 'a ZIP64 field is out of range');
  return Number(value);
}
