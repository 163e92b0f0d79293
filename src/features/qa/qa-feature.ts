import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { Answer } from '../../knowledge/answer/answer.js';
import type { Answerer } from '../../knowledge/answer/answerer.js';

/** Told of every answer to a person's question (the knowledge-gap log); its failure never costs the answer. */
export type AnswerObserver = (question: string, answer: Answer, now: Date) => Promise<unknown>;

/** Answers questions from the knowledge base; also the router's fallback for any free text. */
export class QaFeature implements Feature {
  readonly name = 'qa';
  readonly summary = undefined;
  readonly commands;

  constructor(
    private readonly answerer: Answerer,
    t: Translate,
    private readonly onAnswered?: AnswerObserver,
  ) {
    this.commands = [
      {
        name: 'tanya',
        description: t('qa.command'),
        usage: t('qa.usage'),
        run: async (ctx: Context, args: string): Promise<Reply[]> => {
          if (!args) return [{ text: ctx.t('qa.ask_prompt') }];
          return this.ask(ctx, args);
        },
      },
    ];
  }

  async ask(ctx: Context, question: string): Promise<Reply[]> {
    const answer = await this.answerer.answer(question);
    ctx.logger.info(
      { kind: answer.kind, via: answer.via, confidence: Number(answer.confidence.toFixed(3)), citations: answer.citations },
      'question answered',
    );
    if (this.onAnswered) {
      await this.onAnswered(question, answer, ctx.now).catch((error: unknown) =>
        ctx.logger.error({ err: error }, 'recording an unanswered question failed'),
      );
    }
    return [{ text: answer.text }];
  }
}
