import zlib from 'node:zlib';
import { deflateRepeated } from './deflate-repeated.js';

/**
 * A ZIP entry as it will be written: packed bytes plus what the directory declares. Tests build honest
 * entries with the helpers below and then lie by overriding `size`, `crc32` or `flags`.
 */
export interface ZipEntrySpec {
  name: string;
  packed: Buffer;
  method: number;
  crc32: number;
  /** Declared unpacked size. */
  size: number;
  flags?: number;
}

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WORD_NS}"><w:body>`;
export const DOCUMENT_TAIL = '<w:sectPr/></w:body></w:document>';

/** One Word paragraph holding the text. */
export function paragraph(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<w:p><w:r><w:t xml:space="preserve">${escaped}</w:t></w:r></w:p>`;
}

/** word/document.xml with the given body XML. */
export function documentXml(body: string): string {
  return DOCUMENT_HEAD + body + DOCUMENT_TAIL;
}

export function deflated(name: string, data: string | Buffer): ZipEntrySpec {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, packed: zlib.deflateRawSync(bytes, { level: 9 }), method: 8, crc32: zlib.crc32(bytes), size: bytes.length };
}

export function stored(name: string, data: string | Buffer): ZipEntrySpec {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, packed: bytes, method: 0, crc32: zlib.crc32(bytes), size: bytes.length };
}

/** An entry of `head + unit × times + tail`, packed as a stream: a zip bomb's payload. */
export async function deflatedRepeat(name: string, head: string, unit: string, times: number, tail: string): Promise<ZipEntrySpec> {
  const { packed, crc32, size } = await deflateRepeated({ head, unit, times, tail }, 'raw');
  return { name, packed, method: 8, crc32, size };
}

/** The package parts every DOCX has around its body: content types and the relationship to the body. */
export function packageParts(mainPart = 'word/document.xml'): ZipEntrySpec[] {
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/${mainPart}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/${mainPart}"/>` +
        '</Relationships>',
    ),
  ];
}

/** A DOCX whose body is the given entry (named word/document.xml unless it says otherwise). */
export function makeDocx(body: ZipEntrySpec, extra: ZipEntrySpec[] = []): Buffer {
  return writeZip([...packageParts(body.name), body, ...extra]);
}

export interface WriteZipOptions {
  /** Extra directory records that point at another entry's bytes: the "overlapping files" bomb. */
  aliases?: Array<{ name: string; of: number }>;
  /** Declare sizes in ZIP64 extra fields (0xFFFFFFFF in the 32-bit fields), as some writers do. */
  zip64Sizes?: boolean;
}

/** A ZIP archive of the entries, written exactly as specified (lies included). */
export function writeZip(entries: ZipEntrySpec[], opts: WriteZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE((entry.flags ?? 0) | 0x800, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(entry.crc32 >>> 0, 14);
    header.writeUInt32LE(entry.packed.length, 18);
    header.writeUInt32LE(Math.min(entry.size, 0xffffffff), 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(header, name, entry.packed);
    offset += header.length + name.length + entry.packed.length;
  }
  const records = [
    ...entries.map((entry, i) => ({ entry, name: entry.name, offset: offsets[i]! })),
    ...(opts.aliases ?? []).map((a) => ({ entry: entries[a.of]!, name: a.name, offset: offsets[a.of]! })),
  ];
  const central: Buffer[] = [];
  for (const { entry, name: entryName, offset: at } of records) {
    const name = Buffer.from(entryName, 'utf8');
    const extra = opts.zip64Sizes ? zip64Extra(entry.size, entry.packed.length) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(opts.zip64Sizes ? 45 : 20, 6);
    header.writeUInt16LE((entry.flags ?? 0) | 0x800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(opts.zip64Sizes ? 0xffffffff : entry.packed.length, 20);
    header.writeUInt32LE(opts.zip64Sizes ? 0xffffffff : Math.min(entry.size, 0xffffffff), 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(at, 42);
    central.push(header, name, extra);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(records.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(records.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zip64Extra(size: number, packedSize: number): Buffer {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(packedSize), 12);
  return extra;
}
