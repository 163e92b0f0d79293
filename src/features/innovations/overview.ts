import type { Context } from '../../core/context.js';
import { choice, type Choice, type Reply } from '../../core/messages.js';
import type { InnovationRecord, InnovationStatus } from '../../innovations/innovation.js';
import type { InnovationsDeps } from './deps.js';
import { INNOVATIONS_FEATURE } from './feature-name.js';
import { InnovationViews, todayOf, zoneOf } from './views.js';

/** How many innovations get a button in the list (WhatsApp lists grow long; the rest stay in the text). */
const LIST_BUTTONS = 8;
const DRAFT_BUTTONS = 3;
const ORDER: Readonly<Record<InnovationStatus, number>> = { active: 0, paused: 1, ended: 2, draft: 3 };

const pick = (payload: string, label: string): Choice => choice(INNOVATIONS_FEATURE, payload, label);

/**
 * What /inovasi shows someone who has innovations: the list with each one's next due date, one
 * innovation with what can be changed, and pausing, resuming and ending.
 */
export class InnovationOverview {
  private readonly views: InnovationViews;

  constructor(private readonly deps: InnovationsDeps) {
    this.views = new InnovationViews(deps.t);
  }

  /** The list, or undefined when the person has no innovation and no unfinished registration. */
  async list(ctx: Context): Promise<Reply[] | undefined> {
    const t = ctx.t;
    const all = await this.deps.store.listByOwner(ctx.user.id, { drafts: true });
    if (all.length === 0) return undefined;
    const items = all.filter((i) => i.status !== 'draft').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    const drafts = all.filter((i) => i.status === 'draft');
    const today = todayOf(ctx);
    const lines = items.length > 0 ? [t('innovations.list_title'), ...items.map((i, n) => this.views.listLine(i, n + 1, today))] : [];
    if (drafts.length > 0) lines.push('', t('innovations.list_draft', { names: drafts.map((d) => `"${this.views.name(d)}"`).join(', ') }));
    lines.push('', t('innovations.list_prompt'));
    const choices = [
      ...items.slice(0, LIST_BUTTONS).map((i) => pick(`open:${i.id}`, this.views.label(i))),
      ...drafts.slice(-DRAFT_BUTTONS).map((d) => pick(`resume:${d.id}`, this.views.label(d, 'innovations.choice.resume'))),
      pick('add', t('innovations.choice.add')),
    ];
    return [{ text: lines.join('\n').trim(), choices }];
  }

  /** One innovation: its summary and what can be changed in its current status. */
  show(ctx: Context, innovation: InnovationRecord, note?: string): Reply[] {
    const t = ctx.t;
    const id = innovation.id;
    const edits = [
      pick(`edit:${id}:stage`, t('innovations.choice.edit_stage')),
      pick(`edit:${id}:start`, t('innovations.choice.edit_start')),
      pick(`edit:${id}:cadence`, t('innovations.choice.edit_cadence')),
      ...(innovation.cadence === 'end_of_trial' ? [pick(`edit:${id}:trialEnd`, t('innovations.choice.edit_trial_end'))] : []),
      pick(`edit:${id}:opd`, t('innovations.choice.edit_opd')),
      pick(`edit:${id}:name`, t('innovations.choice.edit_name')),
    ];
    const back = pick('list', t('innovations.choice.list'));
    const unpause = pick(`unpause:${id}`, t('innovations.choice.resume_reminders'));
    const end = pick(`end:${id}`, t('innovations.choice.end'));
    const choices =
      innovation.status === 'ended'
        ? [unpause, back]
        : innovation.status === 'paused'
          ? [unpause, ...edits, end, back]
          : [...edits, pick(`pause:${id}`, t('innovations.choice.pause')), end, back];
    const summary = this.views.summary(innovation, todayOf(ctx), zoneOf(ctx));
    const text = [...(note ? [note, ''] : []), summary, '', t('innovations.edit_prompt')].join('\n');
    return [{ text, choices }];
  }

  endQuestion(ctx: Context, innovation: InnovationRecord): Reply[] {
    return [
      {
        text: ctx.t('innovations.end_question', { name: this.views.name(innovation) }),
        choices: [
          pick(`endok:${innovation.id}`, ctx.t('innovations.choice.end_confirm')),
          pick(`open:${innovation.id}`, ctx.t('innovations.choice.end_keep')),
        ],
      },
    ];
  }
}
