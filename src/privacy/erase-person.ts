import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { ERASED } from './user-references.js';

/** What an erasure removed, for the person's confirmation and the log (no personal data in it). */
export interface ErasureReport {
  identities: number;
  drafts: number;
  innovations: number;
  reports: number;
  /** Reports the person wrote on someone else's innovation: kept, credited to that innovation's owner. */
  reportsKept: number;
  attachmentFiles: number;
}

/**
 * Deletes everything Pandu keeps about one person (UU 27/2022, the right to erasure): the user and,
 * by cascade, their identities, conversation, link codes, drafts, scopes, innovations with their reports
 * and evidence; then removes their id wherever it is only a mention (audit rows, invites, scopes they
 * granted), their rate-limit counters, handled-message ids that carry their WhatsApp number, and the
 * scheduled jobs of their innovations. One audit row without any id says that submitted reports were
 * removed, per period and OPD, so a coordinator's totals can still be explained. Evidence files are
 * deleted after the transaction commits.
 */
export async function erasePerson(db: Db, dataDir: string, userId: string, logger: Logger): Promise<ErasureReport> {
  const { report, files } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      include: { identities: true, drafts: { select: { id: true } }, innovations: { select: { id: true } } },
    });
    const innovationIds = user.innovations.map((i) => i.id);
    const removedReports = await tx.progressReport.findMany({
      where: { innovationId: { in: innovationIds } },
      select: {
        id: true,
        status: true,
        periodKey: true,
        innovation: { select: { opdKey: true, regionKey: true } },
        attachments: { select: { path: true } },
      },
    });
    // A report written for a colleague's innovation belongs to that innovation's record: it stays, credited to its owner.
    const elsewhere = await tx.progressReport.findMany({
      where: { authorId: userId, innovationId: { notIn: innovationIds } },
      select: { id: true, innovation: { select: { ownerId: true } } },
    });
    for (const r of elsewhere) await tx.progressReport.update({ where: { id: r.id }, data: { authorId: r.innovation.ownerId } });

    const externalIds = user.identities.map((i) => i.externalId);
    await tx.auditEvent.updateMany({ where: { actorId: userId }, data: { actorId: null } });
    await tx.auditEvent.updateMany({ where: { subject: userId }, data: { subject: null } });
    await tx.roleInvite.updateMany({ where: { usedBy: userId }, data: { usedBy: ERASED } });
    await tx.roleInvite.deleteMany({ where: { createdBy: userId, usedAt: null } });
    await tx.roleInvite.updateMany({ where: { createdBy: userId }, data: { createdBy: ERASED } });
    await tx.coordinatorScope.updateMany({ where: { grantedBy: userId }, data: { grantedBy: null } });
    await tx.broadcast.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    await tx.broadcastRecipient.deleteMany({ where: { userId } });
    await tx.kbDocument.updateMany({ where: { addedById: userId }, data: { addedById: null } });
    await tx.kbUpload.deleteMany({ where: { userId } });
    await tx.rateLimit.deleteMany({ where: { key: { endsWith: `:${userId}` } } });
    const marks = [userId, ...innovationIds, ...externalIds];
    await tx.job.deleteMany({ where: { state: { not: 'running' }, OR: marks.map((m) => ({ key: { contains: m } })) } });
    // WhatsApp message ids name the chat, i.e. the person's number.
    if (externalIds.length > 0)
      await tx.processedMessage.deleteMany({ where: { OR: externalIds.map((id) => ({ id: { contains: id } })) } });
    await tx.user.delete({ where: { id: userId } });

    const submitted = removedReports.filter((r) => r.status === 'submitted');
    if (submitted.length > 0) {
      await tx.auditEvent.create({
        data: {
          action: 'privacy.erase',
          after: {
            submittedReportsRemoved: submitted.map((r) => ({
              periodKey: r.periodKey,
              opdKey: r.innovation.opdKey,
              regionKey: r.innovation.regionKey,
            })),
          },
        },
      });
    }
    return {
      report: {
        identities: user.identities.length,
        drafts: user.drafts.length,
        innovations: innovationIds.length,
        reports: removedReports.length,
        reportsKept: elsewhere.length,
        attachmentFiles: removedReports.reduce((n, r) => n + r.attachments.length, 0),
      } satisfies ErasureReport,
      files: removedReports.flatMap((r) => r.attachments.map((a) => a.path)),
    };
  });
  for (const file of files) {
    const absolute = path.resolve(dataDir, file);
    // Paths are stored relative to DATA_DIR; never follow one out of it.
    if (!absolute.startsWith(path.resolve(dataDir) + path.sep)) continue;
    await fs
      .rm(absolute, { force: true })
      .catch((error: unknown) => logger.error({ err: error, file }, 'could not delete an erased report file'));
    await fs.rmdir(path.dirname(absolute)).catch(() => undefined);
  }
  logger.info(report, 'personal data erased on request');
  return report;
}
