import type { Db } from '../db/client.js';

/** The client Prisma hands to an interactive transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Profile fields the surviving user takes over when it has none of its own. */
const PROFILE_FIELDS = [
  'displayName',
  'fullName',
  'opd',
  'region',
  'timeZone',
  'regionKey',
  'opdKey',
  'profileAt',
  'preferredChannel',
] as const;

/**
 * Moves everything `fromUserId` owns to `intoUserId` and deletes the emptied user. Call it inside a
 * transaction, so a person is never half merged. What moves: channel identities, proposal drafts (with
 * their answers), innovations and progress reports, knowledge documents they added and uploads they staged, coordinator scopes, and the conversation state when
 * the survivor has none (a flow in progress continues). The survivor keeps its own role and profile, filling only what it lacks from the
 * other. Link codes of the removed user go with it (a code must not link to an account that no longer
 * exists); audit events keep the ids they were written with, as history. A new table that belongs to a
 * person must be moved here too.
 */
export async function mergeUsers(tx: Tx, fromUserId: string, intoUserId: string): Promise<void> {
  if (fromUserId === intoUserId) return;
  const [from, into] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: fromUserId }, include: { state: true, scopes: true } }),
    tx.user.findUniqueOrThrow({ where: { id: intoUserId }, include: { state: true, scopes: true } }),
  ]);
  await tx.channelIdentity.updateMany({ where: { userId: fromUserId }, data: { userId: intoUserId } });
  await tx.proposalDraft.updateMany({ where: { userId: fromUserId }, data: { userId: intoUserId } });
  await tx.innovation.updateMany({ where: { ownerId: fromUserId }, data: { ownerId: intoUserId } });
  await tx.progressReport.updateMany({ where: { authorId: fromUserId }, data: { authorId: intoUserId } });
  await tx.kbDocument.updateMany({ where: { addedById: fromUserId }, data: { addedById: intoUserId } });
  await tx.kbUpload.updateMany({ where: { userId: fromUserId }, data: { userId: intoUserId } });
  const held = new Set(into.scopes.map((s) => `${s.kind}|${s.regionKey}|${s.opdKey}`));
  for (const scope of from.scopes) {
    if (!held.has(`${scope.kind}|${scope.regionKey}|${scope.opdKey}`)) {
      await tx.coordinatorScope.update({ where: { id: scope.id }, data: { userId: intoUserId } });
    }
  }
  if (from.state && !into.state) {
    await tx.conversationState.update({ where: { userId: fromUserId }, data: { userId: intoUserId } });
  }
  const missing = Object.fromEntries(PROFILE_FIELDS.filter((f) => into[f] === null && from[f] !== null).map((f) => [f, from[f]]));
  if (Object.keys(missing).length > 0) await tx.user.update({ where: { id: intoUserId }, data: missing });
  await tx.user.delete({ where: { id: fromUserId } });
}
