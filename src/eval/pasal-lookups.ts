import type { IndexedChunk } from '../knowledge/index/indexed-chunk.js';
import type { EvalQuestion } from './questions.js';

/**
 * "Pasal N" look-up questions for every regulation Pasal in an index, the way people ask for an article
 * they already know the number of: "apa isi Pasal 20", "Pasal 20 ayat (2) PP 38/2017 bunyinya gimana".
 * They measure the exact look-up path on any ingested regulation without anyone writing questions for
 * it; the gold is the Pasal itself, so a Penjelasan or a passage that merely mentions it does not count.
 */
export function pasalLookupQuestions(chunks: readonly IndexedChunk[]): EvalQuestion[] {
  const byPasal = new Map<string, { regulation?: string; pasal: string; ayat: string[] }>();
  for (const c of chunks) {
    if (!c.pasal || c.penjelasan) continue;
    const key = `${c.regulation ?? ''}|${c.pasal}`;
    let entry = byPasal.get(key);
    if (!entry) {
      entry = { ...(c.regulation ? { regulation: c.regulation } : {}), pasal: c.pasal, ayat: [] };
      byPasal.set(key, entry);
    }
    if (c.ayat && !entry.ayat.includes(c.ayat)) entry.ayat.push(c.ayat);
  }
  // Several regulations in one index: a bare "Pasal 5" is ambiguous, so every question names its regulation.
  const regulations = new Set([...byPasal.values()].map((e) => e.regulation ?? ''));
  const questions: EvalQuestion[] = [];
  let n = 0;
  for (const { regulation, pasal, ayat } of byPasal.values()) {
    const gold = `${regulation ? `${regulation} ` : ''}Pasal ${pasal}`;
    const named = regulations.size > 1 || n % 2 === 1 ? ` ${regulation ?? ''}`.trimEnd() : '';
    const ask = (id: string, question: string) => questions.push({ id, question, citations: [gold], in_scope: true, difficulty: 'lookup' });
    ask(`L${n}a`, LOOKUP_TEMPLATES[n % LOOKUP_TEMPLATES.length]!.replace('{p}', `Pasal ${pasal}${named}`));
    const a = ayat[ayat.length > 1 ? 1 : 0];
    if (a) ask(`L${n}b`, AYAT_TEMPLATES[n % AYAT_TEMPLATES.length]!.replace('{p}', `Pasal ${pasal} ayat (${a})${named}`));
    n += 1;
  }
  return questions;
}

const LOOKUP_TEMPLATES = ['apa isi {p}?', '{p} bunyinya gimana ya', 'tolong jelaskan {p}', '{p} ngatur apa?'];
const AYAT_TEMPLATES = ['{p} isinya apa?', 'bunyi {p}', 'mohon info {p} mengatur tentang apa'];
