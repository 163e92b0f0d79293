import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingFile, Reply } from '../../../src/core/messages.js';
import { startClockedApp, textOf, type ClockedApp } from '../../core/support/clocked-app.js';
import { regulationDocx, WAIT_ANSWER, WAIT_QUESTION } from './support/regulation-files.js';

const ADMIN = 'telegram:admin-1';
const INNOVATOR = 'telegram:innovator-1';

let test: ClockedApp;

function fileOf(fileName: string, bytes: Buffer): IncomingFile {
  return { fileName, size: bytes.length, download: async () => bytes };
}

async function makeAdmin(from: string): Promise<void> {
  await test.send(from, '/bantuan');
  const [channel, externalId] = from.split(':') as [string, string];
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
  await test.app.db.user.update({ where: { id: identity.userId }, data: { role: 'admin' } });
}

function choiceOf(replies: Reply[], prefix: string): string {
  const found = replies.flatMap((r) => r.choices ?? []).find((c) => c.id.startsWith(prefix));
  if (!found) throw new Error(`no choice ${prefix} in: ${textOf(replies)}`);
  return found.id;
}

beforeAll(async () => {
  test = await startClockedApp(undefined, { RATE_LIMIT_PER_MINUTE: '0' });
  await makeAdmin(ADMIN);
});
afterAll(async () => {
  await test.close();
});

describe('/kb_tambah in the chat', () => {
  it('previews an uploaded DOCX without making it live, then answers from it once confirmed', async () => {
    const docx = await regulationDocx(1);
    const preview = await test.send(ADMIN, '/kb_tambah', { file: fileOf('perbup-7-2024.docx', docx) });
    const text = textOf(preview);
    expect(text).toContain('Perbup Contoh 7/2024');
    expect(text).toContain('4 Pasal (1–4)');
    expect(text).toContain('[Perbup Contoh 7/2024 Pasal 1 angka 1]');
    // Staged, not live: the question is not answered from it yet.
    expect(textOf(await test.send(INNOVATOR, WAIT_QUESTION))).not.toContain(WAIT_ANSWER[1]);

    const done = textOf(await test.send(ADMIN, '', { choiceId: choiceOf(preview, 'kbdoc:ok:') }));
    expect(done).toContain('Dokumen aktif');
    const answer = textOf(await test.send(INNOVATOR, WAIT_QUESTION));
    expect(answer).toContain(WAIT_ANSWER[1]);
    expect(answer).toContain('Perbup Contoh 7/2024 Pasal 3');
  });
});
