import { createApp, type App } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { IncomingMessage, Reply } from '../../../src/core/messages.js';
import { DraftStore, type DraftRecord } from '../../../src/features/proposal/draft-store.js';
import { silentLogger } from '../../../src/logger.js';
import { curatedUnit, tempDataDir, writeKnowledge } from '../../support/temp-data.js';

/** A small knowledge base about proposal sections: enough for retrieval, fast to index. */
export const PROPOSAL_KNOWLEDGE: Record<string, string> = {
  'pp-38-2017/pasal-07-ayat-2-huruf-e.md': curatedUnit({
    regulation: 'PP 38/2017',
    pasal: '7',
    ayat: '2',
    citation: 'PP 38/2017 Pasal 7 ayat (2) huruf e',
    title: 'Apa yang ditulis di bagian waktu uji coba?',
    topic: 'waktu uji coba',
    aliases: ['jadwal uji coba inovasi daerah'],
    text: 'Tuliskan rencana periode uji coba, yaitu kapan dimulai dan kapan selesai, serta di Perangkat Daerah mana uji coba dilakukan.',
  }),
  'pp-38-2017/pasal-16-ayat-2.md': curatedUnit({
    regulation: 'PP 38/2017',
    pasal: '16',
    ayat: '2',
    citation: 'PP 38/2017 Pasal 16 ayat (2)',
    title: 'Laboratorium uji coba',
    topic: 'laboratorium uji coba',
    text: 'Uji coba Inovasi Daerah dilakukan pada Perangkat Daerah yang ditugaskan sebagai laboratorium uji coba.',
  }),
  'pp-38-2017/pasal-30-ayat-1.md': curatedUnit({
    regulation: 'PP 38/2017',
    pasal: '30',
    ayat: '1',
    citation: 'PP 38/2017 Pasal 30 ayat (1)',
    title: 'Pendanaan inovasi',
    topic: 'anggaran inovasi daerah',
    text: 'Kegiatan inovasi yang sudah ditetapkan dimasukkan ke RKPD dan dianggarkan dalam APBD serta pendanaan lain yang sah.',
  }),
};

export interface WizardApp {
  app: App;
  /** Moves the app's clock (a session expires after 24 hours; the proposal flow after 90 days). */
  advance(ms: number): void;
  /** One message from `sender` on Telegram; returns the replies. */
  send(message: Partial<IncomingMessage> & { text?: string }, sender?: string): Promise<Reply[]>;
  /** `send` with just text, returning all reply texts joined. */
  say(text: string, sender?: string): Promise<string>;
  /** The Telegram sender's internal user id. */
  userId(sender: string): Promise<string>;
  /** The sender's drafts, most recently touched first. */
  drafts(sender: string): Promise<DraftRecord[]>;
  /** Every section's current answer as `key@version:text`, to show that nothing changed. */
  snapshot(draftId: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The real app (router, database, templates, knowledge base) in a temporary folder with a movable clock. */
export async function startWizardApp(env: Record<string, string> = {}): Promise<WizardApp> {
  const temp = tempDataDir('pandu-proposal-');
  const knowledgeDir = writeKnowledge(temp.dir, PROPOSAL_KNOWLEDGE);
  let now = new Date('2026-11-22T08:00:00Z');
  const config = loadConfig(
    { DATA_DIR: `${temp.dir}/data`, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...env },
    projectRoot,
  );
  const app = await createApp(config, { logger: silentLogger(), clock: () => now });
  const userId = async (sender: string) => {
    const identity = await app.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: sender } },
    });
    return identity.userId;
  };
  const send: WizardApp['send'] = (message, sender = 'u1') => {
    // People do not send two messages in the same millisecond; "most recent draft" depends on it.
    now = new Date(now.getTime() + 1000);
    return app.router.handle({ channel: 'telegram', senderId: sender, conversation: 'private', ...message });
  };
  return {
    app,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    send,
    async say(text, sender) {
      return texts(await send({ text }, sender));
    },
    userId,
    async drafts(sender) {
      return new DraftStore(app.db).list(await userId(sender));
    },
    async snapshot(draftId) {
      const answers = await new DraftStore(app.db).answers(draftId);
      return [...answers.values()].map((a) => `${a.sectionKey}@${a.version}:${a.text}`).sort();
    },
    async close() {
      await app.close();
      temp.cleanup();
    },
  };
}

export function texts(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n\n');
}
