import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { Answer } from '../../knowledge/answer/answer.js';
import type { Answerer } from '../../knowledge/answer/answerer.js';
import { firstSentences } from '../../knowledge/answer/fit-message.js';

/** Passages shown: the five the answer draws on and a few runners-up. */
const SHOWN_PASSAGES = 8;
const EXCERPT_CHARS = 160;

export interface UjiFeatureDeps {
  answerer: Answerer;
  /** The abstention threshold in force (RETRIEVAL_MIN_CONFIDENCE or the default). */
  threshold: number;
  t: Translate;
}

/**
 * /uji <pertanyaan>: what Pandu would answer, whether it would abstain, and the passages retrieval found
 * with their scores and citations, so an admin sees why. A test, not a question: it is not counted as
 * a knowledge gap.
 */
export class UjiFeature implements Feature {
  readonly name = 'uji';
  readonly role = 'admin' as const;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: UjiFeatureDeps) {
    this.summary = deps.t('kb_admin.uji.summary');
    this.commands = [
      {
        name: 'uji',
        description: deps.t('kb_admin.uji.command'),
        usage: deps.t('kb_admin.uji.usage'),
        run: async (ctx, args) => (args.trim() ? this.test(ctx, args.trim()) : [{ text: ctx.t('kb_admin.uji.ask') }]),
      },
    ];
  }

  private async test(ctx: Context, question: string): Promise<Reply[]> {
    const answer = await this.deps.answerer.answer(question, SHOWN_PASSAGES);
    ctx.logger.info({ kind: answer.kind, via: answer.via, confidence: Number(answer.confidence.toFixed(3)) }, 'question tested');
    return [
      { text: `${verdict(ctx.t, answer, this.deps.threshold)}\n\n${ctx.t('kb_admin.uji.answer_title')}\n${answer.text}` },
      { text: passages(ctx.t, answer) },
    ];
  }
}

function verdict(t: Translate, answer: Answer, threshold: number): string {
  const values = { confidence: answer.confidence.toFixed(2), threshold: threshold.toFixed(2), via: t(`kb_admin.uji.via.${answer.via}`) };
  return answer.kind === 'answer' ? t('kb_admin.uji.verdict_answer', values) : t('kb_admin.uji.verdict_abstain', values);
}

function passages(t: Translate, answer: Answer): string {
  if (answer.hits.length === 0) return t('kb_admin.uji.no_passages');
  const lines = answer.hits.slice(0, SHOWN_PASSAGES).map((hit, i) =>
    t('kb_admin.uji.passage', {
      rank: i + 1,
      score: hit.score.toFixed(2),
      bm25: hit.bm25.toFixed(1),
      similarity: hit.similarity.toFixed(2),
      citation: hit.chunk.citation,
      note: hit.chunk.amendment ? t('kb_admin.uji.amended', { by: hit.chunk.amendment.by }) : '',
      excerpt: excerpt(hit.chunk.text),
    }),
  );
  return [t('kb_admin.uji.passages_title'), ...lines].join('\n');
}

function excerpt(text: string): string {
  const first = firstSentences(text.replace(/\s+/g, ' ').trim(), 1);
  return first.length > EXCERPT_CHARS ? `${first.slice(0, EXCERPT_CHARS - 1)}…` : first;
}
