import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Reply } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import type { Translate } from '../../i18n/translator.js';
import type { Logger } from '../../logger.js';
import { erasePerson } from '../../privacy/erase-person.js';
import type { RetentionPeriods } from '../../privacy/retention.js';
import { renderPersonalData } from './personal-data-text.js';
import { personalData } from '../../privacy/personal-data.js';

export interface PrivacyDeps {
  db: Db;
  dataDir: string;
  retention: RetentionPeriods;
  logger: Logger;
  t: Translate;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A person's rights over their data (UU 27/2022 Pelindungan Data Pribadi): /privasi says what is kept,
 * why and how long; /data_saya shows all of it; /hapus_data deletes it after an explicit confirmation.
 */
export class PrivacyFeature implements Feature {
  readonly name = 'privacy';
  readonly summary: string;
  readonly commands;

  constructor(private readonly deps: PrivacyDeps) {
    const { t } = deps;
    this.summary = t('privacy.summary');
    this.commands = [
      { name: 'privasi', description: t('privacy.notice_command'), run: (ctx: Context) => this.notice(ctx) },
      { name: 'data_saya', description: t('privacy.show_command'), privateOnly: true, run: (ctx: Context) => this.show(ctx) },
      { name: 'hapus_data', description: t('privacy.erase_command'), privateOnly: true, run: (ctx: Context) => this.ask(ctx) },
    ];
  }

  private async notice(ctx: Context): Promise<Reply[]> {
    const r = this.deps.retention;
    return [
      {
        text: ctx.t('privacy.notice', {
          sessionDays: Math.round(r.sessionsMs / DAY_MS),
          jobDays: Math.round(r.jobsMs / DAY_MS),
          auditDays: Math.round(r.auditMs / DAY_MS),
        }),
      },
    ];
  }

  private async show(ctx: Context): Promise<Reply[]> {
    const data = await personalData(this.deps.db, ctx.user.id, ctx.now);
    if (!data) return [{ text: ctx.t('privacy.nothing') }];
    return [{ text: renderPersonalData(data, ctx.t) }];
  }

  private async ask(ctx: Context): Promise<Reply[]> {
    return [
      {
        text: ctx.t('privacy.erase_confirm'),
        choices: [choice(this.name, 'erase', ctx.t('privacy.erase_yes')), choice(this.name, 'keep', ctx.t('privacy.erase_no'))],
      },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    if (payload === 'keep') return [{ text: ctx.t('privacy.erase_cancelled') }];
    if (payload !== 'erase') return [{ text: ctx.t('common.choice_expired') }];
    const report = await erasePerson(this.deps.db, this.deps.dataDir, ctx.user.id, ctx.logger);
    ctx.forgotten = true;
    return [{ text: ctx.t('privacy.erased', { innovations: report.innovations, reports: report.reports, drafts: report.drafts }) }];
  }
}
