import fs from 'node:fs';
import { z } from 'zod';
import { ANALYZER_FINGERPRINT } from '../analysis/analyzer.js';
import type { LexicalParts } from './knowledge-index.js';
import { DEFAULT_PACE, runPaced, type Pace, type Work } from './paced-work.js';

/** Bump when the layout below or what the parts mean changes; older files are then rebuilt. */
const FORMAT = 'pandu-lexical-4';
const MAGIC = Buffer.from('PLEX\n');

type Kind = 'strings' | 'u32' | 'f32' | 'f64';
const SectionSchema = z.object({ name: z.string(), kind: z.enum(['strings', 'u32', 'f32', 'f64']), offset: z.number().int(), bytes: z.number().int(), count: z.number().int() });
const HeaderSchema = z.object({ format: z.literal(FORMAT), analyzer: z.string(), fingerprint: z.string(), size: z.number().int().nonnegative(), sections: z.array(SectionSchema) });
type Section = z.infer<typeof SectionSchema>;

/** A saved lexical index that cannot be read back (truncated, garbled, inconsistent). */
export class LexicalFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`saved lexical index ${file} is unreadable: ${reason}`);
    this.name = 'LexicalFileError';
  }
}

/**
 * The lexical index on disk, next to the vectors: postings and stem table as raw typed arrays behind a
 * small JSON header, so loading is reading a file and wrapping its bytes, not analysing 30k chunks again.
 * The header names the chunk fingerprint and analyzer it was built with; a file for other chunks or an
 * older analyzer is not used.
 */
export async function writeLexicalFile(file: string, parts: LexicalParts, fingerprint: string): Promise<void> {
  const payload: Array<{ name: string; kind: Kind; data: Buffer; count: number }> = [
    strings('stems.roots', parts.stems.roots),
    typed('stems.support', 'u32', parts.stems.support),
    strings('stems.words', parts.stems.words),
    strings('bm25.terms', parts.bm25.terms),
    typed('bm25.offsets', 'u32', parts.bm25.offsets),
    typed('bm25.docs', 'u32', parts.bm25.docs),
    typed('bm25.tfs', 'f32', parts.bm25.tfs),
    typed('bm25.docLength', 'f64', parts.bm25.docLength),
    typed('facts.referenceOffsets', 'u32', parts.facts.referenceOffsets),
    typed('facts.referenceTargets', 'u32', parts.facts.referenceTargets),
    typed('facts.forms', 'u32', parts.facts.forms),
    strings('facts.definedTerms', parts.facts.definedTerms),
    strings('facts.regulations', parts.facts.regulations),
    strings('facts.doers', parts.facts.doers),
    strings('facts.agentRoots', parts.facts.agentRoots),
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const p of payload) {
    sections.push({ name: p.name, kind: p.kind, offset, bytes: p.data.length, count: p.count });
    offset += align8(p.data.length);
  }
  const header = Buffer.from(JSON.stringify({ format: FORMAT, analyzer: ANALYZER_FINGERPRINT, fingerprint, size: parts.bm25.size, sections }));
  const lead = Buffer.alloc(align8(MAGIC.length + 4 + header.length));
  MAGIC.copy(lead, 0);
  lead.writeUInt32LE(header.length, MAGIC.length);
  header.copy(lead, MAGIC.length + 4);
  // Written aside and renamed, so a crash never leaves half a file under the real name. Section by
  // section, never gathered into one buffer: that copy of tens of megabytes would hold the event loop.
  const temp = `${file}.${process.pid}.tmp`;
  const out = await fs.promises.open(temp, 'w');
  try {
    await out.write(lead);
    for (const p of payload) {
      await out.write(p.data);
      const padding = align8(p.data.length) - p.data.length;
      if (padding > 0) await out.write(Buffer.alloc(padding));
    }
  } finally {
    await out.close();
  }
  await fs.promises.rename(temp, file);
}

/** What a saved lexical file holds; `parts` only when it was built from `fingerprint` by this analyzer. */
export type SavedLexical = { status: 'missing' } | { status: 'stale' } | { status: 'ok'; parts: LexicalParts };

/**
 * Reads a saved lexical index. Throws LexicalFileError when the file exists but cannot be read back.
 * Taking its sections apart is paced too: at 30k chunks it is tens of megabytes to copy and check.
 */
export async function readLexicalFile(file: string, fingerprint: string, pace: Pace = DEFAULT_PACE): Promise<SavedLexical> {
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw new LexicalFileError(file, error instanceof Error ? error.message : String(error));
  }
  return runPaced(parsing(buf, file, fingerprint), pace);
}

/** The parts in a lexical file's bytes, a section at a time. */
function* parsing(buf: Buffer, file: string, fingerprint: string): Work<SavedLexical> {
  const fail = (reason: string) => new LexicalFileError(file, reason);
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw fail('not a lexical index file');
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const bodyStart = align8(MAGIC.length + 4 + headerLength);
  if (bodyStart > buf.length) throw fail('truncated header');
  let header: z.infer<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)));
  } catch (error) {
    // Another format version is an older Pandu's file, not damage: rebuild it quietly.
    if (/"format":"pandu-lexical-/.test(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength))) return { status: 'stale' };
    throw fail(`bad header (${error instanceof Error ? error.message : String(error)})`);
  }
  if (header.analyzer !== ANALYZER_FINGERPRINT || header.fingerprint !== fingerprint) return { status: 'stale' };
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const section = (name: string, kind: Kind): { s: Section; start: number } => {
    const s = byName.get(name);
    if (!s || s.kind !== kind) throw fail(`section ${name} missing`);
    const start = bodyStart + s.offset;
    if (s.offset < 0 || s.bytes < 0 || start + s.bytes > buf.length) throw fail(`section ${name} truncated`);
    return { s, start };
  };
  const readStrings = (name: string): string[] => {
    const { s, start } = section(name, 'strings');
    const list = s.count === 0 ? [] : buf.toString('utf8', start, start + s.bytes).split('\n');
    if (list.length !== s.count) throw fail(`section ${name} has ${list.length} entries, header says ${s.count}`);
    return list;
  };
  const readTyped = <T>(name: string, kind: Kind, make: (bytes: ArrayBufferLike, count: number) => T, width: number): T => {
    const { s, start } = section(name, kind);
    if (s.bytes !== s.count * width) throw fail(`section ${name} has a wrong length`);
    // A copy: the file's buffer may not sit at an aligned offset, and views would keep all of it alive.
    return make(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + s.bytes), s.count);
  };
  const u32 = (name: string) => readTyped(name, 'u32', (b, n) => new Uint32Array(b, 0, n), 4);
  // Pauses between the large sections (words, terms, postings): each takes milliseconds to split or copy.
  const roots = readStrings('stems.roots');
  const support = u32('stems.support');
  yield;
  const words = readStrings('stems.words');
  yield;
  const terms = readStrings('bm25.terms');
  yield;
  const offsets = u32('bm25.offsets');
  const docs = u32('bm25.docs');
  yield;
  const tfs = readTyped('bm25.tfs', 'f32', (b, n) => new Float32Array(b, 0, n), 4);
  const docLength = readTyped('bm25.docLength', 'f64', (b, n) => new Float64Array(b, 0, n), 8);
  yield;
  const stems = { roots, support, words };
  const bm25 = { size: header.size, terms, offsets, docs, tfs, docLength };
  const facts = {
    referenceOffsets: u32('facts.referenceOffsets'),
    referenceTargets: u32('facts.referenceTargets'),
    forms: u32('facts.forms'),
    definedTerms: readStrings('facts.definedTerms'),
    regulations: readStrings('facts.regulations'),
    doers: readStrings('facts.doers'),
    agentRoots: readStrings('facts.agentRoots'),
  };
  yield;
  const postings = bm25.offsets[bm25.offsets.length - 1];
  if (stems.support.length !== stems.roots.length) throw fail('stem support does not match its roots');
  if (bm25.offsets.length !== bm25.terms.length + 1 || postings !== bm25.docs.length || bm25.tfs.length !== bm25.docs.length) {
    throw fail('postings do not match their terms');
  }
  if (bm25.docLength.length !== bm25.size || !(yield* allBelow(bm25.docs, bm25.size))) throw fail('postings name documents the index does not have');
  const references = facts.referenceOffsets[facts.referenceOffsets.length - 1];
  if (facts.referenceOffsets.length !== bm25.size + 1 || references !== facts.referenceTargets.length || !(yield* allBelow(facts.referenceTargets, bm25.size))) {
    throw fail('cross-references do not match the chunks');
  }
  const parts: LexicalParts = { stems, bm25, facts };
  if (facts.forms.length !== bm25.size || facts.definedTerms.length !== bm25.size || facts.agentRoots.length !== bm25.size) throw fail('chunk facts do not match the chunks');
  return { status: 'ok', parts };
}

/** Whether every value is below `limit`, pausing every so many (postings number in the millions). */
function* allBelow(values: Uint32Array, limit: number): Work<boolean> {
  for (let start = 0; start < values.length; start += 1 << 18) {
    const end = Math.min(values.length, start + (1 << 18));
    for (let i = start; i < end; i += 1) if (values[i]! >= limit) return false;
    yield;
  }
  return true;
}

function strings(name: string, list: readonly string[]): { name: string; kind: Kind; data: Buffer; count: number } {
  return { name, kind: 'strings', data: Buffer.from(list.join('\n'), 'utf8'), count: list.length };
}

function typed(name: string, kind: Kind, array: Uint32Array | Float32Array | Float64Array): { name: string; kind: Kind; data: Buffer; count: number } {
  return { name, kind, data: Buffer.from(array.buffer, array.byteOffset, array.byteLength), count: array.length };
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
