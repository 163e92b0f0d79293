import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma-sqlite/index.js';
import type { Db } from '../../src/db/client.js';
import { PERSON_COLUMN, USER_REFERENCES } from '../../src/privacy/user-references.js';
import { describeOnBothDatabases, textOf, type ClockedApp } from '../core/support/clocked-app.js';

const MODELS = Prisma.dmmf.datamodel.models;

describe('the erasure plan against the schema', () => {
  it('names every model that points to a person, and every column that holds a person id', () => {
    const missing: string[] = [];
    for (const model of MODELS) {
      const planned = USER_REFERENCES[model.name] ?? [];
      const pointsToUser = model.fields.some((f) => f.kind === 'object' && f.type === 'User');
      if (pointsToUser && model.name !== 'User' && planned.length === 0) missing.push(`${model.name} (relation to User)`);
      for (const field of model.fields) {
        if (field.kind === 'scalar' && PERSON_COLUMN.test(field.name) && !planned.includes(field.name))
          missing.push(`${model.name}.${field.name}`);
      }
    }
    expect(missing, 'add these to USER_REFERENCES and teach erasePerson about them').toEqual([]);
  });

  it('lists only models and columns that exist', () => {
    for (const [name, columns] of Object.entries(USER_REFERENCES)) {
      const model = MODELS.find((m) => m.name === name);
      expect(model, name).toBeDefined();
      for (const column of columns)
        expect(
          model!.fields.map((f) => f.name),
          `${name}.${column}`,
        ).toContain(column);
    }
  });
});

/** Every row of every table, as JSON text (the test looks for traces of the erased person in all of it). */
async function everyRow(db: Db): Promise<Array<{ model: string; text: string }>> {
  const rows: Array<{ model: string; text: string }> = [];
  for (const model of MODELS) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[
      model.name[0]!.toLowerCase() + model.name.slice(1)
    ]!;
    for (const row of await delegate.findMany())
      rows.push({ model: model.name, text: JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) });
  }
  return rows;
}

async function userOf(test: ClockedApp, channel: string, externalId: string): Promise<string> {
  const identity = await test.app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
  return identity.userId;
}

describeOnBothDatabases('/data_saya and /hapus_data', (running) => {
  it('shows a person everything kept about them, then deletes every row that points to them and nothing of anyone else', async () => {
    const test = running();
    const db = test.app.db;
    const SITI_TG = '77810001';
    const SITI_WA = '6281277810002@c.us';
    const BUDI_TG = '77810003';
    await test.send(`telegram:${SITI_TG}`, 'halo', { messageId: 'm1', displayName: 'Siti Tampilan' });
    await test.send(`telegram:${BUDI_TG}`, 'halo', { messageId: 'm2' });
    const siti = await userOf(test, 'telegram', SITI_TG);
    const budi = await userOf(test, 'telegram', BUDI_TG);
    // A second, linked channel; a handled WhatsApp message id names the chat (her number).
    await db.channelIdentity.create({ data: { userId: siti, channel: 'whatsapp', externalId: SITI_WA, firstMessageAt: test.now() } });
    await db.processedMessage.create({ data: { id: `whatsapp:false_${SITI_WA}_K1` } });
    await db.user.update({
      where: { id: siti },
      data: {
        fullName: 'Siti Aminah Hapusdata',
        opd: 'Dinas Kesehatan',
        region: 'Kabupaten Bantul',
        opdKey: 'dinas kesehatan',
        regionKey: 'kabupaten bantul',
      },
    });
    const draft = await db.proposalDraft.create({ data: { userId: siti, templateId: 'umum', title: 'Posyandu Digital Siti' } });
    await db.sectionAnswer.create({ data: { draftId: draft.id, sectionKey: 'latar', version: 1, text: 'Jawaban pribadi Siti' } });
    const innovation = (owner: string, name: string) =>
      db.innovation.create({
        data: {
          ownerId: owner,
          name,
          opd: 'Dinas Kesehatan',
          opdKey: 'dinas kesehatan',
          regionKey: 'kabupaten bantul',
          startDate: '2026-01-05',
        },
      });
    const hers = await innovation(siti, 'Posyandu Digital Siti');
    const his = await innovation(budi, 'Klinik Keliling Budi');
    const report = await db.progressReport.create({
      data: {
        innovationId: hers.id,
        authorId: siti,
        periodKey: '2026-02',
        status: 'submitted',
        submittedAt: test.now(),
        activities: 'Kegiatan Siti',
      },
    });
    const evidence = path.join(test.dataDir, 'reports', report.id, 'foto.jpg');
    fs.mkdirSync(path.dirname(evidence), { recursive: true });
    fs.writeFileSync(evidence, 'bukti');
    await db.reportAttachment.create({
      data: { reportId: report.id, fileName: 'foto.jpg', size: 5, path: `reports/${report.id}/foto.jpg` },
    });
    const forColleague = await db.progressReport.create({
      data: { innovationId: his.id, authorId: siti, periodKey: '2026-02', status: 'submitted' },
    });
    await db.coordinatorScope.create({
      data: { userId: siti, kind: 'region', regionKey: 'kabupaten bantul', label: 'Kabupaten Bantul', grantedBy: budi },
    });
    await db.coordinatorScope.create({
      data: { userId: budi, kind: 'region', regionKey: 'kabupaten sleman', label: 'Kabupaten Sleman', grantedBy: siti },
    });
    await db.roleInvite.create({ data: { code: 'UNDANGSITI', role: 'coordinator', createdBy: siti, expiresAt: test.now() } });
    await db.roleInvite.create({
      data: { code: 'UNDANGBUDI', role: 'coordinator', createdBy: budi, expiresAt: test.now(), usedAt: test.now(), usedBy: siti },
    });
    await db.auditEvent.create({ data: { actorId: budi, action: 'role.grant', subject: siti } });
    await db.auditEvent.create({ data: { actorId: siti, action: 'role.grant', subject: budi } });
    await db.linkCode.create({ data: { userId: siti, code: '4455', expiresAt: new Date(test.now().getTime() + 600_000) } });
    await db.job.create({
      data: {
        kind: 'reminder.send',
        key: `rem:${hers.id}:2026-03:h-3`,
        payload: { innovationId: hers.id },
        dueAt: test.now(),
        runAt: test.now(),
      },
    });
    await db.job.create({
      data: {
        kind: 'reminder.send',
        key: `rem:${his.id}:2026-03:h-3`,
        payload: { innovationId: his.id },
        dueAt: test.now(),
        runAt: test.now(),
      },
    });

    // An announcement Siti sent as coordinator, and one Budi sent that reached her.
    const hersSent = await db.broadcast.create({
      data: { createdById: siti, text: 'Rapat IGA Senin', audience: {}, audienceLabel: 'Semua', state: 'done' },
    });
    const budisSent = await db.broadcast.create({
      data: { createdById: budi, text: 'Pelatihan KIPP', audience: {}, audienceLabel: 'Semua', state: 'done' },
    });
    await db.broadcastRecipient.create({ data: { broadcastId: budisSent.id, userId: siti, channel: 'telegram', status: 'sent' } });
    await db.broadcastRecipient.create({ data: { broadcastId: budisSent.id, userId: budi, channel: 'telegram', status: 'sent' } });

    // A regulation Siti added as admin stays in the base; an upload she never confirmed goes.
    const added = await db.kbDocument.create({
      data: {
        title: 'Perbup 9/2024',
        origin: 'admin',
        kind: 'regulation',
        sourcePath: 'x.md',
        contentHash: 'h-siti',
        byteSize: 1,
        addedById: siti,
      },
    });
    await db.kbUpload.create({
      data: { userId: siti, fileName: 'draf.docx', bytes: Buffer.from('x'), expiresAt: new Date(test.now().getTime() + 600_000) },
    });

    const shown = textOf(await test.send(`telegram:${SITI_TG}`, '/data_saya'));
    expect(shown).toContain('Pengumuman yang dikirim kepada Anda: 1');
    expect(shown).toContain('Pengumuman yang Anda buat: 1');
    for (const expected of [
      'Siti Aminah Hapusdata',
      'Dinas Kesehatan',
      SITI_WA,
      'Posyandu Digital Siti',
      '2026-02',
      'Kabupaten Bantul',
      'Klinik Keliling Budi',
    ]) {
      expect(shown).toContain(expected);
    }
    expect(await db.rateLimit.count({ where: { key: `msg:${siti}` } })).toBe(1);

    const asked = await test.send(`telegram:${SITI_TG}`, '/hapus_data');
    expect(asked[0]?.choices?.map((c) => c.id)).toEqual(['privacy:erase', 'privacy:keep']);
    expect(textOf(await test.send(`telegram:${SITI_TG}`, '', { choiceId: 'privacy:keep' }))).toContain('tidak ada data yang dihapus');
    expect(await db.user.count({ where: { id: siti } })).toBe(1);

    await test.send(`telegram:${SITI_TG}`, '/hapus_data');
    const done = textOf(await test.send(`telegram:${SITI_TG}`, '', { choiceId: 'privacy:erase' }));
    expect(done).toContain('sudah dihapus');

    const traces = [
      siti,
      SITI_TG,
      SITI_WA,
      '6281277810002',
      'Siti Aminah',
      'Siti Tampilan',
      hers.id,
      draft.id,
      report.id,
      'Jawaban pribadi Siti',
      'Kegiatan Siti',
      'UNDANGSITI',
    ];
    const found = (await everyRow(db)).flatMap((row) =>
      traces.filter((trace) => row.text.includes(trace)).map((trace) => `${row.model}: ${trace}`),
    );
    expect(found).toEqual([]);
    expect(fs.existsSync(evidence)).toBe(false);

    // Budi and his records stay; the report Siti wrote for his innovation stays with it, credited to him.
    expect(await db.user.count({ where: { id: budi } })).toBe(1);
    expect(await db.progressReport.findUnique({ where: { id: forColleague.id } })).toMatchObject({ authorId: budi });
    expect(await db.job.count({ where: { key: `rem:${his.id}:2026-03:h-3` } })).toBe(1);
    expect(await db.coordinatorScope.findFirst({ where: { userId: budi } })).toMatchObject({ grantedBy: null });
    expect(await db.roleInvite.findUnique({ where: { code: 'UNDANGBUDI' } })).toMatchObject({ createdBy: budi, usedBy: 'erased' });
    expect(await db.kbDocument.findUnique({ where: { id: added.id } })).toMatchObject({ addedById: null });
    expect(await db.kbUpload.count()).toBe(0);
    // Announcements stay countable for whoever sent them; only Siti's line and her name as a sender go.
    expect(await db.broadcast.findUnique({ where: { id: hersSent.id } })).toMatchObject({ createdById: null });
    expect((await db.broadcastRecipient.findMany({ where: { broadcastId: budisSent.id } })).map((r) => r.userId)).toEqual([budi]);
    // The coordinator's count survives as one line without a name or an id.
    const line = await db.auditEvent.findFirstOrThrow({ where: { action: 'privacy.erase' } });
    expect(line).toMatchObject({ actorId: null, subject: null });
    expect(line.after).toEqual({
      submittedReportsRemoved: [{ periodKey: '2026-02', opdKey: 'dinas kesehatan', regionKey: 'kabupaten bantul' }],
    });

    // Writing again starts over as a new person.
    await test.send(`telegram:${SITI_TG}`, 'halo');
    expect(await userOf(test, 'telegram', SITI_TG)).not.toBe(siti);
  });

  it('links the privacy notice from the greeting, and the notice states how long things are kept', async () => {
    const test = running();
    expect(textOf(await test.send('whatsapp:6281300000009@c.us', '/start'))).toContain('/privasi');
    const notice = textOf(await test.send('whatsapp:6281300000009@c.us', '/privasi'));
    expect(notice).toContain('UU 27/2022');
    expect(notice).toContain('setelah 30 hari');
  });
});
