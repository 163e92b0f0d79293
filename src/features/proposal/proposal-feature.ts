import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { IncomingFile, Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { PROPOSAL_FEATURE } from './feature-name.js';
import type { ProposalWizard } from './wizard/wizard.js';

/**
 * "I want to write a proposal", said as an intent rather than a question: a verb of making or continuing,
 * then "proposal". Questions ("bagaimana cara membuat proposal?") stay with the question answerer.
 */
const INTENT_RE =
  /^(?:(?:saya|aku|kami)\s+)?(?:mau|ingin|pengen|pingin|akan|ayo|mari|tolong|bantu(?:\s+saya)?)?\s*(?:bikin|buat|membuat|susun|menyusun|tulis|menulis|mulai|lanjut|lanjutkan|melanjutkan|isi|mengisi)\s+(?:draf\s+|draft\s+)?proposal\b/i;
const QUESTION_RE = /\?|(?<![\p{L}])(apa|apakah|bagaimana|gimana|berapa|siapa|kapan|mengapa|kenapa|dimana|di mana)(?![\p{L}])/iu;

/**
 * How long the wizard stays open between messages. A proposal is written over weeks (between other work,
 * waiting for data from colleagues); the draft itself is in the database, so the flow can rest this long and
 * the next message still continues the section the user was on, instead of being taken for a question.
 */
export const PROPOSAL_FLOW_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** The proposal wizard as the router sees it: commands, buttons, text while the wizard is open, and the intent. */
export class ProposalFeature implements Feature {
  readonly name = PROPOSAL_FEATURE;
  readonly flowTtlMs = PROPOSAL_FLOW_TTL_MS;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(
    private readonly wizard: ProposalWizard,
    t: Translate,
  ) {
    this.summary = t('proposal.summary');
    this.commands = [
      {
        name: 'proposal',
        description: t('proposal.command.proposal'),
        usage: t('proposal.command.proposal_usage'),
        privateOnly: true,
        run: (ctx: Context, args: string) => this.wizard.start(ctx, args),
      },
      {
        name: 'draf',
        description: t('proposal.command.draf'),
        aliases: ['draft'],
        privateOnly: true,
        run: (ctx: Context) => this.wizard.start(ctx, 'daftar'),
      },
    ];
  }

  onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    return this.wizard.onChoice(ctx, payload);
  }

  onText(ctx: Context, text: string): Promise<Reply[]> {
    return this.wizard.onText(ctx, text);
  }

  onFile(ctx: Context, _file: IncomingFile): Promise<Reply[]> {
    return this.wizard.onFile(ctx);
  }

  /** The wish to write a proposal, or a wizard word sent with no draft open (e.g. "lanjut" after "selesai"). */
  claims(text: string): boolean {
    return (INTENT_RE.test(text.trim()) && !QUESTION_RE.test(text)) || this.wizard.isDraftWord(text);
  }

  onClaim(ctx: Context, text: string): Promise<Reply[]> {
    return this.wizard.onClaim(ctx, text);
  }
}
