import type { CommandSpec } from '../../core/commands.js';
import { isCancelWord } from '../../core/cancel-words.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import { choice, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { ProfileStore } from '../../people/profile-store.js';
import { matchRegion } from '../../people/regions/match-region.js';
import { ZONES, zoneLabel, type Zone } from '../../people/regions/zones.js';
import { PROFILE_FEATURE, profileState, setProfileState, type ProfileStep } from './profile-state.js';
import { profileSummary } from './profile-summary.js';
import { validName, validOpd, validRegion } from './profile-input.js';

/** Messages that are plainly questions to Pandu, not an answer to "what is your name?". */
const QUESTION_RE = /\?\s*$|^(?:apa|apakah|bagaimana|gimana|gmn|berapa|brp|siapa|kapan|mengapa|kenapa|bolehkah|bisakah)(?![\p{L}])/iu;

export interface ProfileFeatureDeps {
  store: ProfileStore;
  /** Answers a question typed in the middle of the flow, so it is not taken for a name or an OPD. */
  ask: (ctx: Context, question: string) => Promise<Reply[]>;
  /** How many channels the person uses (the preferred-channel choice appears from two). */
  channelsOf: (userId: string) => Promise<string[]>;
  t: Translate;
}

/**
 * The person's profile: name, OPD, region and time zone. Asked on first use (the greeting starts it) and
 * changed any time with /profil. Every answer is saved at once; reminders are sent at 08.00 in the zone
 * given here, and coordinators see people by OPD and region.
 */
export class ProfileFeature implements Feature {
  readonly name = PROFILE_FEATURE;
  readonly summary: string;
  readonly commands: CommandSpec[];

  constructor(private readonly deps: ProfileFeatureDeps) {
    this.summary = deps.t('profile.summary');
    this.commands = [
      {
        name: 'profil',
        description: deps.t('profile.command'),
        privateOnly: true,
        run: (ctx) => this.show(ctx),
      },
    ];
  }

  /**
   * What the greeting adds for someone Pandu does not know yet: an invitation to fill in the profile, as
   * buttons. It does not open the flow, so a question sent right after /start is simply answered.
   */
  onboard(ctx: Context): Pick<Reply, 'text' | 'choices'> | undefined {
    if (ctx.user.profile.done || ctx.msg.conversation === 'group') return undefined;
    return {
      text: ctx.t('profile.intro'),
      choices: [
        choice(PROFILE_FEATURE, 'start', ctx.t('profile.choice.start')),
        choice(PROFILE_FEATURE, 'later', ctx.t('profile.choice.later')),
      ],
    };
  }

  /**
   * For features that need the profile (reminders at 08.00 local time, reports by OPD): starts the flow
   * at the first missing field and says which command to run again afterwards; undefined when complete.
   */
  async require(ctx: Context, resume: string): Promise<Reply[] | undefined> {
    const p = ctx.user.profile;
    if (p.fullName && p.opd && p.region && p.timeZone) return undefined;
    const replies = await this.ask(ctx, firstMissing(ctx), { resume });
    return [{ text: ctx.t('profile.needed') }, ...replies];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const [action, arg = ''] = splitOnce(payload);
    switch (action) {
      case 'start':
        return this.ask(ctx, firstMissing(ctx));
      case 'edit':
        return this.ask(ctx, isStep(arg) ? arg : 'name', { single: true });
      case 'usename':
        return ctx.user.displayName ? this.saveName(ctx, ctx.user.displayName) : this.ask(ctx, 'name');
      case 'later':
        return this.later(ctx);
      case 'region':
        return this.saveRegion(ctx, arg);
      case 'zone':
        return (ZONES as readonly string[]).includes(arg) ? this.saveZone(ctx, arg as Zone) : [{ text: ctx.t('common.choice_expired') }];
      case 'channel': {
        const preferred = arg === 'telegram' || arg === 'whatsapp' ? arg : null;
        await this.deps.store.update(ctx.user.id, { preferredChannel: preferred });
        return [
          {
            text: ctx.t(preferred ? 'profile.channel_set' : 'profile.channel_auto', {
              channel: preferred ? ctx.t(`linking.channel.${preferred}`) : '',
            }),
          },
        ];
      }
      default:
        return [{ text: ctx.t('common.choice_expired') }];
    }
  }

  async onText(ctx: Context, text: string): Promise<Reply[]> {
    const step = (ctx.session.step ?? 'name') as ProfileStep;
    // "batal" at the name question is no name: it leaves the profile for later, as the button does.
    if (isCancelWord(text)) return this.later(ctx);
    if (QUESTION_RE.test(text)) {
      // A question is answered, and the flow waits for its answer again.
      const answer = await this.deps.ask(ctx, text);
      return [...answer, { text: ctx.t('profile.still_waiting', { question: ctx.t(`profile.ask.${step}`) }) }];
    }
    switch (step) {
      case 'name':
        return validName(text) ? this.saveName(ctx, text.trim()) : [{ text: ctx.t('profile.invalid.name') }];
      case 'opd':
        return validOpd(text) ? this.saveOpd(ctx, text) : [{ text: ctx.t('profile.invalid.opd') }];
      case 'region':
        return validRegion(text) ? this.readRegion(ctx, text.trim()) : [{ text: ctx.t('profile.invalid.region') }];
      case 'zone':
        return this.readZone(ctx, text);
    }
  }

  private async later(ctx: Context): Promise<Reply[]> {
    await this.deps.store.update(ctx.user.id, { done: true });
    ctx.session.flow = null;
    ctx.session.step = null;
    return [{ text: ctx.t('profile.later') }];
  }

  private async show(ctx: Context): Promise<Reply[]> {
    const p = ctx.user.profile;
    if (!p.fullName && !p.opd && !p.region) return this.ask(ctx, 'name');
    const choices = [
      choice(PROFILE_FEATURE, 'edit:name', ctx.t('profile.choice.edit_name')),
      choice(PROFILE_FEATURE, 'edit:opd', ctx.t('profile.choice.edit_opd')),
      choice(PROFILE_FEATURE, 'edit:region', ctx.t('profile.choice.edit_region')),
      choice(PROFILE_FEATURE, 'edit:zone', ctx.t('profile.choice.edit_zone')),
    ];
    const channels = await this.deps.channelsOf(ctx.user.id);
    if (channels.includes('telegram') && channels.includes('whatsapp')) {
      choices.push(
        choice(PROFILE_FEATURE, 'channel:telegram', ctx.t('profile.choice.channel', { channel: 'Telegram' })),
        choice(PROFILE_FEATURE, 'channel:whatsapp', ctx.t('profile.choice.channel', { channel: 'WhatsApp' })),
        choice(PROFILE_FEATURE, 'channel:auto', ctx.t('profile.choice.channel_auto')),
      );
    }
    return [{ text: `${profileSummary(ctx.t, p)}\n\n${ctx.t('profile.edit_prompt')}`, choices }];
  }

  private async ask(ctx: Context, step: ProfileStep, mode: { single?: boolean; resume?: string } = {}): Promise<Reply[]> {
    ctx.session.flow = PROFILE_FEATURE;
    ctx.session.step = step;
    const state = profileState(ctx.session);
    setProfileState(ctx.session, { single: mode.single ?? false, resume: mode.resume ?? state.resume });
    if (step === 'zone') return [this.zoneQuestion(ctx, ctx.user.profile.region)];
    const text = ctx.t(`profile.ask.${step}`);
    const choices = [];
    if (step === 'name' && ctx.user.displayName && validName(ctx.user.displayName)) {
      choices.push(choice(PROFILE_FEATURE, 'usename', ctx.t('profile.choice.use_name', { name: ctx.user.displayName })));
    }
    return [{ text, ...(choices.length > 0 ? { choices } : {}) }];
  }

  private async saveName(ctx: Context, name: string): Promise<Reply[]> {
    await this.deps.store.update(ctx.user.id, { fullName: name });
    ctx.user.profile.fullName = name;
    return this.next(ctx, 'name', ctx.t('profile.saved.name', { name }));
  }

  private async saveOpd(ctx: Context, text: string): Promise<Reply[]> {
    const stored = await this.deps.store.update(ctx.user.id, { opd: text });
    ctx.user.profile.opd = stored.opd ?? text;
    return this.next(ctx, 'opd', ctx.t('profile.saved.opd', { opd: ctx.user.profile.opd }));
  }

  /** A region as typed: known → saved; several places by that name → which one; unknown → kept as typed. */
  private async readRegion(ctx: Context, text: string): Promise<Reply[]> {
    const match = matchRegion(text);
    if (match?.ambiguous && match.ambiguous.length > 0) {
      const names = [match.name, ...match.ambiguous].slice(0, 6);
      setProfileState(ctx.session, { ...profileState(ctx.session), regionOptions: names });
      return [
        {
          text: ctx.t('profile.region_pick', { text }),
          choices: names.map((name, i) => choice(PROFILE_FEATURE, `region:${i}`, name)),
        },
      ];
    }
    if (!match) {
      await this.deps.store.update(ctx.user.id, { region: text });
      ctx.user.profile.region = text;
      ctx.session.step = 'zone';
      return [{ text: ctx.t('profile.region_unknown', { region: text }) }, this.zoneQuestion(ctx, text)];
    }
    return this.storeRegion(ctx, match.name);
  }

  private async saveRegion(ctx: Context, index: string): Promise<Reply[]> {
    const name = profileState(ctx.session).regionOptions?.[Number(index)];
    if (!name) return [{ text: ctx.t('common.choice_expired') }];
    return this.storeRegion(ctx, name);
  }

  private async storeRegion(ctx: Context, name: string): Promise<Reply[]> {
    await this.deps.store.update(ctx.user.id, { region: name });
    ctx.user.profile.region = name;
    setProfileState(ctx.session, { ...profileState(ctx.session), regionOptions: undefined });
    // The zone follows from the region, but is still shown and confirmed: it decides when reminders come.
    ctx.session.step = 'zone';
    return [this.zoneQuestion(ctx, name)];
  }

  private zoneQuestion(ctx: Context, region: string | null): Reply {
    const guess = region ? matchRegion(region)?.zone : undefined;
    const order = guess ? [guess, ...ZONES.filter((z) => z !== guess)] : [...ZONES];
    const text = guess ? ctx.t('profile.ask.zone_guess', { zone: zoneLabel(guess), region: region ?? '' }) : ctx.t('profile.ask.zone');
    return {
      text,
      choices: order.map((zone) => choice(PROFILE_FEATURE, `zone:${zone}`, ctx.t(`profile.zone.${zoneLabel(zone)}`))),
    };
  }

  private readZone(ctx: Context, text: string): Promise<Reply[]> | Reply[] {
    const label = text.trim().toUpperCase();
    const zone = ZONES.find((z) => zoneLabel(z) === label);
    if (zone) return this.saveZone(ctx, zone);
    return [{ text: ctx.t('profile.invalid.zone') }, this.zoneQuestion(ctx, ctx.user.profile.region)];
  }

  private async saveZone(ctx: Context, zone: Zone): Promise<Reply[]> {
    await this.deps.store.update(ctx.user.id, { timeZone: zone });
    ctx.user.profile.timeZone = zone;
    return this.next(ctx, 'zone', ctx.t('profile.saved.zone', { zone: zoneLabel(zone) }));
  }

  /** After a saved field: the next missing one, or the end of the flow with the whole profile. */
  private async next(ctx: Context, saved: ProfileStep, confirmation: string): Promise<Reply[]> {
    const state = profileState(ctx.session);
    const missing = state.single ? undefined : nextMissing(ctx, saved);
    if (missing) {
      const [question] = await this.ask(ctx, missing, { resume: state.resume });
      return [{ ...question!, text: `${confirmation}\n\n${question!.text}` }];
    }
    const p = ctx.user.profile;
    const complete = Boolean(p.fullName && p.opd && p.region && p.timeZone);
    if (complete && !p.done) {
      await this.deps.store.update(ctx.user.id, { done: true });
      p.done = true;
    }
    ctx.session.flow = null;
    ctx.session.step = null;
    setProfileState(ctx.session, undefined);
    const lines = [confirmation, '', profileSummary(ctx.t, p), '', ctx.t('profile.change_hint')];
    if (state.resume) lines.push(ctx.t('profile.resume', { command: state.resume }));
    return [{ text: lines.join('\n') }];
  }
}

const STEPS: readonly ProfileStep[] = ['name', 'opd', 'region', 'zone'];

function isStep(value: string): value is ProfileStep {
  return (STEPS as readonly string[]).includes(value);
}

/** The first field still empty (the name when all are given: the flow then starts from the top). */
function firstMissing(ctx: Context): ProfileStep {
  return nextMissing(ctx) ?? 'name';
}

/** The first empty field after `after` (the one just answered), if any. */
function nextMissing(ctx: Context, after?: ProfileStep): ProfileStep | undefined {
  const p = ctx.user.profile;
  const empty: Record<ProfileStep, boolean> = { name: !p.fullName, opd: !p.opd, region: !p.region, zone: !p.timeZone };
  const from = after ? STEPS.indexOf(after) + 1 : 0;
  return STEPS.slice(from).find((s) => empty[s]);
}

function splitOnce(payload: string): [string, string?] {
  const sep = payload.indexOf(':');
  return sep < 0 ? [payload] : [payload.slice(0, sep), payload.slice(sep + 1)];
}
