import type { Db } from '../../db/client.js';
import type { Answer } from '../answer/answer.js';
import { gapWords, groupGaps, type GapGroup } from './gap-groups.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest question kept; a gap is recognisable from its start. */
const MAX_TEXT = 300;
/** Fewer content words than this is a greeting or a reply ("ok", "terima kasih"), not a question. */
const MIN_WORDS = 2;

export interface GapOptions {
  /** An answer below this confidence counts as a gap too ("answered, but unsure"). */
  lowConfidence: number;
  /** Questions older than this many days are deleted. */
  retentionDays: number;
}

export interface GapReport {
  total: number;
  groups: GapGroup[];
}

/**
 * The questions Pandu abstained on or answered with low confidence, so admins see what the knowledge base
 * lacks (/kb_celah). Only the question's text is kept (no sender, no user, long numbers and e-mail
 * addresses masked), and only for `retentionDays`.
 */
export class GapStore {
  constructor(
    private readonly db: Db,
    private readonly options: GapOptions,
  ) {}

  get retentionDays(): number {
    return this.options.retentionDays;
  }

  /** Records the question when the answer shows a gap; returns whether it did. */
  async noteAnswer(question: string, answer: Pick<Answer, 'kind' | 'confidence'>, now: Date): Promise<boolean> {
    const outcome = answer.kind === 'not_found' ? 'abstained' : answer.confidence < this.options.lowConfidence ? 'low' : undefined;
    if (!outcome || gapWords(question).length < MIN_WORDS) return false;
    const text = maskPersonal(question).trim().replace(/\s+/g, ' ').slice(0, MAX_TEXT);
    await this.db.kbGapQuestion.create({ data: { text, outcome, confidence: answer.confidence, createdAt: now } });
    return true;
  }

  /** The gaps of the last `days` days, grouped and counted. */
  async report(days: number, now: Date): Promise<GapReport> {
    const rows = await this.db.kbGapQuestion.findMany({
      where: { createdAt: { gte: new Date(now.getTime() - days * DAY_MS) } },
      orderBy: { createdAt: 'asc' },
      select: { text: true, outcome: true },
    });
    const questions = rows.map((r) => ({ text: r.text, outcome: r.outcome === 'low' ? ('low' as const) : ('abstained' as const) }));
    return { total: questions.length, groups: groupGaps(questions) };
  }

  /** Deletes questions older than the retention period; returns how many. */
  async prune(now: Date): Promise<number> {
    const result = await this.db.kbGapQuestion.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - this.options.retentionDays * DAY_MS) } } });
    return result.count;
  }
}

/** Identity numbers (NIK, NIP, phone numbers) and e-mail addresses are no part of what the base lacks. */
export function maskPersonal(text: string): string {
  return text.replace(/\S+@\S+\.\S+/g, '[email]').replace(/(?:\+?\d[\d\s.-]{6,}\d)/g, (m) => (m.replace(/\D/g, '').length >= 8 ? '[angka]' : m));
}
