import type { Db } from '../db/client.js';

/** Everything Pandu keeps that points to one person, as /data_saya shows it. */
export interface PersonalData {
  profile: {
    displayName: string | null;
    fullName: string | null;
    opd: string | null;
    region: string | null;
    timeZone: string | null;
    role: string;
    preferredChannel: string | null;
    createdAt: Date;
  };
  identities: Array<{ channel: string; externalId: string; lastSeenAt: Date }>;
  scopes: string[];
  drafts: Array<{ title: string | null; status: string; answers: number; updatedAt: Date }>;
  innovations: Array<{ name: string; stage: string; status: string }>;
  reports: Array<{ innovation: string; periodKey: string; status: string; attachments: number }>;
  /** An unfinished conversation (the flow's name), if any. */
  openFlow: string | null;
  activeLinkCodes: number;
  /** Audit rows about the person (role changes) or done by them. */
  auditEvents: number;
  /** Announcements addressed to the person, whether they opted out (BERHENTI), and announcements they sent. */
  announcements: { received: number; optedOut: boolean; sent: number };
}

/** Reads what is kept about `userId` (undefined when the person is unknown). */
export async function personalData(db: Db, userId: string, now: Date): Promise<PersonalData | undefined> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      identities: { orderBy: { createdAt: 'asc' } },
      scopes: true,
      state: true,
      drafts: { include: { _count: { select: { answers: true } } }, orderBy: { updatedAt: 'desc' } },
      innovations: { orderBy: { createdAt: 'asc' } },
      reports: {
        include: { innovation: { select: { name: true } }, _count: { select: { attachments: true } } },
        orderBy: { createdAt: 'asc' },
      },
      linkCodes: { where: { usedAt: null, expiresAt: { gt: now } } },
    },
  });
  if (!user) return undefined;
  const auditEvents = await db.auditEvent.count({ where: { OR: [{ actorId: userId }, { subject: userId }] } });
  const received = await db.broadcastRecipient.count({ where: { userId } });
  const sentBroadcasts = await db.broadcast.count({ where: { createdById: userId } });
  const flowOpen = user.state?.flow && (!user.state.expiresAt || user.state.expiresAt > now);
  return {
    profile: {
      displayName: user.displayName,
      fullName: user.fullName,
      opd: user.opd,
      region: user.region,
      timeZone: user.timeZone,
      role: user.role,
      preferredChannel: user.preferredChannel,
      createdAt: user.createdAt,
    },
    identities: user.identities.map((i) => ({ channel: i.channel, externalId: i.externalId, lastSeenAt: i.lastSeenAt })),
    scopes: user.scopes.map((s) => s.label),
    drafts: user.drafts.map((d) => ({ title: d.title, status: d.status, answers: d._count.answers, updatedAt: d.updatedAt })),
    innovations: user.innovations.map((i) => ({ name: i.name, stage: i.stage, status: i.status })),
    reports: user.reports.map((r) => ({
      innovation: r.innovation.name,
      periodKey: r.periodKey,
      status: r.status,
      attachments: r._count.attachments,
    })),
    openFlow: flowOpen ? user.state!.flow : null,
    activeLinkCodes: user.linkCodes.length,
    auditEvents,
    announcements: { received, optedOut: user.announcementsOptOutAt !== null, sent: sentBroadcasts },
  };
}
