import type { Context } from '../../core/context.js';
import type { Reply } from '../../core/messages.js';
import { compareDates, type LocalDate } from '../../core/time/local-date.js';
import { dateHint } from '../../core/time/parse-hint.js';
import { parseIndonesianDate } from '../../core/time/parse-date.js';
import type { InnovationPatch, InnovationRecord } from '../../innovations/innovation.js';
import { dateLabel } from '../../innovations/labels.js';
import { CadenceSchema, StageSchema, type Cadence, type Stage } from '../../innovations/periods.js';
import { cadencesFor, readCadence, readStage } from '../../innovations/words.js';
import { validOpd } from '../profile/profile-input.js';
import { looksLikeQuestion, opensWithQuestionWord } from '../proposal/wizard/looks-like-question.js';
import { scheduleChanged, type InnovationsDeps } from './deps.js';
import { STEPS, closeFlow, currentStep, enterStep, flowState, type FlowState, type Step } from './flow-state.js';
import { stepQuestion } from './questions.js';
import { InnovationViews, todayOf } from './views.js';

const CANCEL_RE = /^(?:batal|batalkan|stop|berhenti)$/i;
const CONFIRM_RE = /^(?:ya|iya|y|ok|oke|simpan|setuju|benar|betul|sudah benar)$/i;

/** The fields a person may change (the summary's "Ubah …" buttons). */
export type EditableField = Exclude<Step, 'confirm'>;

export function isEditableField(value: string): value is EditableField {
  return value !== 'confirm' && (STEPS as readonly string[]).includes(value);
}

/** Shows one innovation after a change (the overview's view), with a note on what was saved. */
export type ShowInnovation = (ctx: Context, innovation: InnovationRecord, note?: string) => Reply[];

/**
 * Registering an innovation question by question, and changing one field (and what depends on it) of an
 * existing one. Every answer is written to the Innovation row at once: a registration is a `draft` row
 * until confirmed, so nothing lives only in the session. Questions typed instead of an answer are answered
 * and the step is asked again.
 */
export class InnovationFlow {
  private readonly views: InnovationViews;

  constructor(
    private readonly deps: InnovationsDeps,
    private readonly show: ShowInnovation,
  ) {
    this.views = new InnovationViews(deps.t);
  }

  /** A new registration: the name first (or, with a prefilled draft, confirming its name). */
  begin(ctx: Context, draft?: InnovationRecord): Reply[] {
    const state: FlowState = { mode: 'register', innovationId: draft?.id ?? null };
    return [this.enter(ctx, 'name', state, draft)];
  }

  /** Continues a registration left unfinished: its name is known, the rest is asked again. */
  resume(ctx: Context, draft: InnovationRecord): Reply[] {
    const state: FlowState = { mode: 'register', innovationId: draft.id };
    return [this.enter(ctx, draft.name ? 'opd' : 'name', state, draft)];
  }

  /** Changes one field; a new stage also asks its start date and a cadence that fits it. */
  edit(ctx: Context, innovation: InnovationRecord, field: EditableField): Reply[] {
    return [this.enter(ctx, field, { mode: 'edit', innovationId: innovation.id, from: field }, innovation)];
  }

  async onText(ctx: Context, text: string): Promise<Reply[]> {
    const state = flowState(ctx.session);
    const step = currentStep(ctx.session);
    if (!state || !step) {
      closeFlow(ctx.session);
      return this.deps.ask(ctx, text);
    }
    const innovation = state.innovationId ? await this.deps.store.owned(ctx.user.id, state.innovationId) : undefined;
    if (state.innovationId && !innovation) {
      closeFlow(ctx.session);
      return [{ text: ctx.t('common.choice_expired') }];
    }
    if (CANCEL_RE.test(text.trim())) return this.cancel(ctx, state, innovation);
    const answer = await this.readText(ctx, step, state, innovation, text);
    if (answer) return answer;
    if (isQuestion(text)) return this.answerQuestion(ctx, step, state, innovation, text);
    return [{ text: this.invalidText(ctx, step, text) }, stepQuestion(ctx, step, state, innovation)];
  }

  /** An answer picked from the step's buttons; only the step the flow waits for, on its own innovation. */
  async onAnswerChoice(ctx: Context, action: string, id: string, value: string): Promise<Reply[]> {
    const state = flowState(ctx.session);
    const step = currentStep(ctx.session);
    const expected: Record<string, Step> = { keepname: 'name', opd: 'opd', stage: 'stage', today: 'start', cad: 'cadence' };
    const innovation = await this.deps.store.owned(ctx.user.id, id);
    if (!state || !innovation || state.innovationId !== id || step !== expected[action]) return [{ text: ctx.t('common.choice_expired') }];
    switch (action) {
      case 'keepname':
        return this.next(ctx, state, 'name', innovation, ctx.t('innovations.saved.name', { name: this.views.name(innovation) }));
      case 'opd':
        if (value === 'profile' && ctx.user.profile.opd) return this.saveOpd(ctx, state, innovation, ctx.user.profile.opd);
        enterStep(ctx.session, 'opd', { ...state, typingOpd: true });
        return [{ text: ctx.t('innovations.ask.opd_other') }];
      case 'stage': {
        const stage = StageSchema.safeParse(value);
        return stage.success ? this.saveStage(ctx, state, innovation, stage.data) : [{ text: ctx.t('common.choice_expired') }];
      }
      case 'today':
        return this.saveStart(ctx, state, innovation, todayOf(ctx));
      default: {
        const cadence = CadenceSchema.safeParse(value);
        return cadence.success ? this.saveCadence(ctx, state, innovation, cadence.data) : [{ text: ctx.t('common.choice_expired') }];
      }
    }
  }

  /** "Simpan" under the summary: the registration becomes an active innovation with its reminders. */
  async confirm(ctx: Context, id: string): Promise<Reply[]> {
    const draft = await this.deps.store.owned(ctx.user.id, id);
    if (!draft || draft.status !== 'draft') return [{ text: ctx.t('common.choice_expired') }];
    // The region is the owner's, as it stands when the innovation is saved.
    const saved = await this.deps.store.update(id, { status: 'active', region: ctx.user.profile.region });
    closeFlow(ctx.session);
    ctx.logger.info({ innovation: id, cadence: saved.cadence, stage: saved.stage }, 'innovation registered');
    await scheduleChanged(this.deps, ctx, saved.id);
    return [{ text: ctx.t('innovations.created', { name: this.views.name(saved) }) }];
  }

  async discard(ctx: Context, id: string): Promise<Reply[]> {
    await this.deps.store.discardDraft(ctx.user.id, id);
    closeFlow(ctx.session);
    return [{ text: ctx.t('innovations.cancelled') }];
  }

  /** Saves what the person typed when it answers the step; undefined when it does not. */
  private async readText(ctx: Context, step: Step, state: FlowState, innovation: InnovationRecord | undefined, text: string) {
    const clean = text.trim();
    switch (step) {
      case 'name':
        return validName(clean) && !isQuestion(clean) ? this.saveName(ctx, state, innovation, clean) : undefined;
      case 'opd':
        return innovation && validOpd(clean) && !isQuestion(clean) ? this.saveOpd(ctx, state, innovation, clean) : undefined;
      case 'stage': {
        const stage = readStage(clean);
        return innovation && stage ? this.saveStage(ctx, state, innovation, stage) : undefined;
      }
      case 'cadence': {
        const cadence = readCadence(clean);
        return innovation && cadence && cadencesFor(innovation.stage).includes(cadence)
          ? this.saveCadence(ctx, state, innovation, cadence)
          : undefined;
      }
      case 'start':
      case 'trialEnd': {
        const parsed = parseIndonesianDate(clean, { today: todayOf(ctx), prefer: step === 'start' ? 'past' : 'future' });
        if (!innovation || !parsed.ok) return undefined;
        return step === 'start'
          ? this.saveStart(ctx, state, innovation, parsed.date)
          : this.saveTrialEnd(ctx, state, innovation, parsed.date);
      }
      case 'confirm':
        return innovation && CONFIRM_RE.test(clean) ? this.confirm(ctx, innovation.id) : undefined;
    }
  }

  private invalidText(ctx: Context, step: Step, text: string): string {
    const t = ctx.t;
    switch (step) {
      case 'start':
      case 'trialEnd':
        return t('innovations.invalid.date', {
          text: text.trim().slice(0, 40),
          hint: dateHint(t, todayOf(ctx), step === 'start' ? 'past' : 'future'),
        });
      default:
        return t(`innovations.invalid.${step}`);
    }
  }

  private async answerQuestion(
    ctx: Context,
    step: Step,
    state: FlowState,
    innovation: InnovationRecord | undefined,
    text: string,
  ): Promise<Reply[]> {
    const answer = await this.deps.ask(ctx, text);
    const question = stepQuestion(ctx, step, state, innovation);
    return [...answer, { ...question, text: ctx.t('innovations.still_waiting', { question: question.text }) }];
  }

  private async saveName(ctx: Context, state: FlowState, innovation: InnovationRecord | undefined, name: string): Promise<Reply[]> {
    const saved = innovation
      ? await this.change(ctx, innovation, { name })
      : await this.deps.store.create({
          ownerId: ctx.user.id,
          name,
          opd: ctx.user.profile.opd ?? '',
          region: ctx.user.profile.region,
          startDate: todayOf(ctx),
          status: 'draft',
          source: 'chat',
        });
    return this.next(ctx, { ...state, innovationId: saved.id }, 'name', saved, ctx.t('innovations.saved.name', { name }));
  }

  private async saveOpd(ctx: Context, state: FlowState, innovation: InnovationRecord, opd: string): Promise<Reply[]> {
    const saved = await this.change(ctx, innovation, { opd });
    return this.next(ctx, { ...state, typingOpd: false }, 'opd', saved, ctx.t('innovations.saved.opd', { opd: saved.opd }));
  }

  private async saveStage(ctx: Context, state: FlowState, innovation: InnovationRecord, stage: Stage): Promise<Reply[]> {
    const saved = await this.change(ctx, innovation, { stage });
    return this.next(ctx, state, 'stage', saved, ctx.t('innovations.saved.stage', { stage: ctx.t(`time.stage.${stage}`) }));
  }

  private async saveStart(ctx: Context, state: FlowState, innovation: InnovationRecord, date: LocalDate): Promise<Reply[]> {
    const saved = await this.change(ctx, innovation, { startDate: date });
    return this.next(ctx, state, 'start', saved, ctx.t('innovations.saved.start', { date: dateLabel(ctx.t, date) }));
  }

  private async saveCadence(ctx: Context, state: FlowState, innovation: InnovationRecord, cadence: Cadence): Promise<Reply[]> {
    const saved = await this.change(ctx, innovation, { cadence });
    return this.next(ctx, state, 'cadence', saved, ctx.t('innovations.saved.cadence', { cadence: ctx.t(`time.cadence.${cadence}`) }));
  }

  private async saveTrialEnd(ctx: Context, state: FlowState, innovation: InnovationRecord, date: LocalDate): Promise<Reply[]> {
    if (compareDates(date, innovation.startDate) <= 0) {
      const text = ctx.t('innovations.invalid.trial_end_before_start', {
        start: dateLabel(ctx.t, innovation.startDate),
        hint: dateHint(ctx.t, todayOf(ctx), 'future'),
      });
      return [{ text }];
    }
    const saved = await this.change(ctx, innovation, { trialEndDate: date });
    return this.next(ctx, state, 'trialEnd', saved, ctx.t('innovations.saved.trial_end', { date: dateLabel(ctx.t, date) }));
  }

  /** Writes a change at once; a change to a confirmed innovation goes to the reminder planner too. */
  private async change(ctx: Context, innovation: InnovationRecord, patch: InnovationPatch): Promise<InnovationRecord> {
    const saved = await this.deps.store.update(innovation.id, patch);
    if (saved.status !== 'draft') await scheduleChanged(this.deps, ctx, saved.id);
    return saved;
  }

  /** After a saved answer: the next question, the summary to confirm, or back to the innovation. */
  private next(ctx: Context, state: FlowState, saved: Step, innovation: InnovationRecord, confirmation: string): Reply[] {
    const step = nextStep(state, saved, innovation);
    if (step) {
      const question = this.enter(ctx, step, state, innovation);
      return [{ ...question, text: `${confirmation}\n\n${question.text}` }];
    }
    closeFlow(ctx.session);
    return this.show(ctx, innovation, confirmation);
  }

  private enter(ctx: Context, step: Step, state: FlowState, innovation: InnovationRecord | undefined): Reply {
    enterStep(ctx.session, step, state);
    return stepQuestion(ctx, step, state, innovation);
  }

  private async cancel(ctx: Context, state: FlowState, innovation: InnovationRecord | undefined): Promise<Reply[]> {
    if (innovation && innovation.status !== 'draft') {
      closeFlow(ctx.session);
      return this.show(ctx, innovation);
    }
    if (innovation) return this.discard(ctx, innovation.id);
    closeFlow(ctx.session);
    return [{ text: ctx.t('innovations.cancelled') }];
  }
}

const REGISTER_ORDER: readonly Step[] = ['name', 'opd', 'stage', 'start', 'cadence', 'trialEnd', 'confirm'];

/**
 * Where a flow goes after `saved`: a registration walks every step (the uji coba's end only for the
 * end-of-trial cadence); a change stops after its field, except that a new stage asks its start date and
 * cadence. A draft always comes back to the summary to confirm. Undefined: done.
 */
export function nextStep(state: FlowState, saved: Step, innovation: InnovationRecord): Step | undefined {
  if (saved === 'cadence' && innovation.cadence === 'end_of_trial') return 'trialEnd';
  if (state.mode === 'register') {
    const after = REGISTER_ORDER[REGISTER_ORDER.indexOf(saved) + 1];
    return after === 'trialEnd' ? 'confirm' : after;
  }
  if (saved === 'stage') return 'start';
  if (saved === 'start' && state.from === 'stage') return 'cadence';
  return innovation.status === 'draft' ? 'confirm' : undefined;
}

/** An innovation's name: 3–120 characters with at least two letters. */
function validName(text: string): boolean {
  return text.length >= 3 && text.length <= 120 && (text.match(/\p{L}/gu)?.length ?? 0) >= 2;
}

function isQuestion(text: string): boolean {
  return looksLikeQuestion(text) || opensWithQuestionWord(text);
}
