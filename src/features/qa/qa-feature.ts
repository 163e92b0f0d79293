import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { Answer } from '../../knowledge/answer/answer.js';
import type { Answerer } from '../../knowledge/answer/answerer.js';
import { PASSAGE_ACTION, suggestedPassages } from './suggested-passages.js';

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
    // None in a group (a pick there belongs to a private chat) nor inside another feature's flow that passed
    // the question on (profile): the flow's own menu must keep the numbers typed next.
    const offered = ctx.msg.conversation === 'group' || ctx.session.flow ? [] : suggestedPassages(answer, this.name, ctx.t);
    if (offered.length === 0) return [{ text: answer.text }];
    return [{ text: `${answer.text}\n\n${ctx.t('qa.suggested_intro')}`, choices: offered }];
  }

  /** A suggested passage picked: shown whole and cited, with the same passages offered again to read on. */
  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const sep = payload.indexOf(':');
    const answer = payload.slice(0, sep) === PASSAGE_ACTION ? this.answerer.passage(payload.slice(sep + 1)) : undefined;
    if (!answer) return [{ text: ctx.t('qa.suggested_gone') }];
    ctx.logger.info({ citations: answer.citations }, 'suggested passage read');
    const again = ctx.session.choices.filter((c) => c.id.startsWith(`${this.name}:${PASSAGE_ACTION}:`));
    return [{ text: answer.text, ...(again.length > 1 ? { choices: again } : {}) }];
  }
}
