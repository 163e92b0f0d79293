import type { Db } from '../db/client.js';

/**
 * "Sudah lapor": the person says the period's report went in some other way (on paper, by e-mail). The
 * period then counts as reported, with `via: declared` so coordinators can tell it from a report written
 * here; a report already written here is kept as it is.
 */
export async function declareSubmitted(db: Db, innovationId: string, periodKey: string, userId: string, now: Date): Promise<void> {
  await db.progressReport.upsert({
    where: { innovationId_periodKey: { innovationId, periodKey } },
    create: { innovationId, periodKey, authorId: userId, status: 'submitted', via: 'declared', submittedAt: now },
    update: {},
  });
  await db.progressReport.updateMany({
    where: { innovationId, periodKey, status: 'draft' },
    data: { status: 'submitted', via: 'declared', submittedAt: now },
  });
}
