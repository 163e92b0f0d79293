import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../core/time/local-date.js';
import { CadenceSchema, StageSchema, type Cadence, type Schedule, type Stage } from './periods.js';

/**
 * Where an innovation is in Pandu's hands. `draft`: being registered with /inovasi (each answer is saved at
 * once, so a half-finished registration survives a restart); no reports are due and no reminders go out
 * until it is confirmed. `active`: reports are due and reminded. `paused`: kept, no reminders for now.
 * `ended`: finished or stopped; no more reminders.
 */
export const INNOVATION_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export const InnovationStatusSchema = z.enum(INNOVATION_STATUSES);
export type InnovationStatus = z.infer<typeof InnovationStatusSchema>;

/** How it reached Pandu: registered in the chat, offered by a finished proposal, or imported from a spreadsheet. */
export const SOURCES = ['chat', 'proposal', 'import'] as const;
export const SourceSchema = z.enum(SOURCES);
export type InnovationSource = z.infer<typeof SourceSchema>;

const LocalDateSchema = z.string().refine(isLocalDate, 'not a local date (YYYY-MM-DD)');

/** An Innovation row as the rest of the code sees it: stage, cadence and status checked, dates as local dates. */
export const InnovationRowSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  opd: z.string(),
  opdKey: z.string(),
  region: z.string().nullable(),
  regionKey: z.string().nullable(),
  stage: StageSchema,
  startDate: LocalDateSchema,
  trialEndDate: LocalDateSchema.nullable(),
  cadence: CadenceSchema,
  dueDay: z.number().int(),
  remindHour: z.number().int(),
  remindDaysBefore: z.number().int(),
  status: InnovationStatusSchema,
  source: SourceSchema,
  proposalDraftId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type InnovationRecord = z.infer<typeof InnovationRowSchema>;

/** What /inovasi and the import may change; every field is saved the moment it is given. */
export interface InnovationPatch {
  name?: string;
  opd?: string;
  region?: string | null;
  stage?: Stage;
  startDate?: LocalDate;
  trialEndDate?: LocalDate | null;
  cadence?: Cadence;
  status?: InnovationStatus;
}

/** The reporting schedule of an innovation (see periods.ts). */
export function scheduleOf(innovation: InnovationRecord): Schedule {
  return {
    cadence: innovation.cadence,
    startDate: innovation.startDate,
    trialEndDate: innovation.trialEndDate,
    dueDay: innovation.dueDay,
  };
}
