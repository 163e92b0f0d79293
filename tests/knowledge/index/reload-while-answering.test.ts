import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Pace } from '../../../src/knowledge/index/paced-work.js';
import { silentLogger } from '../../../src/logger.js';
import { writeSmallKnowledge } from '../../fixtures/cli/small-knowledge.js';
import { curatedUnit, tempDataDir, writeKnowledge } from '../../support/temp-data.js';

/**
 * A pace whose pauses can be held: while held, an index build stops at its next pause and waits, like a
 * long build on a busy machine, and the test decides when it may go on. Nothing here depends on timing.
 */
function holdablePace(): { pace: Pace; hold(): Promise<void>; release(): void } {
  let held = false;
  let reached: () => void = () => undefined;
  let waiting: Array<() => void> = [];
  const pace: Pace = {
    budgetMs: 0,
    pause: () => {
      if (!held) return Promise.resolve();
      reached();
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
  return {
    pace,
    hold: () => {
      held = true;
      return new Promise<void>((resolve) => (reached = resolve));
    },
    release: () => {
      held = false;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
  };
}

let app: App;
let temp: ReturnType<typeof tempDataDir>;
const gate = holdablePace();

beforeAll(async () => {
  temp = tempDataDir();
  const config = loadConfig({ DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir) }, projectRoot);
  app = await createApp(config, { logger: silentLogger(), indexPace: gate.pace, indexCheckMs: 3_600_000 });
});
afterAll(async () => {
  gate.release();
  await app.close();
  temp.cleanup();
});

const ask = (text: string) => app.router.handle({ channel: 'whatsapp', senderId: '628111001', text });

describe('reloading the knowledge base while Pandu runs', () => {
  it('keeps answering from the current index until the new one is ready, then answers from the new one', async () => {
    const question = 'apa itu program kebun hidroponik sekolah rakyat?';
    const known = 'bagaimana cara menjadi nasabah bank sampah digital?';
    expect((await ask(question))[0]?.text).toContain('tidak ditemukan');
    const extra = writeKnowledge(`${temp.dir}/extra`, {
      'kebun.md': curatedUnit({
        citation: 'Panduan Kebun Hidroponik Sekolah 2024',
        title: 'Program kebun hidroponik sekolah rakyat',
        topic: 'kebun hidroponik sekolah',
        text: 'Program kebun hidroponik sekolah rakyat melatih siswa menanam sayur tanpa tanah di halaman sekolah.',
        aliases: ['kebun hidroponik sekolah'],
      }),
    });
    await app.knowledge.addFile(`${extra}/kebun.md`);
    const before = app.index();

    const stopped = gate.hold();
    const reload = app.reloadIndex();
    await stopped; // the build is under way and waiting at one of its pauses
    expect(app.index()).toBe(before);
    expect((await ask(known))[0]?.text).toContain('Perwal Lestari 12/2023 Pasal 3');
    expect((await ask(question))[0]?.text).toContain('tidak ditemukan');

    gate.release();
    await reload;
    expect(app.index()).not.toBe(before);
    expect(app.index().chunks.length).toBe(before.chunks.length + 1);
    expect((await ask(question))[0]?.text).toContain('Panduan Kebun Hidroponik Sekolah 2024');
  });

  it('runs a reload asked for during another once after it, so the later change is not missed', async () => {
    const extra = writeKnowledge(`${temp.dir}/extra2`, {
      'rumah.md': curatedUnit({
        citation: 'Panduan Rumah Baca Desa 2024',
        title: 'Program rumah baca desa',
        topic: 'rumah baca desa',
        text: 'Program rumah baca desa menyediakan buku bacaan anak di balai desa setiap sore.',
      }),
    });
    const stopped = gate.hold();
    const first = app.reloadIndex();
    await stopped;
    // Stored after the first reload read the chunks: only a second build can see it.
    await app.knowledge.addFile(`${extra}/rumah.md`);
    const second = app.reloadIndex();
    expect(app.reloadIndex()).toBe(second); // a third request joins the queued one
    gate.release();
    await Promise.all([first, second]);
    expect((await ask('apa itu program rumah baca desa?'))[0]?.text).toContain('Panduan Rumah Baca Desa 2024');
  });
});
