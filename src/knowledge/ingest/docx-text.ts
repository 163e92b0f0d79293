import { StringDecoder } from 'node:string_decoder';
import { IngestError } from './errors.js';
import type { IngestLimits } from './limits.js';
import { megabytes, textTooLong } from './limits.js';
import { WordXmlError, WordXmlText } from './word-xml-text.js';
import type { ZipEntry } from './zip-reader.js';
import { ZipError, readZipDirectory, readZipEntry, readZipText } from './zip-reader.js';

/** A Word document has a few dozen parts, a few hundred with many images; thousands is a trap. */
const MAX_ENTRIES = 5_000;
/** Real Word XML compresses about 10:1; past 200:1 on a large part the archive was built to explode. */
const MAX_RATIO = 200;
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Relationship parts are a few hundred bytes. */
const MAX_RELATIONSHIPS_BYTES = 1024 * 1024;
const DEFAULT_MAIN_PART = 'word/document.xml';

/**
 * The text of a DOCX, read with our own bounded ZIP reader instead of a general-purpose library: the
 * directory is checked before anything is unpacked (entry count, declared sizes, ratios, overlaps), only
 * the main document part is inflated, in slices, held to its declared size and to the unpacked limit, and
 * the text stops at the text limit. Memory therefore follows the text, never the XML.
 */
export async function extractDocxText(
  fileName: string,
  bytes: Buffer,
  limits: Pick<IngestLimits, 'maxUnpackedBytes' | 'maxTextChars'>,
): Promise<string> {
  try {
    const entries = readZipDirectory(bytes, {
      maxEntries: MAX_ENTRIES,
      maxUnpackedBytes: limits.maxUnpackedBytes,
      maxRatio: MAX_RATIO,
      ratioFloorBytes: RATIO_FLOOR_BYTES,
    });
    const main = findPart(entries, await mainPartName(bytes, entries));
    if (!main) throw new IngestError('unsupported_type', `${fileName}: no Word document part; not a DOCX`);
    const collector = new WordXmlText();
    const decoder = new StringDecoder('utf8');
    for await (const chunk of readZipEntry(bytes, main, limits.maxUnpackedBytes)) {
      collector.push(decoder.write(chunk));
      if (collector.length > limits.maxTextChars) throw textTooLong(fileName, limits.maxTextChars);
    }
    collector.push(decoder.end());
    return collector.finish();
  } catch (error) {
    throw asIngestError(fileName, error, limits);
  }
}

/** The part the package relationships name as the main document; Word itself always uses word/document.xml. */
async function mainPartName(bytes: Buffer, entries: ZipEntry[]): Promise<string> {
  const rels = findPart(entries, '_rels/.rels');
  if (!rels) return DEFAULT_MAIN_PART;
  const xml = await readZipText(bytes, rels, MAX_RELATIONSHIPS_BYTES);
  for (const tag of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const attributes = Object.fromEntries([...tag.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1], m[2] ?? m[3]]));
    if (attributes.Type?.endsWith('/officeDocument') && attributes.Target && attributes.TargetMode !== 'External') {
      return partName(attributes.Target);
    }
  }
  return DEFAULT_MAIN_PART;
}

/** "/word/document.xml" or "word/document%20x.xml" → the ZIP entry name. */
function partName(target: string): string {
  let name = target.replace(/^\/+/, '').replace(/^\.\//, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  return name;
}

/** Part names are case-insensitive in Office packages. */
function findPart(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower);
}

function asIngestError(fileName: string, error: unknown, limits: Pick<IngestLimits, 'maxUnpackedBytes'>): unknown {
  if (error instanceof ZipError) {
    const detail = `${fileName}: ${error.message}`;
    switch (error.kind) {
      case 'too_big':
        return new IngestError('unpacked_too_big', detail, {
          cause: error,
          params: { maxMb: megabytes(limits.maxUnpackedBytes) },
        });
      case 'suspicious':
        return new IngestError('suspicious_archive', detail, { cause: error });
      case 'encrypted':
        return new IngestError('encrypted', detail, { cause: error });
      case 'corrupt':
        return new IngestError('unreadable', `${fileName}: the DOCX could not be read (${error.message})`, { cause: error });
    }
  }
  if (error instanceof WordXmlError) {
    const code = error.kind === 'not_word' ? 'unsupported_type' : 'unreadable';
    return new IngestError(code, `${fileName}: ${error.message}`, { cause: error });
  }
  return error;
}
