import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config.js';
import type { Db } from '../../../src/db/client.js';
import type { KnowledgeService } from '../../../src/knowledge/knowledge-service.js';
import { StagedUploads } from '../../../src/knowledge/uploads/staged-uploads.js';
import { UploadService } from '../../../src/knowledge/uploads/upload-service.js';
import { silentLogger } from '../../../src/logger.js';
import { regulationText } from '../../features/kb-documents/support/regulation-files.js';
import { tempDataDir } from '../../support/temp-data.js';

const NOW = new Date('2026-03-02T08:00:00Z');

let temp: ReturnType<typeof tempDataDir>;
let db: Db;
let knowledge: KnowledgeService;
let failIndex = false;
let published = 0;
let uploads: UploadService;
let adminId: string;

beforeAll(async () => {
  temp = tempDataDir('pandu-upload-');
  const config = loadConfig({ DATA_DIR: path.join(temp.dir, 'data') }, projectRoot);
  ({ db, knowledge } = await openKnowledge(config, silentLogger()));
  adminId = (await db.user.create({ data: { role: 'admin', displayName: 'Admin Uji' } })).id;
  uploads = new UploadService({
    knowledge,
    staged: new StagedUploads(db),
    publish: async () => {
      if (failIndex) throw new Error('index build failed');
      published += 1;
    },
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await db.$disconnect();
  temp.cleanup();
});

async function stageAndConfirm(version: 1 | 2) {
  const staged = await uploads.stage(adminId, `perbup-v${version}.txt`, Buffer.from(regulationText(version)), NOW);
  if (staged.status !== 'staged') throw new Error('not staged');
  return uploads.confirm(staged.upload.id, adminId, NOW);
}

describe('UploadService', () => {
  it('stores nothing live while staged, and publishes once confirmed', async () => {
    const staged = await uploads.stage(adminId, 'perbup.txt', Buffer.from(regulationText(1)), NOW);
    expect(staged.status).toBe('staged');
    expect(await db.kbDocument.count()).toBe(0);
    expect(await knowledge.store.allChunks()).toEqual([]);
    if (staged.status !== 'staged') return;
    const outcome = await uploads.confirm(staged.upload.id, adminId, NOW);
    expect(outcome.status).toBe('published');
    expect(published).toBe(1);
    expect(await db.kbUpload.count()).toBe(0);
    expect((await knowledge.store.allChunks()).length).toBeGreaterThan(0);
  });

  it('lets only the admin who uploaded confirm', async () => {
    const other = (await db.user.create({ data: { role: 'admin' } })).id;
    const staged = await uploads.stage(adminId, 'perbup-v2.txt', Buffer.from(regulationText(2)), NOW);
    if (staged.status !== 'staged') throw new Error('not staged');
    expect((await uploads.confirm(staged.upload.id, other, NOW)).status).toBe('gone');
    await uploads.cancel(staged.upload.id);
  });

  it('undoes a confirmed version whose index cannot be built: the old version stays live and nothing is audited', async () => {
    const before = await db.kbDocument.findMany({ select: { id: true, retiredAt: true } });
    const audits = await db.auditEvent.count();
    failIndex = true;
    const outcome = await stageAndConfirm(2);
    failIndex = false;
    expect(outcome.status).toBe('failed');
    expect(await db.kbDocument.findMany({ select: { id: true, retiredAt: true } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
    const texts = (await knowledge.store.allChunks()).map((c) => c.text).join('\n');
    expect(texts).toContain('30 (tiga puluh) menit');
    expect(texts).not.toContain('15 (lima belas) menit');
  });

  it('answers a file already in the base as a duplicate and keeps nothing', async () => {
    const again = await uploads.stage(adminId, 'lagi.txt', Buffer.from(regulationText(1)), NOW);
    expect(again.status).toBe('duplicate');
    expect(await db.kbUpload.count()).toBe(0);
  });

  it('prunes uploads nobody confirmed once they expire', async () => {
    await uploads.stage(adminId, 'perbup-v2.txt', Buffer.from(regulationText(2)), NOW);
    expect(await uploads.pruneExpired(new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(await uploads.pruneExpired(new Date(NOW.getTime() + 25 * 3_600_000))).toBe(1);
    expect(await db.kbUpload.count()).toBe(0);
  });
});
