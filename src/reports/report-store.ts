import type { Db } from '../db/client.js';

/** An innovation as the report flow and the overview read it (see Innovation in prisma/models.prisma). */
export interface InnovationRecord {
  id: string;
  ownerId: string;
  name: string;
  opd: string;
  opdKey: string;
  region: string | null;
  regionKey: string | null;
  stage: string;
  startDate: string;
  trialEndDate: string | null;
  cadence: string;
  dueDay: number;
  status: string;
}

/** One progress report (draft or submitted) of an innovation for one period. */
export interface ReportRecord {
  id: string;
  innovationId: string;
  authorId: string;
  periodKey: string;
  /** draft | submitted */
  status: string;
  /** chat | declared */
  via: string;
  progress: number | null;
  activities: string | null;
  results: string | null;
  obstacles: string | null;
  nextSteps: string | null;
  currentStep: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttachmentRecord {
  id: string;
  reportId: string;
  fileName: string;
  mimeType: string | null;
  size: number;
  /** Relative to DATA_DIR. */
  path: string;
  createdAt: Date;
}

/** The answers a report flow writes, one at a time. */
export type ReportPatch = Partial<Pick<ReportRecord, 'progress' | 'activities' | 'results' | 'obstacles' | 'nextSteps' | 'currentStep'>>;

/**
 * Progress reports in the database. Every answer is written the moment it is given, so a report survives
 * restarts and is the same on every linked channel; the row per innovation and period is unique, so a
 * report written in the chat and one declared from a reminder ("sudah lapor") are the same row.
 */
export class ReportStore {
  constructor(private readonly db: Db) {}

  /** The person's innovations that report (active), by name. */
  innovationsOf(ownerId: string): Promise<InnovationRecord[]> {
    return this.db.innovation.findMany({ where: { ownerId, status: 'active' }, orderBy: [{ name: 'asc' }, { createdAt: 'asc' }] });
  }

  innovation(id: string): Promise<InnovationRecord | null> {
    return this.db.innovation.findUnique({ where: { id } });
  }

  find(reportId: string): Promise<ReportRecord | null> {
    return this.db.progressReport.findUnique({ where: { id: reportId } });
  }

  forPeriod(innovationId: string, periodKey: string): Promise<ReportRecord | null> {
    return this.db.progressReport.findUnique({ where: { innovationId_periodKey: { innovationId, periodKey } } });
  }

  /** The draft a person touched last (what /laporan resumes), on an innovation they still own. */
  latestDraftOf(authorId: string): Promise<ReportRecord | null> {
    return this.db.progressReport.findFirst({
      where: { authorId, status: 'draft', innovation: { ownerId: authorId } },
      orderBy: [{ updatedAt: 'desc' }, { createdAt: 'desc' }],
    });
  }

  /** The period's report: the existing row (draft or submitted), or a new draft waiting at `firstStep`. */
  open(innovationId: string, periodKey: string, authorId: string, firstStep: string, now: Date): Promise<ReportRecord> {
    return this.db.progressReport.upsert({
      where: { innovationId_periodKey: { innovationId, periodKey } },
      create: { innovationId, periodKey, authorId, currentStep: firstStep, createdAt: now, updatedAt: now },
      update: {},
    });
  }

  update(reportId: string, patch: ReportPatch, now: Date): Promise<ReportRecord> {
    return this.db.progressReport.update({ where: { id: reportId }, data: { ...patch, updatedAt: now } });
  }

  attachments(reportId: string): Promise<AttachmentRecord[]> {
    return this.db.reportAttachment.findMany({ where: { reportId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  countAttachments(reportId: string): Promise<number> {
    return this.db.reportAttachment.count({ where: { reportId } });
  }

  addAttachment(
    reportId: string,
    file: Pick<AttachmentRecord, 'fileName' | 'mimeType' | 'size' | 'path'>,
    now: Date,
  ): Promise<AttachmentRecord> {
    return this.db.reportAttachment.create({ data: { reportId, ...file, createdAt: now } });
  }

  /** Marks a draft submitted; null when it was not a draft any more (submitted meanwhile on another channel). */
  async submit(reportId: string, now: Date): Promise<ReportRecord | null> {
    const changed = await this.db.progressReport.updateMany({
      where: { id: reportId, status: 'draft' },
      data: { status: 'submitted', submittedAt: now, currentStep: null, updatedAt: now },
    });
    return changed.count === 1 ? this.find(reportId) : null;
  }

  /**
   * "Sudah lapor": the person reported this period elsewhere (on paper, in another system). Creates the
   * period's row as submitted via 'declared', or marks an open chat draft submitted the same way (what was
   * written stays). A report already submitted is left as it is. Reminders call this from their button.
   */
  async declareSubmitted(innovationId: string, periodKey: string, userId: string, now: Date): Promise<ReportRecord> {
    const existing = await this.forPeriod(innovationId, periodKey);
    if (existing?.status === 'submitted') return existing;
    const submitted = { status: 'submitted', via: 'declared', submittedAt: now, currentStep: null, updatedAt: now };
    return this.db.progressReport.upsert({
      where: { innovationId_periodKey: { innovationId, periodKey } },
      create: { innovationId, periodKey, authorId: userId, ...submitted, createdAt: now },
      update: submitted,
    });
  }

  /** Whether the period's report is in (written in the chat or declared); reminders stop when it is. */
  async isSubmitted(innovationId: string, periodKey: string): Promise<boolean> {
    return (await this.forPeriod(innovationId, periodKey))?.status === 'submitted';
  }

  /** The keys of the periods an innovation has reported on. */
  async submittedKeys(innovationId: string): Promise<Set<string>> {
    const rows = await this.db.progressReport.findMany({ where: { innovationId, status: 'submitted' }, select: { periodKey: true } });
    return new Set(rows.map((r) => r.periodKey));
  }
}
