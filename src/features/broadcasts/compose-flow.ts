import type { AudienceCount } from '../../broadcasts/broadcast-contract.js';
import type { Context } from '../../core/context.js';
import { choice, type Choice, type IncomingFile, type Reply } from '../../core/messages.js';
import { STAGES, StageSchema } from '../../innovations/periods.js';
import { zoneLabel } from '../../people/regions/zones.js';
import { sizeLabel } from '../reports/report-views.js';
import { matchTypedOpd, matchTypedRegion, opdsWithin, placesInScope, type Places } from './audience-places.js';
import { scopesOf, zoneOf, type BroadcastFeatureDeps } from './broadcast-deps.js';
import { DocumentRefusedError } from './draft-document.js';
import { BROADCAST_FEATURE, cleanAudience, endDraft, saveDraft, type Draft, type PlaceOption } from './draft-state.js';
import { refusalReply } from './error-reply.js';
import { whenLabel } from './report-view.js';
import { parseScheduleText } from './schedule-input.js';

/** Region or OPD buttons offered at once; the rest are reached by typing a name. */
const OPTIONS_SHOWN = 8;
const SKIP_WORDS = /^(lanjut|lanjutkan|tidak|tidak ada|tanpa lampiran|tanpa dokumen|skip|ga|gak|nggak|enggak)$/i;

const c = (payload: string, label: string): Choice => choice(BROADCAST_FEATURE, payload, label);

/**
 * /umumkan: write the announcement (and attach a document), choose who gets it with filters added one by
 * one, see how many it reaches on each channel, preview it as recipients will see it, then send now or at
 * a time, after a confirmation. Every step lives in the session, so a restart of Pandu loses nothing.
 */
export class ComposeFlow {
  constructor(private readonly deps: BroadcastFeatureDeps) {}

  async start(ctx: Context, args: string): Promise<Reply[]> {
    const { t } = ctx;
    const scopes = await scopesOf(this.deps, ctx);
    if (scopes && scopes.length === 0) return [{ text: t('broadcast.no_scope') }];
    this.discard(ctx);
    const draft: Draft = { audience: {}, names: {}, offered: [] };
    if (args) return this.textGiven(ctx, draft, args);
    saveDraft(ctx, draft, 'text');
    return [{ text: t('broadcast.ask_text'), choices: [c('stop', t('broadcast.choice.stop'))] }];
  }

  async onText(ctx: Context, draft: Draft, text: string): Promise<Reply[]> {
    const { t } = ctx;
    switch (ctx.session.step) {
      case 'text':
        return this.textGiven(ctx, draft, text);
      case 'attach':
        if (SKIP_WORDS.test(text.trim())) return this.audienceMenu(ctx, draft);
        return [{ text: t('broadcast.attach_waiting'), choices: this.attachChoices(ctx, draft) }];
      case 'region':
        return this.regionTyped(ctx, draft, text);
      case 'opd':
        return this.opdTyped(ctx, draft, text);
      case 'when':
        return this.whenTyped(ctx, draft, text);
      case 'preview':
        return this.preview(ctx, draft, t('broadcast.use_choices'));
      case 'confirm':
        return this.confirm(ctx, draft, t('broadcast.use_choices'));
      default:
        return this.audienceMenu(ctx, draft, t('broadcast.use_choices'));
    }
  }

  async onFile(ctx: Context, draft: Draft, file: IncomingFile): Promise<Reply[]> {
    const { t } = ctx;
    if (ctx.session.step !== 'text' && ctx.session.step !== 'attach') return [{ text: t('broadcast.document.not_now') }];
    const { documents } = this.deps;
    try {
      const stored = await documents.save(ctx.user.id, file);
      documents.remove(draft.document);
      draft.document = stored;
      ctx.logger.info({ size: stored.size, mimeType: stored.mimeType }, 'broadcast document attached');
    } catch (error) {
      if (!(error instanceof DocumentRefusedError)) throw error;
      ctx.logger.warn({ err: error, reason: error.reason }, 'broadcast document refused');
      const text = t(`broadcast.document.${error.reason}`, {
        name: error.fileName,
        size: error.size !== undefined ? sizeLabel(error.size) : '',
        limit: sizeLabel(documents.maxBytes),
      });
      return [{ text, choices: ctx.session.step === 'attach' ? this.attachChoices(ctx, draft) : [c('stop', t('broadcast.choice.stop'))] }];
    }
    const saved = t('broadcast.document.saved', { name: draft.document.fileName, size: sizeLabel(draft.document.size) });
    if (!draft.text) {
      saveDraft(ctx, draft, 'text');
      return [{ text: `${saved}\n${t('broadcast.ask_text_after_document')}`, choices: [c('stop', t('broadcast.choice.stop'))] }];
    }
    return this.audienceMenu(ctx, draft, saved);
  }

  async onChoice(ctx: Context, draft: Draft, action: string, arg: string): Promise<Reply[]> {
    const { t } = ctx;
    switch (action) {
      case 'skipdoc':
        return this.audienceMenu(ctx, draft);
      case 'region':
        return this.offerRegions(ctx, draft);
      case 'opd':
        return this.offerOpds(ctx, draft);
      case 'stages':
        saveDraft(ctx, draft, 'audience');
        return [
          {
            text: t('broadcast.ask_stage'),
            choices: [
              ...STAGES.filter((s) => !draft.audience.stages?.includes(s)).map((s) => c(`stage:${s}`, t(`broadcast.stage.${s}`))),
              c('aud', t('broadcast.choice.back')),
            ],
          },
        ];
      case 'stage': {
        const stage = StageSchema.safeParse(arg);
        if (!stage.success) return [{ text: t('common.choice_expired') }];
        draft.audience.stages = [...new Set([...(draft.audience.stages ?? []), stage.data])];
        return this.audienceMenu(ctx, draft);
      }
      case 'overdue':
        draft.audience.overdueOnly = !draft.audience.overdueOnly;
        return this.audienceMenu(ctx, draft);
      case 'all':
        draft.audience = {};
        draft.names = {};
        return this.audienceMenu(ctx, draft);
      case 'pick':
        return this.picked(ctx, draft, Number(arg));
      case 'aud':
        return this.audienceMenu(ctx, draft);
      case 'next':
        return this.preview(ctx, draft);
      case 'now':
        delete draft.at;
        return this.confirm(ctx, draft);
      case 'schedule':
        saveDraft(ctx, draft, 'when');
        return [{ text: t('broadcast.ask_when', { zone: zoneLabel(zoneOf(ctx)) }), choices: [c('stop', t('broadcast.choice.stop'))] }];
      case 'edittext':
        saveDraft(ctx, draft, 'text');
        return [{ text: t('broadcast.ask_text_again'), choices: [c('stop', t('broadcast.choice.stop'))] }];
      case 'confirm':
        return this.create(ctx, draft);
      case 'stop':
        return this.stop(ctx);
      default:
        return [{ text: t('common.choice_expired') }];
    }
  }

  /** Ends /umumkan without sending anything. */
  stop(ctx: Context): Reply[] {
    this.discard(ctx);
    return [{ text: ctx.t('broadcast.stopped') }];
  }

  private async textGiven(ctx: Context, draft: Draft, text: string): Promise<Reply[]> {
    const { t } = ctx;
    draft.text = text.trim();
    saveDraft(ctx, draft, 'attach');
    const key = draft.document ? 'broadcast.ask_document_replace' : 'broadcast.ask_document';
    return [
      {
        text: t(key, { name: draft.document?.fileName ?? '', limit: sizeLabel(this.deps.documents.maxBytes) }),
        choices: this.attachChoices(ctx, draft),
      },
    ];
  }

  private attachChoices(ctx: Context, draft: Draft): Choice[] {
    const { t } = ctx;
    return [
      c('skipdoc', t(draft.document ? 'broadcast.choice.continue' : 'broadcast.choice.no_document')),
      c('stop', t('broadcast.choice.stop')),
    ];
  }

  private async audienceMenu(ctx: Context, draft: Draft, notice?: string): Promise<Reply[]> {
    const { t } = ctx;
    saveDraft(ctx, { ...draft, offered: [] }, 'audience');
    const audience = cleanAudience(draft.audience);
    const count = await this.deps.service.count(ctx.user.id, audience);
    const filtered = Object.keys(audience).length > 0;
    const lines = [
      ...(notice ? [notice, ''] : []),
      t('broadcast.audience.title'),
      t('broadcast.audience.current', { audience: this.describe(ctx, draft) }),
      countText(ctx, count),
      '',
      t('broadcast.audience.hint'),
    ];
    const choices = [
      c('region', t('broadcast.choice.region')),
      c('opd', t('broadcast.choice.opd')),
      c('stages', t('broadcast.choice.stage')),
      c('overdue', t(draft.audience.overdueOnly ? 'broadcast.choice.overdue_off' : 'broadcast.choice.overdue_on')),
      ...(filtered ? [c('all', t('broadcast.choice.everyone'))] : []),
      c('next', t('broadcast.choice.next')),
      c('stop', t('broadcast.choice.stop')),
    ];
    return [{ text: lines.join('\n'), choices }];
  }

  /** "Kabupaten Bantul · OPD Dinas Kesehatan — Kabupaten Bantul · tahap uji coba · laporan terlambat". */
  private describe(ctx: Context, draft: Draft): string {
    const { t } = ctx;
    const { audience, names } = draft;
    const parts: string[] = [];
    if (audience.regionKeys?.length)
      parts.push(t('broadcast.filter.regions', { names: audience.regionKeys.map((k) => names[k] ?? k).join(', ') }));
    if (audience.opds?.length) parts.push(t('broadcast.filter.opds', { names: audience.opds.map((k) => names[k] ?? k).join(', ') }));
    if (audience.stages?.length)
      parts.push(t('broadcast.filter.stages', { names: audience.stages.map((s) => t(`time.stage.${s}`)).join(', ') }));
    if (audience.overdueOnly) parts.push(t('broadcast.filter.overdue'));
    return parts.length > 0 ? parts.join('; ') : t('broadcast.filter.everyone');
  }

  private async places(ctx: Context): Promise<Places> {
    return placesInScope(this.deps.db, await scopesOf(this.deps, ctx), ctx.user.id);
  }

  private async offerRegions(ctx: Context, draft: Draft): Promise<Reply[]> {
    const { regions } = await this.places(ctx);
    const open = regions.filter((r) => !draft.audience.regionKeys?.includes(r.value));
    if (open.length === 0) return this.audienceMenu(ctx, draft, ctx.t('broadcast.no_regions'));
    return this.offer(ctx, draft, 'region', open);
  }

  private async offerOpds(ctx: Context, draft: Draft): Promise<Reply[]> {
    const { opds } = await this.places(ctx);
    const open = opdsWithin(opds, draft.audience.regionKeys).filter((o) => !draft.audience.opds?.includes(o.value));
    if (open.length === 0) return this.audienceMenu(ctx, draft, ctx.t('broadcast.no_opds'));
    return this.offer(ctx, draft, 'opd', open);
  }

  /** Region or OPD buttons (the first few); the rest can be typed. */
  private offer(ctx: Context, draft: Draft, step: 'region' | 'opd', options: PlaceOption[], notice?: string): Reply[] {
    const { t } = ctx;
    const shown = options.slice(0, OPTIONS_SHOWN);
    saveDraft(ctx, { ...draft, offered: shown }, step);
    const more = options.length > shown.length ? `\n${t('broadcast.options_more', { count: options.length - shown.length })}` : '';
    return [
      {
        text: `${notice ? `${notice}\n` : ''}${t(`broadcast.ask_${step}`)}${more}`,
        choices: [...shown.map((o, i) => c(`pick:${i}`, o.label)), c('aud', t('broadcast.choice.back'))],
      },
    ];
  }

  private async picked(ctx: Context, draft: Draft, index: number): Promise<Reply[]> {
    const option = Number.isInteger(index) ? draft.offered[index] : undefined;
    const step = ctx.session.step;
    if (!option || (step !== 'region' && step !== 'opd')) return [{ text: ctx.t('common.choice_expired') }];
    return this.add(ctx, draft, step, [option]);
  }

  private add(ctx: Context, draft: Draft, step: 'region' | 'opd', options: PlaceOption[]): Promise<Reply[]> {
    const key = step === 'region' ? 'regionKeys' : 'opds';
    draft.audience[key] = [...new Set([...(draft.audience[key] ?? []), ...options.map((o) => o.value)])];
    for (const o of options) draft.names[o.value] = o.label;
    return this.audienceMenu(ctx, draft);
  }

  private async regionTyped(ctx: Context, draft: Draft, text: string): Promise<Reply[]> {
    const { regions } = await this.places(ctx);
    const found = matchTypedRegion(text, regions);
    if (found.length === 0) return this.offer(ctx, draft, 'region', regions, ctx.t('broadcast.region_unknown', { text: text.trim() }));
    return this.add(ctx, draft, 'region', found);
  }

  private async opdTyped(ctx: Context, draft: Draft, text: string): Promise<Reply[]> {
    const { opds } = await this.places(ctx);
    const within = opdsWithin(opds, draft.audience.regionKeys);
    const found = matchTypedOpd(text, within);
    if (found.length === 0) return this.offer(ctx, draft, 'opd', within, ctx.t('broadcast.opd_unknown', { text: text.trim() }));
    // A part of a name that fits several OPDs: let the coordinator pick rather than take them all.
    const partial = found.length > 1 && new Set(found.map((o) => o.value.slice(o.value.indexOf('/') + 1))).size > 1;
    if (partial) return this.offer(ctx, draft, 'opd', found, ctx.t('broadcast.opd_several', { text: text.trim() }));
    return this.add(ctx, draft, 'opd', found);
  }

  private async preview(ctx: Context, draft: Draft, notice?: string): Promise<Reply[]> {
    const { t } = ctx;
    if (!draft.text) {
      saveDraft(ctx, draft, 'text');
      return [{ text: t('broadcast.ask_text'), choices: [c('stop', t('broadcast.choice.stop'))] }];
    }
    const count = await this.deps.service.count(ctx.user.id, cleanAudience(draft.audience));
    if (count.telegram + count.whatsapp === 0) return this.audienceMenu(ctx, draft, t('broadcast.error.empty_audience'));
    saveDraft(ctx, draft, 'preview');
    const replies: Reply[] = [];
    if (notice) replies.push({ text: notice });
    const channels = (['telegram', 'whatsapp'] as const).filter((ch) => count[ch] > 0);
    const previews = channels.map((ch) => ({ channel: ch, parts: this.deps.service.preview(draft.text!, ch) }));
    const same = previews.length === 2 && JSON.stringify(previews[0]!.parts) === JSON.stringify(previews[1]!.parts);
    for (const p of same ? previews.slice(0, 1) : previews) {
      const channel = same ? t('broadcast.preview.both') : t(`broadcast.channel.${p.channel}`);
      replies.push({ text: t('broadcast.preview.heading', { channel, count: p.parts.length }) });
      for (const part of p.parts) replies.push({ text: part });
    }
    if (draft.document) {
      replies.push({
        text: t('broadcast.preview.document', { name: draft.document.fileName }),
        document: this.deps.documents.read(draft.document),
      });
    }
    replies.push({
      text: [
        t('broadcast.preview.summary', { audience: this.describe(ctx, draft) }),
        countText(ctx, count),
        '',
        t('broadcast.preview.ask'),
      ].join('\n'),
      choices: [
        c('now', t('broadcast.choice.now')),
        c('schedule', t('broadcast.choice.schedule')),
        c('aud', t('broadcast.choice.edit_audience')),
        c('edittext', t('broadcast.choice.edit_text')),
        c('stop', t('broadcast.choice.stop')),
      ],
    });
    return replies;
  }

  private async whenTyped(ctx: Context, draft: Draft, text: string): Promise<Reply[]> {
    const { t } = ctx;
    const zone = zoneOf(ctx);
    const parsed = parseScheduleText(text, ctx.now, zone);
    if (!parsed.ok) {
      return [
        {
          text: t(`broadcast.when_invalid.${parsed.reason}`, { text: text.trim(), zone: zoneLabel(zone) }),
          choices: [c('now', t('broadcast.choice.now')), c('stop', t('broadcast.choice.stop'))],
        },
      ];
    }
    draft.at = parsed.at.toISOString();
    return this.confirm(ctx, draft);
  }

  private async confirm(ctx: Context, draft: Draft, notice?: string): Promise<Reply[]> {
    const { t } = ctx;
    const count = await this.deps.service.count(ctx.user.id, cleanAudience(draft.audience));
    saveDraft(ctx, draft, 'confirm');
    const reach = count.telegram + count.whatsapp;
    const channels = t('broadcast.confirm.channels', { telegram: count.telegram, whatsapp: count.whatsapp });
    const document = draft.document ? `\n${t('broadcast.confirm.document', { name: draft.document.fileName })}` : '';
    const text = draft.at
      ? t('broadcast.confirm.scheduled', { when: whenLabel(t, new Date(draft.at), zoneOf(ctx)), count: reach, channels })
      : t('broadcast.confirm.now', { count: reach, channels });
    const choices = draft.at
      ? [
          c('confirm', t('broadcast.choice.confirm_schedule')),
          c('schedule', t('broadcast.choice.edit_time')),
          c('stop', t('broadcast.choice.stop')),
        ]
      : [c('confirm', t('broadcast.choice.confirm_now')), c('next', t('broadcast.choice.back')), c('stop', t('broadcast.choice.stop'))];
    return [{ text: `${notice ? `${notice}\n\n` : ''}${text}${document}`, choices }];
  }

  private async create(ctx: Context, draft: Draft): Promise<Reply[]> {
    const { t } = ctx;
    if (ctx.session.step !== 'confirm' || !draft.text) return [{ text: t('common.choice_expired') }];
    const scheduledAt = draft.at ? new Date(draft.at) : undefined;
    let id: string;
    try {
      id = await this.deps.service.create({
        createdById: ctx.user.id,
        text: draft.text,
        audience: cleanAudience(draft.audience),
        ...(draft.document ? { document: this.deps.documents.read(draft.document) } : {}),
        ...(scheduledAt ? { scheduledAt } : {}),
      });
    } catch (error) {
      const refusal = refusalReply(ctx, error);
      const code = (error as { code?: string }).code;
      if (code === 'in_past') {
        saveDraft(ctx, draft, 'when');
        return [{ ...refusal, choices: [c('now', t('broadcast.choice.now')), c('stop', t('broadcast.choice.stop'))] }];
      }
      if (code === 'empty_audience' || code === 'out_of_scope') return this.audienceMenu(ctx, draft, refusal.text);
      if (code === 'too_long') {
        saveDraft(ctx, draft, 'text');
        return [{ ...refusal, choices: [c('stop', t('broadcast.choice.stop'))] }];
      }
      return [refusal];
    }
    ctx.logger.info({ broadcast: id, scheduled: Boolean(scheduledAt), document: Boolean(draft.document) }, 'broadcast created');
    this.deps.documents.remove(draft.document);
    endDraft(ctx);
    const text = scheduledAt
      ? t('broadcast.created.scheduled', { when: whenLabel(t, scheduledAt, zoneOf(ctx)) })
      : t('broadcast.created.now');
    return [{ text, choices: [choice(BROADCAST_FEATURE, `show:${id}`, t('broadcast.choice.show_status'))] }];
  }

  /** Forgets the draft and its document (and any left by a draft whose session expired). */
  private discard(ctx: Context): void {
    try {
      this.deps.documents.clear(ctx.user.id);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'broadcast draft documents not removed');
    }
    endDraft(ctx);
  }
}

/** "Menjangkau 12 orang: 8 lewat Telegram, 4 lewat WhatsApp." and who it cannot reach. */
function countText(ctx: Context, count: AudienceCount): string {
  const { t } = ctx;
  const lines = [
    t('broadcast.count.reach', { count: count.telegram + count.whatsapp, telegram: count.telegram, whatsapp: count.whatsapp }),
  ];
  if (count.optedOut > 0) lines.push(t('broadcast.count.opted_out', { count: count.optedOut }));
  if (count.unreachable > 0) lines.push(t('broadcast.count.unreachable', { count: count.unreachable }));
  return lines.join('\n');
}
