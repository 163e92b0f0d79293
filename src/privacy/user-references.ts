/**
 * Every column that can hold a person's internal id, by model. Erasure (erase-person.ts) handles each
 * one; tests/privacy checks this list against the schema, so a new table that points to a person fails
 * the suite until erasure learns about it. Rows that hang below these (SectionAnswer, ReportAttachment)
 * go with their parent by cascade.
 */
export const USER_REFERENCES: Readonly<Record<string, readonly string[]>> = {
  User: ['id'],
  ChannelIdentity: ['userId'],
  ConversationState: ['userId'],
  LinkCode: ['userId'],
  ProposalDraft: ['userId'],
  CoordinatorScope: ['userId', 'grantedBy'],
  Innovation: ['ownerId'],
  ProgressReport: ['authorId'],
  RoleInvite: ['createdBy', 'usedBy'],
  AuditEvent: ['actorId', 'subject'],
  /** The coordinator's report of an announcement stays (SetNull); only who sent it is forgotten. */
  Broadcast: ['createdById'],
  /** The person's line in every announcement's outbox goes with them (cascade). */
  BroadcastRecipient: ['userId'],
  /** A document an admin added stays in the base (it is the regulation's text, not theirs); who added it is forgotten. */
  KbDocument: ['addedById'],
  /** Uploads waiting for the admin's confirmation go with them (cascade). */
  KbUpload: ['userId'],
  /** Keys `<purpose>:<user id>` of the message and linking rate limiters. */
  RateLimit: ['key'],
};

/** Column names that, by the project's naming, hold a person's id (checked by the schema test). */
export const PERSON_COLUMN = /^(userId|ownerId|authorId|actorId|subject|createdBy|createdById|usedBy|grantedBy|recipientId|[a-z]+UserId)$/;

/** Written where a required column named a person who asked to be forgotten. */
export const ERASED = 'erased';
