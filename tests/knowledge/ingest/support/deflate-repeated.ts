import zlib from 'node:zlib';

/** Packed bytes plus the checksum and size of what they unpack to. */
export interface Deflated {
  packed: Buffer;
  crc32: number;
  size: number;
}

/**
 * Deflates `head + unit × times + tail` as a stream, so hundreds of megabytes are packed without ever
 * being held in memory: how a decompression bomb's payload is made. `raw` is what ZIP entries hold,
 * `zlib` what a PDF's FlateDecode streams hold.
 */
export async function deflateRepeated(
  parts: { head?: string; unit: string; times: number; tail?: string },
  format: 'raw' | 'zlib',
): Promise<Deflated> {
  const deflate = format === 'raw' ? zlib.createDeflateRaw({ level: 9 }) : zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / parts.unit.length));
  const block = Buffer.from(parts.unit.repeat(perBlock), 'utf8');
  let crc32 = 0;
  let size = 0;
  const write = async (chunk: Buffer) => {
    crc32 = zlib.crc32(chunk, crc32);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(parts.head ?? '', 'utf8'));
  for (let left = parts.times; left > 0; left -= perBlock) {
    await write(left >= perBlock ? block : Buffer.from(parts.unit.repeat(left), 'utf8'));
  }
  await write(Buffer.from(parts.tail ?? '', 'utf8'));
  deflate.end();
  await done;
  return { packed: Buffer.concat(out), crc32, size };
}
