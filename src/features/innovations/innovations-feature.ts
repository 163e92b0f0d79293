import type { CommandSpec } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { InnovationRecord, InnovationStatus } from '../../innovations/innovation.js';
import { scheduleChanged, type InnovationsDeps } from './deps.js';
import { INNOVATIONS_FEATURE } from './feature-name.js';
import { closeFlow } from './flow-state.js';
import { InnovationFlow, isEditableField } from './flow.js';
import { InnovationOverview } from './overview.js';
import { InnovationViews, todayOf } from './views.js';

/**
 * A registration rests for weeks between answers at most; the draft row holds every answer, so the flow
 * can stay open this long and an answer sent days later still lands where it belongs.
 */
export const INNOVATIONS_FLOW_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const COMMAND = '/inovasi';

/**
 * /inovasi: register the innovations a person reports on (name, OPD, stage, start date, cadence), see
 * them with their next due dates, and change, pause or end them. The reminder planner is told through
 * `onScheduleChanged` whenever a schedule may have changed.
 */
export class InnovationsFeature implements Feature {
  readonly name = INNOVATIONS_FEATURE;
  readonly flowTtlMs = INNOVATIONS_FLOW_TTL_MS;
  readonly summary: string;
  readonly commands: CommandSpec[];
  private readonly overview: InnovationOverview;
  private readonly flow: InnovationFlow;
  private readonly views: InnovationViews;

  constructor(private readonly deps: InnovationsDeps) {
    this.summary = deps.t('innovations.summary');
    this.overview = new InnovationOverview(deps);
    this.flow = new InnovationFlow(deps, (ctx, innovation, note) => this.overview.show(ctx, innovation, note));
    this.views = new InnovationViews(deps.t);
    this.commands = [{ name: 'inovasi', description: deps.t('innovations.command'), privateOnly: true, run: (ctx) => this.start(ctx) }];
  }

  onText(ctx: Context, text: string): Promise<Reply[]> {
    return this.flow.onText(ctx, text);
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action = '', id = '', value = ''] = payload.split(':');
    switch (action) {
      case 'add':
        return (await this.deps.requireProfile(ctx, COMMAND)) ?? this.flow.begin(ctx);
      case 'list':
        closeFlow(ctx.session);
        return this.start(ctx);
      case 'from':
        return this.fromProposal(ctx, id);
      case 'keepname':
      case 'opd':
      case 'stage':
      case 'today':
      case 'cad':
        return this.flow.onAnswerChoice(ctx, action, id, value);
      case 'save':
        return this.flow.confirm(ctx, id);
      case 'cancel':
        return this.flow.discard(ctx, id);
    }
    const innovation = await this.deps.store.owned(ctx.user.id, id);
    if (!innovation) return [{ text: ctx.t('common.choice_expired') }];
    closeFlow(ctx.session);
    switch (action) {
      case 'resume':
      case 'open':
        return innovation.status === 'draft' ? this.flow.resume(ctx, innovation) : this.overview.show(ctx, innovation);
      case 'edit':
        return isEditableField(value) ? this.flow.edit(ctx, innovation, value) : [{ text: ctx.t('common.choice_expired') }];
      case 'pause':
        return this.setStatus(ctx, innovation, 'paused', 'innovations.paused');
      case 'unpause':
        return this.setStatus(ctx, innovation, 'active', 'innovations.resumed');
      case 'end':
        return this.overview.endQuestion(ctx, innovation);
      case 'endok':
        return this.setStatus(ctx, innovation, 'ended', 'innovations.ended');
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  /** /inovasi: the profile first, then the list, or straight into a first registration. */
  private async start(ctx: Context): Promise<Reply[]> {
    const missing = await this.deps.requireProfile(ctx, COMMAND);
    if (missing) return missing;
    closeFlow(ctx.session);
    return (await this.overview.list(ctx)) ?? this.flow.begin(ctx);
  }

  /**
   * "Daftarkan sebagai inovasi" under a finished proposal: a registration named after the proposal's title.
   * The draft row is made first, so the link to the proposal survives a detour through the profile.
   */
  private async fromProposal(ctx: Context, proposalDraftId: string): Promise<Reply[]> {
    const known = await this.deps.store.findByProposal(ctx.user.id, proposalDraftId);
    if (known && known.status !== 'draft') return this.overview.show(ctx, known, ctx.t('innovations.from_proposal_known'));
    const title = known ? known.name : await this.deps.store.finishedProposalTitle(ctx.user.id, proposalDraftId);
    if (title === undefined) return [{ text: ctx.t('common.choice_expired') }];
    const draft =
      known ??
      (await this.deps.store.create({
        ownerId: ctx.user.id,
        name: title ?? '',
        opd: ctx.user.profile.opd ?? '',
        region: ctx.user.profile.region,
        startDate: todayOf(ctx),
        status: 'draft',
        source: 'proposal',
        proposalDraftId,
      }));
    return (await this.deps.requireProfile(ctx, COMMAND)) ?? this.flow.begin(ctx, draft);
  }

  private async setStatus(ctx: Context, innovation: InnovationRecord, status: InnovationStatus, message: string): Promise<Reply[]> {
    if (innovation.status === 'draft') return [{ text: ctx.t('common.choice_expired') }];
    const saved = await this.deps.store.update(innovation.id, { status });
    await scheduleChanged(this.deps, ctx, saved.id);
    ctx.logger.info({ innovation: saved.id, status }, 'innovation status changed');
    return this.overview.show(ctx, saved, ctx.t(message, { name: this.views.name(saved) }));
  }
}
