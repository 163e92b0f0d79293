import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma-sqlite/index.js';
import type { LocalDate } from '../core/time/local-date.js';
import { canonicalOpd, opdKey, textKey } from '../people/opd-names.js';
import { regionKey } from '../people/profile-store.js';
import {
  InnovationRowSchema,
  type InnovationPatch,
  type InnovationRecord,
  type InnovationSource,
  type InnovationStatus,
} from './innovation.js';
import type { Cadence, Stage } from './periods.js';

/** The database, or one transaction of it (the import writes each spreadsheet row in its own). */
export type DbClient = Db | Prisma.TransactionClient;

/** A new innovation: what is known when its name is given (the rest keeps the model's defaults until asked). */
export interface NewInnovation {
  ownerId: string;
  name: string;
  opd: string;
  region: string | null;
  /** Until the person says when the stage started (a required column): today, so the row is always valid. */
  startDate: LocalDate;
  status: InnovationStatus;
  source: InnovationSource;
  proposalDraftId?: string | null;
  stage?: Stage;
  cadence?: Cadence;
  trialEndDate?: LocalDate | null;
}

/**
 * Innovations and who reports on them. Shared by /inovasi and `npm run inovasi -- import`; the reminder
 * planner reads the same rows (status `active` only). OPD and region are stored with their matching keys
 * so coordinators' scopes find them.
 */
export class InnovationStore {
  constructor(private readonly db: DbClient) {}

  async create(input: NewInnovation): Promise<InnovationRecord> {
    const row = await this.db.innovation.create({
      data: {
        ownerId: input.ownerId,
        name: input.name,
        ...opdFields(input.opd),
        ...regionFields(input.region),
        startDate: input.startDate,
        status: input.status,
        source: input.source,
        proposalDraftId: input.proposalDraftId ?? null,
        ...(input.stage ? { stage: input.stage } : {}),
        ...(input.cadence ? { cadence: input.cadence } : {}),
        ...(input.trialEndDate !== undefined ? { trialEndDate: input.trialEndDate } : {}),
      },
    });
    return InnovationRowSchema.parse(row);
  }

  /** One of the person's innovations (never someone else's: ids arrive in choices that anyone could forge). */
  async owned(ownerId: string, id: string): Promise<InnovationRecord | undefined> {
    const row = await this.db.innovation.findFirst({ where: { id, ownerId } });
    return row ? InnovationRowSchema.parse(row) : undefined;
  }

  async get(id: string): Promise<InnovationRecord | undefined> {
    const row = await this.db.innovation.findUnique({ where: { id } });
    return row ? InnovationRowSchema.parse(row) : undefined;
  }

  /** The person's innovations, oldest first; drafts only when asked for. */
  async listByOwner(ownerId: string, options: { drafts?: boolean } = {}): Promise<InnovationRecord[]> {
    const rows = await this.db.innovation.findMany({
      where: { ownerId, ...(options.drafts ? {} : { status: { not: 'draft' } }) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => InnovationRowSchema.parse(r));
  }

  /** The person's innovation by this name, ignoring case, spacing and punctuation (re-imports match on it). */
  async findByName(ownerId: string, name: string): Promise<InnovationRecord | undefined> {
    const key = textKey(name);
    return (await this.listByOwner(ownerId, { drafts: true })).find((i) => textKey(i.name) === key);
  }

  /** The innovation registered from a finished proposal, if any. */
  async findByProposal(ownerId: string, proposalDraftId: string): Promise<InnovationRecord | undefined> {
    const row = await this.db.innovation.findFirst({ where: { ownerId, proposalDraftId }, orderBy: { createdAt: 'asc' } });
    return row ? InnovationRowSchema.parse(row) : undefined;
  }

  async update(id: string, patch: InnovationPatch): Promise<InnovationRecord> {
    const { opd, region, ...rest } = patch;
    const row = await this.db.innovation.update({
      where: { id },
      data: { ...rest, ...(opd !== undefined ? opdFields(opd) : {}), ...(region !== undefined ? regionFields(region) : {}) },
    });
    return InnovationRowSchema.parse(row);
  }

  /** Deletes a registration that was never confirmed; confirmed innovations are ended, never deleted. */
  async discardDraft(ownerId: string, id: string): Promise<boolean> {
    const { count } = await this.db.innovation.deleteMany({ where: { id, ownerId, status: 'draft' } });
    return count > 0;
  }

  /** The title of one of the person's finished proposals (the name an innovation registered from it starts with). */
  async finishedProposalTitle(ownerId: string, proposalDraftId: string): Promise<string | null | undefined> {
    const draft = await this.db.proposalDraft.findFirst({ where: { id: proposalDraftId, userId: ownerId, status: 'completed' } });
    return draft ? draft.title : undefined;
  }
}

function opdFields(opd: string): { opd: string; opdKey: string } {
  return { opd: canonicalOpd(opd), opdKey: opd.trim() ? opdKey(opd) : '' };
}

function regionFields(region: string | null): { region: string | null; regionKey: string | null } {
  return { region, regionKey: region ? regionKey(region) : null };
}
