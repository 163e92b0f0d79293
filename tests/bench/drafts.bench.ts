import type { Db } from '../../src/db/client.js';
import { DraftStore } from '../../src/features/proposal/draft-store.js';
import { startTestApp } from '../support/test-app.js';

const APPENDS = 100;
const PART_CHARS = 100;

/** Bytes of text a table holds for one draft. */
async function storedBytes(db: Db, table: 'SectionAnswer' | 'SectionText', draftId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ text: string }>>(`SELECT "text" FROM "${table}" WHERE "draftId" = '${draftId}'`);
  return rows.reduce((sum, r) => sum + Buffer.byteLength(r.text), 0);
}

/**
 * Proposal-draft storage: 100 messages of 100 characters (10 KB written) appended to one section. Before,
 * every message stored the whole answer so far as a new version; that figure is computed by the same rule
 * here (the previous text, a newline, the message) and set against what the store holds now.
 */
export async function run(): Promise<void> {
  const test = await startTestApp({ KNOWLEDGE_DIR: '' });
  try {
    const { db } = test.app;
    const user = await db.user.create({ data: {} });
    const store = new DraftStore(db);
    const draft = await store.create(user.id, 'inovasi-daerah', 'latar');
    let whole = '';
    let before = 0;
    let written = 0;
    for (let i = 0; i < APPENDS; i += 1) {
      const part = `${String(i).padStart(3, '0')} ${'x'.repeat(PART_CHARS - 4)}`;
      await store.append(draft.id, 'latar', part);
      whole = whole ? `${whole}\n${part}` : part;
      before += Buffer.byteLength(whole);
      written += Buffer.byteLength(part);
    }
    const history = await storedBytes(db, 'SectionAnswer', draft.id);
    const current = await storedBytes(db, 'SectionText', draft.id);
    const read = await store.answers(draft.id);
    if (read.get('latar')?.text !== whole) throw new Error('the stored answer differs from what was written');
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${APPENDS} appends, ${kb(written)} written:`);
    console.log(`  before (each version the whole answer so far): ${kb(before)} stored`);
    console.log(`  now: ${kb(history + current)} stored (${kb(history)} history of parts + ${kb(current)} current answer)`);
    console.log(
      `  ratio before / now: ${(before / (history + current)).toFixed(1)}×; now / written: ${((history + current) / written).toFixed(2)}×`,
    );
  } finally {
    await test.close();
  }
}
