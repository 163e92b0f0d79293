import fs from 'node:fs';
import path from 'node:path';
import type { IndexedChunk } from '../../../src/knowledge/index/indexed-chunk.js';
import type { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import type { ChunkDraft, ParsedDocument } from '../../../src/knowledge/types.js';

/** Regional regulations are what a large deployment ingests by the dozen: copies stand for them. */
const REGIONS = ['Kabupaten Sleman', 'Kota Surabaya', 'Provinsi Jawa Barat', 'Kabupaten Banyuwangi', 'Kota Makassar', 'Kabupaten Badung'];

/**
 * Regional regulations made from `base` until there are `target` chunks in all: each copy is a Perda of
 * its own (number, year, region), and each of its chunks also carries one sentence of another chunk, so
 * copies share most words without being duplicates (as Perda on one subject do). Copies are numbered from
 * `firstCopy`, so a later call can add Perda of its own.
 */
export function perdaCopies(base: readonly IndexedChunk[], target: number, firstCopy = 1): ParsedDocument[] {
  if (base.length === 0) throw new Error('nothing to copy: the knowledge base is empty');
  const sentences = base.flatMap((c) => c.text.match(/[^.!?]+[.!?]+/g) ?? []);
  const out: ParsedDocument[] = [];
  let total = base.length;
  for (let copy = firstCopy; total < target; copy += 1) {
    const region = REGIONS[copy % REGIONS.length]!;
    const year = 2010 + (copy % 15);
    const regulation = `Perda ${copy}/${year}`;
    const chunks: ChunkDraft[] = base.slice(0, Math.min(base.length, target - total)).map((c, i) => ({
      citation: c.regulation ? c.citation.replace(c.regulation, regulation) : `${c.citation} (${regulation})`,
      regulation,
      pasal: c.pasal ?? undefined,
      ayat: c.ayat ?? undefined,
      huruf: c.huruf ?? undefined,
      angka: c.angka ?? undefined,
      penjelasan: c.penjelasan,
      heading: c.heading ?? undefined,
      topic: c.topic ?? undefined,
      text: `${c.text} ${sentences[(i * 7919 + copy * 104729) % sentences.length] ?? ''} Berlaku di ${region}.`.trim(),
    }));
    out.push({
      title: `Peraturan Daerah ${region} Nomor ${copy} Tahun ${year} tentang Inovasi Daerah`,
      regulation,
      kind: 'regulation',
      status: 'berlaku',
      chunks,
    });
    total += chunks.length;
  }
  return out;
}

/**
 * Fills the knowledge base to at least `target` chunks: the regulations in `regulationsDir` when this
 * machine has them (shared/data/regulations), then Perda copies of everything stored (see perdaCopies). A
 * fresh clone without the regulation texts copies the shipped knowledge base instead. Says what it did.
 */
export async function fillToChunks(knowledge: KnowledgeService, target: number, regulationsDir?: string): Promise<string> {
  const sources: string[] = [];
  if (regulationsDir && fs.existsSync(regulationsDir)) {
    for (const file of fs
      .readdirSync(regulationsDir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      await knowledge.addFile(path.join(regulationsDir, file), { origin: 'admin' });
      sources.push(file);
    }
  }
  const copies = perdaCopies(await knowledge.store.allChunks(), target);
  for (const [i, parsed] of copies.entries()) {
    await knowledge.store.save(parsed, {
      sourcePath: `bench/perda-${i + 1}.md`,
      origin: 'admin',
      contentHash: `bench-${i + 1}`,
      byteSize: 0,
    });
  }
  const from = sources.length > 0 ? `knowledge/ + ${sources.join(', ')}` : 'knowledge/ (teks regulasi tidak ada di mesin ini)';
  return `${from}, lalu ${copies.length} salinan sebagai Perda`;
}
