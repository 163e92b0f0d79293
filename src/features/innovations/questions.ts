import type { Context } from '../../core/context.js';
import { choice, type Choice, type Reply } from '../../core/messages.js';
import { dateHint } from '../../core/time/parse-hint.js';
import type { InnovationRecord } from '../../innovations/innovation.js';
import { STAGES } from '../../innovations/periods.js';
import { cadencesFor } from '../../innovations/words.js';
import { INNOVATIONS_FEATURE } from './feature-name.js';
import type { FlowState, Step } from './flow-state.js';
import { InnovationViews, todayOf, zoneOf } from './views.js';

const pick = (payload: string, label: string): Choice => choice(INNOVATIONS_FEATURE, payload, label);

/**
 * The question of each step, with its one-tap answers. Answer buttons carry the innovation's id, so a
 * button from an earlier conversation cannot change another innovation.
 */
export function stepQuestion(ctx: Context, step: Step, state: FlowState, innovation: InnovationRecord | undefined): Reply {
  const t = ctx.t;
  const views = new InnovationViews(t);
  const id = innovation?.id ?? '';
  const name = innovation ? views.name(innovation) : '';
  switch (step) {
    case 'name':
      if (innovation?.name && state.mode === 'register') {
        return { text: t('innovations.ask.name_prefilled', { name }), choices: [pick(`keepname:${id}`, t('innovations.choice.use_name'))] };
      }
      return { text: t('innovations.ask.name') };
    case 'opd': {
      const own = ctx.user.profile.opd;
      if (state.typingOpd || !own) return { text: t('innovations.ask.opd_other') };
      return {
        text: t('innovations.ask.opd', { name }),
        choices: [
          pick(`opd:${id}:profile`, t('innovations.choice.profile_opd', { opd: own })),
          pick(`opd:${id}:other`, t('innovations.choice.other_opd')),
        ],
      };
    }
    case 'stage':
      return {
        text: t('innovations.ask.stage', { name }),
        choices: STAGES.map((stage) => pick(`stage:${id}:${stage}`, t(`innovations.choice.stage.${stage}`))),
      };
    case 'start':
      return {
        text: t('innovations.ask.start', {
          stage: t(`time.stage.${innovation?.stage ?? 'usulan'}`),
          hint: dateHint(t, todayOf(ctx), 'past'),
        }),
        choices: [pick(`today:${id}`, t('innovations.choice.today'))],
      };
    case 'cadence':
      return {
        text: t('innovations.ask.cadence'),
        choices: cadencesFor(innovation?.stage ?? 'usulan').map((c) => pick(`cad:${id}:${c}`, t(`innovations.choice.cadence.${c}`))),
      };
    case 'trialEnd':
      return { text: t('innovations.ask.trial_end', { hint: dateHint(t, todayOf(ctx), 'future') }) };
    case 'confirm':
      return confirmQuestion(ctx, innovation!);
  }
}

/** The summary of a registration with its first due dates, to save or correct. */
function confirmQuestion(ctx: Context, innovation: InnovationRecord): Reply {
  const t = ctx.t;
  const views = new InnovationViews(t);
  const id = innovation.id;
  const choices = [
    pick(`save:${id}`, t('innovations.choice.save')),
    pick(`edit:${id}:name`, t('innovations.choice.edit_name')),
    pick(`edit:${id}:opd`, t('innovations.choice.edit_opd')),
    pick(`edit:${id}:stage`, t('innovations.choice.edit_stage')),
    pick(`edit:${id}:start`, t('innovations.choice.edit_start')),
    pick(`edit:${id}:cadence`, t('innovations.choice.edit_cadence')),
    ...(innovation.cadence === 'end_of_trial' ? [pick(`edit:${id}:trialEnd`, t('innovations.choice.edit_trial_end'))] : []),
    pick(`cancel:${id}`, t('innovations.choice.cancel')),
  ];
  const summary = views.summary(innovation, todayOf(ctx), zoneOf(ctx));
  return { text: `${t('innovations.confirm_title')}\n\n${summary}`, choices };
}
