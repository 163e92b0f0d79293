import zlib from 'node:zlib';
import { deflateRepeated } from './deflate-repeated.js';

/**
 * Builds a minimal, valid one-page PDF with the given lines of text (Helvetica, no compression), so
 * loader tests need no binary fixture and no PDF library.
 */
export function makePdf(lines: string[]): Buffer {
  return makePdfPages([lines]);
}

/** A PDF with one page per entry, each showing its lines; `compress` deflates the content streams. */
export function makePdfPages(pages: string[][], opts: { compress?: boolean } = {}): Buffer {
  const escape = (line: string): string => line.replace(/[()\\]/g, '\\$&');
  const content = (lines: string[]) =>
    ['BT', '/F1 12 Tf', '14 TL', '72 720 Td', ...lines.map((l) => `(${escape(l)}) Tj T*`), 'ET'].join('\n');
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects: Array<string | Buffer> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  pages.forEach((lines, i) => {
    objects.push(page(5 + i * 2));
    objects.push(stream(Buffer.from(content(lines), 'latin1'), opts.compress ?? false));
  });
  return assemble(objects);
}

/**
 * A PDF of `count` pages that all show the same short content stream: about 60 bytes a page, so a
 * PDF of a hundred thousand pages costs a few megabytes to build.
 */
export function makePdfWithManyPages(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${5 + i} 0 R`).join(' ');
  const objects: Array<string | Buffer> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream(Buffer.from('BT /F1 12 Tf 72 720 Td (Halaman) Tj ET', 'latin1'), false),
  ];
  for (let i = 0; i < count; i += 1) objects.push(page(4));
  return assemble(objects);
}

/**
 * A one-page PDF whose content stream inflates to `megabytes` MB of blanks before its only text: a
 * decompression bomb for PDF readers, about 1 KB on disk per megabyte it claims.
 */
export async function makePdfBomb(megabytes: number): Promise<Buffer> {
  const blanks = ' '.repeat(1024);
  const text = 'BT /F1 12 Tf 72 720 Td (Pasal 1) Tj ET';
  const { packed } = await deflateRepeated({ unit: blanks, times: megabytes * 1024, tail: text }, 'zlib');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [5 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    streamObject(packed, ' /Filter /FlateDecode'),
    page(4),
  ]);
}

function page(contentObject: number): string {
  return `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentObject} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
}

function stream(data: Buffer, compress: boolean): Buffer {
  return compress ? streamObject(zlib.deflateSync(data, { level: 9 }), ' /Filter /FlateDecode') : streamObject(data, '');
}

function streamObject(body: Buffer, filter: string): Buffer {
  return Buffer.concat([
    Buffer.from(`<< /Length ${body.length}${filter} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** Numbers the objects from 1 and writes the header, the cross-reference table and the trailer. */
function assemble(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref.join('') + trailer, 'latin1'));
  return Buffer.concat(parts);
}
