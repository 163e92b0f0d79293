import type { Db } from '../../db/client.js';

export interface DraftRecord {
  id: string;
  userId: string;
  templateId: string;
  title: string | null;
  /** draft | completed */
  status: string;
  currentSection: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The current (highest) version of one section's answer. */
export interface SectionAnswerState {
  sectionKey: string;
  text: string;
  skipped: boolean;
  version: number;
  savedAt: Date;
}

/** How a new version relates to the previous one. */
type Write = { kind: 'append'; text: string } | { kind: 'replace'; text: string } | { kind: 'skip' };

const MAX_WRITE_ATTEMPTS = 3;

/** How a stored version changes a section's answer (SectionAnswer.kind). */
type Kind = 'replace' | 'append' | 'skip';

/**
 * Proposal drafts and their answers in the database, so a draft survives restarts and is the same on every
 * channel. Every message, replacement or skip adds a version holding only what it changed (the message
 * added, the new answer, the skip), which keeps the history and makes "nothing you wrote is lost"
 * literally true while storage grows with what the person wrote, not with each answer so far. The result
 * of the last version of each section is kept apart (SectionText), so the wizard reads only that.
 */
export class DraftStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(userId: string, templateId: string, firstSection: string): Promise<DraftRecord> {
    const now = this.clock();
    return this.db.proposalDraft.create({
      data: { userId, templateId, currentSection: firstSection, createdAt: now, updatedAt: now },
    });
  }

  /** The user's drafts, most recently touched first. */
  async list(userId: string): Promise<DraftRecord[]> {
    return this.db.proposalDraft.findMany({ where: { userId }, orderBy: [{ updatedAt: 'desc' }, { createdAt: 'desc' }] });
  }

  /** A draft, only if it belongs to the user (ids come from sessions and buttons, which can be stale). */
  async find(userId: string, draftId: string): Promise<DraftRecord | null> {
    return this.db.proposalDraft.findFirst({ where: { id: draftId, userId } });
  }

  /** Current answer per section key. */
  async answers(draftId: string): Promise<Map<string, SectionAnswerState>> {
    const rows = await this.db.sectionText.findMany({ where: { draftId }, orderBy: { sectionKey: 'asc' } });
    return new Map(
      rows.map((row) => [
        row.sectionKey,
        { sectionKey: row.sectionKey, text: row.text, skipped: row.skipped, version: row.version, savedAt: row.updatedAt },
      ]),
    );
  }

  /** Every saved version of a section, oldest first, each with the whole answer it led to. */
  async history(draftId: string, sectionKey: string): Promise<SectionAnswerState[]> {
    const rows = await this.db.sectionAnswer.findMany({ where: { draftId, sectionKey }, orderBy: { version: 'asc' } });
    const states: SectionAnswerState[] = [];
    let text = '';
    for (const row of rows) {
      text = applyChange(text, parseKind(row.kind), row.text);
      states.push({ sectionKey, text, skipped: row.kind === 'skip', version: row.version, savedAt: row.createdAt });
    }
    return states;
  }

  /** Adds text to the section's answer on a new line (a new version holding this message). */
  append(draftId: string, sectionKey: string, text: string): Promise<SectionAnswerState> {
    return this.write(draftId, sectionKey, { kind: 'append', text });
  }

  /** Replaces the section's answer (a new version; earlier versions stay in the history). */
  replace(draftId: string, sectionKey: string, text: string): Promise<SectionAnswerState> {
    return this.write(draftId, sectionKey, { kind: 'replace', text });
  }

  /** Marks the section skipped; any text already written stays. */
  skip(draftId: string, sectionKey: string): Promise<SectionAnswerState> {
    return this.write(draftId, sectionKey, { kind: 'skip' });
  }

  async moveTo(draftId: string, sectionKey: string): Promise<void> {
    await this.db.proposalDraft.update({ where: { id: draftId }, data: { currentSection: sectionKey, updatedAt: this.clock() } });
  }

  async setTitle(draftId: string, title: string | null): Promise<void> {
    await this.db.proposalDraft.update({ where: { id: draftId }, data: { title, updatedAt: this.clock() } });
  }

  async setStatus(draftId: string, status: 'draft' | 'completed'): Promise<void> {
    await this.db.proposalDraft.update({ where: { id: draftId }, data: { status, updatedAt: this.clock() } });
  }

  /** Deletes a draft and all its versions. The wizard asks for explicit confirmation first. */
  async remove(userId: string, draftId: string): Promise<boolean> {
    const result = await this.db.proposalDraft.deleteMany({ where: { id: draftId, userId } });
    return result.count > 0;
  }

  /**
   * Writes the next version. Two messages for the same section can arrive together (a redelivery, two
   * channels); the unique (draft, section, version) key then rejects one, which is retried on top of the other.
   */
  private async write(draftId: string, sectionKey: string, write: Write): Promise<SectionAnswerState> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const now = this.clock();
        return await this.db.$transaction(async (tx) => {
          const current = await tx.sectionText.findUnique({ where: { draftId_sectionKey: { draftId, sectionKey } } });
          const previous = current?.text ?? '';
          // Text added to an answer that holds nothing yet is the answer: stored as such.
          const kind: Kind = write.kind === 'append' && !previous.trim() ? 'replace' : write.kind;
          const change = write.kind === 'skip' ? '' : write.text;
          const text = applyChange(previous, kind, change);
          const state: SectionAnswerState = {
            sectionKey,
            text,
            skipped: kind === 'skip',
            version: (current?.version ?? 0) + 1,
            savedAt: now,
          };
          // The unique (draft, section, version) key makes a concurrent write of the same version fail here.
          await tx.sectionAnswer.create({
            data: { draftId, sectionKey, version: state.version, kind, text: change, skipped: state.skipped, createdAt: now },
          });
          const stored = { text, skipped: state.skipped, version: state.version, updatedAt: now };
          await tx.sectionText.upsert({
            where: { draftId_sectionKey: { draftId, sectionKey } },
            create: { draftId, sectionKey, ...stored },
            update: stored,
          });
          // Touch the draft so "most recent draft" follows the user's last edit; a finished draft is open again.
          await tx.proposalDraft.update({
            where: { id: draftId },
            data: { updatedAt: now, ...(write.kind === 'skip' ? {} : { status: 'draft' }) },
          });
          return state;
        });
      } catch (error) {
        if (attempt >= MAX_WRITE_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }
}

/** The answer after one stored change; an append follows a non-empty answer on a new line. */
function applyChange(previous: string, kind: Kind, change: string): string {
  if (kind === 'replace') return change;
  if (kind === 'append') return `${previous}\n${change}`;
  return previous;
}

function parseKind(kind: string): Kind {
  if (kind === 'replace' || kind === 'append' || kind === 'skip') return kind;
  throw new Error(`unknown section answer kind: ${kind}`);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
