import type { Translate } from '../i18n/translator.js';
import { cleanIncoming } from './clean-text.js';
import type { Logger } from '../logger.js';
import { parseCommand, type CommandRegistry } from './commands.js';
import type { Context } from './context.js';
import type { MessageDeduplicator } from './dedup.js';
import type { Feature } from './feature.js';
import { lastMenu, type Choice, type IncomingMessage, type Reply } from './messages.js';
import type { SessionStore } from './sessions.js';
import { KeyedLock } from './keyed-lock.js';
import { refusalReplies, type MessageRateLimit } from './rate-limit/message-rate-limit.js';
import { hasRole, higherRole, type Role } from './roles.js';
import type { UserRecord, UserStore } from './users.js';

/** Longer messages are refused politely (Telegram itself stops at 4096; WhatsApp allows far more). */
export const MAX_INCOMING_CHARS = 8000;

export interface RouterDeps {
  users: UserStore;
  sessions: SessionStore;
  commands: CommandRegistry;
  features: Feature[];
  /** Handles free text nobody else claims: the question-answering feature. */
  fallback: (ctx: Context, text: string) => Promise<Reply[]>;
  dedup?: MessageDeduplicator;
  /** Messages per person per window; the terminal (the operator at the machine) is never limited. */
  rateLimit?: Pick<MessageRateLimit, 'admit'>;
  t: Translate;
  /** To look up feature-specific messages that may or may not exist. */
  i18n?: { has(key: string): boolean };
  logger: Logger;
  clock?: () => Date;
  /** Told about every message handled (and by which feature) and every rate-limit refusal: metrics. */
  observer?: RouterObserver;
}

export interface RouterObserver {
  /** `feature`: the feature that answered, or `router` for what the router answered itself. */
  handled(channel: string, feature: string): void;
  rateLimited(channel: string): void;
}

/** What answered a message; the router's own answers (unknown command, refusals, empty text). */
const ROUTER = 'router';

/**
 * The one entry point for every channel: identifies the person, restores their conversation, and hands
 * the message to the right feature (button or numbered choice, command, active flow, claimed intent, or
 * a question). It never throws: faults become a short apology and a log line.
 */
export class Router {
  private readonly features = new Map<string, Feature>();
  private readonly locks = new KeyedLock();

  constructor(private readonly deps: RouterDeps) {
    for (const f of deps.features) this.features.set(f.name, f);
  }

  async handle(incoming: IncomingMessage): Promise<Reply[]> {
    const { t, logger } = this.deps;
    const msg = cleanIncoming(incoming);
    // Sender ids can be phone numbers (WhatsApp): log the internal user id once it is known instead. One
    // child logger per message, made once the user is known (a child costs an object and its bindings).
    let log: Logger | undefined;
    const dedupKey = msg.messageId && this.deps.dedup ? `${msg.channel}:${msg.messageId}` : undefined;
    try {
      if (dedupKey && !(await this.deps.dedup!.firstTime(dedupKey))) {
        logger.info({ channel: msg.channel }, 'duplicate message ignored');
        return [];
      }
      const now = this.deps.clock?.() ?? new Date();
      const user = await this.deps.users.resolve(msg.channel, msg.senderId, msg.displayName, now, msg.senderAliases);
      log = logger.child({ channel: msg.channel, user: user.id });
      // After dedup and identification (the budget is the person's, on every linked channel), before any
      // feature can spend time or model tokens.
      const admission = msg.channel === 'terminal' ? undefined : await this.deps.rateLimit?.admit(user.id);
      if (admission && !admission.allowed) {
        log.info({ retryAt: admission.retryAt, answered: admission.first }, 'message refused: rate limit');
        this.deps.observer?.rateLimited(msg.channel);
        return refusalReplies(admission, t, now);
      }
      const userLog = log;
      return await this.locks.run(user.id, () => this.handleFor(msg, user, userLog, now));
    } catch (error) {
      (log ?? logger.child({ channel: msg.channel })).error({ err: error }, 'message handling failed');
      // Let a redelivery of this message be handled rather than dropped as a duplicate.
      if (dedupKey) await this.deps.dedup!.forget(dedupKey).catch(() => undefined);
      return [{ text: t('common.error') }];
    }
  }

  /** One message for one person, under that person's lock. */
  private async handleFor(msg: IncomingMessage, user: UserRecord, log: Logger, now: Date): Promise<Reply[]> {
    const { t } = this.deps;
    const session = await this.deps.sessions.load(user.id, now);
    const ctx: Context = { msg, user, session, t, logger: log, now };
    const inGroup = msg.conversation === 'group';
    const by = { feature: ROUTER };
    const replies = await this.dispatch(ctx, inGroup ? [] : session.choices, by);
    this.deps.observer?.handled(msg.channel, by.feature);
    if (session.expired && replies.length > 0 && !ctx.session.flow) {
      // A feature may say how to pick its flow up again ("ketik /proposal untuk melanjutkan").
      const hint = `${session.expiredFlow}.session_expired`;
      replies.unshift({ text: session.expiredFlow && this.deps.i18n?.has(hint) ? t(hint) : t('common.session_expired') });
    }
    if (ctx.forgotten) return replies;
    // A feature may have switched the person (linking merges users), so save what the context holds now.
    ctx.session.expired = false;
    // Remember the last menu so a typed number can pick from it on any channel; a group reply must not
    // replace (or be picked from) the person's private menu.
    if (!inGroup) {
      ctx.session.choices = lastMenu(replies) ?? [];
    }
    const flow = ctx.session.flow ? this.features.get(ctx.session.flow) : undefined;
    await this.deps.sessions.save(ctx.user.id, ctx.session, now, flow?.flowTtlMs);
    return replies;
  }

  /** Hands the message to whoever should answer it, and notes in `by` which feature that was. */
  private async dispatch(ctx: Context, offered: Choice[], by: { feature: string }): Promise<Reply[]> {
    const { msg, session, t } = ctx;
    if (msg.choiceId) return msg.conversation === 'group' ? [{ text: t('common.private_only') }] : this.runChoice(ctx, msg.choiceId, by);

    const text = (msg.text ?? '').trim();
    const typedNumber = /^\d{1,2}$/.test(text);
    const picked = typedNumber ? offered[Number(text) - 1] : undefined;
    if (picked) return this.runChoice(ctx, picked.id, by);

    const inGroup = msg.conversation === 'group';
    const command = text.startsWith('/') ? parseCommand(text) : undefined;
    if (command) {
      const spec = this.deps.commands.find(command.name);
      if (!spec) return [{ text: t('common.unknown_command', { command: command.name }) }];
      if (inGroup && spec.privateOnly) return [{ text: t('common.private_only') }];
      if (!hasRole(ctx.user.role, spec.role)) return this.refuse(ctx, spec.role!, `/${spec.name}`);
      by.feature = this.deps.commands.ownerOf(spec.name) ?? ROUTER;
      return spec.run(ctx, command.args);
    }

    // In a group Pandu only answers questions; flows belong to private chats.
    let active = !inGroup && session.flow ? this.features.get(session.flow) : undefined;
    if (active && !hasRole(ctx.user.role, active.role)) {
      // The role was revoked while the flow was open: the flow ends, the message is read as anything else.
      ctx.logger.info({ flow: active.name, role: ctx.user.role }, 'flow closed: role no longer allows it');
      session.flow = null;
      session.step = null;
      session.data = {};
      active = undefined;
    }
    if (active) by.feature = active.name;
    if (msg.file) {
      if (active?.onFile) return active.onFile(ctx, msg.file);
      if (!text || msg.unsupported) {
        by.feature = ROUTER;
        // An album is one sending: answered once, not once per photo.
        if (await this.albumAnswered(msg)) return [];
        return [{ text: t('common.file_not_expected') }];
      }
      await this.albumAnswered(msg);
      // Nobody wants the file, but its caption is a message of its own ("apa maksud kolom ini?" under a
      // screenshot): it is answered, saying that the file itself was not kept. The same context goes on (a
      // feature may switch the person or forget them, which the router reads afterwards).
      ctx.msg = { ...msg, file: undefined };
      const replies = await this.dispatch(ctx, [], by);
      return [{ text: t('common.file_caption_read') }, ...replies];
    }
    if (msg.unsupported || !text || text.length > MAX_INCOMING_CHARS) by.feature = ROUTER;
    if (msg.unsupported) {
      const kind = this.deps.i18n?.has(`common.kind.${msg.unsupported}`) ? t(`common.kind.${msg.unsupported}`) : t('common.kind.other');
      return [{ text: t('common.unsupported', { kind }) }];
    }
    if (!text) return [{ text: t('common.empty') }];
    if (text.length > MAX_INCOMING_CHARS) {
      return [{ text: t('common.too_long', { length: text.length, max: MAX_INCOMING_CHARS }) }];
    }
    if (active?.onText) return active.onText(ctx, text);
    for (const feature of inGroup ? [] : this.features.values()) {
      if (feature.claims?.(text) && feature.onClaim && hasRole(ctx.user.role, feature.role)) {
        by.feature = feature.name;
        return feature.onClaim(ctx, text);
      }
    }
    // A bare number picks from a menu; with none open (it was answered, replaced or never offered) it is
    // no question: read as one it found "Pasal 2" somewhere, which answers nothing the person asked.
    if (typedNumber) return [{ text: t('common.no_menu', { number: text }) }];
    by.feature = 'qa';
    return this.deps.fallback(ctx, text);
  }

  /** Whether another file of this message's album was already answered; notes that this one is. */
  private async albumAnswered(msg: IncomingMessage): Promise<boolean> {
    if (!msg.albumId || !this.deps.dedup) return false;
    return !(await this.deps.dedup.firstTime(`${msg.channel}:album:${msg.albumId}`));
  }

  private async runChoice(ctx: Context, choiceId: string, by: { feature: string }): Promise<Reply[]> {
    const sep = choiceId.indexOf(':');
    const feature = sep > 0 ? this.features.get(choiceId.slice(0, sep)) : undefined;
    if (!feature) return [{ text: ctx.t('common.choice_expired') }];
    const payload = choiceId.slice(sep + 1);
    // The role comes first, so a privileged feature answers everyone else alike, with or without choices.
    const needed = choiceRole(feature, payload);
    if (!hasRole(ctx.user.role, needed)) return this.refuse(ctx, needed!, choiceId);
    if (!feature.onChoice) return [{ text: ctx.t('common.choice_expired') }];
    by.feature = feature.name;
    return feature.onChoice(ctx, payload);
  }

  /** One polite refusal for every privileged command, choice and flow; the log says what was tried. */
  private refuse(ctx: Context, needed: Role, what: string): Reply[] {
    ctx.logger.info({ needed, role: ctx.user.role, what }, 'refused: role too low');
    return [{ text: ctx.t('common.forbidden', { role: ctx.t(`roles.name.${needed}`) }) }];
  }
}

/** The least role a choice needs: its action's declared role, or else its feature's. */
export function choiceRole(feature: Feature, payload: string): Role | undefined {
  const sep = payload.indexOf(':');
  const action = sep < 0 ? payload : payload.slice(0, sep);
  const declared = feature.choiceRoles?.[action];
  if (!declared) return feature.role;
  return feature.role ? higherRole(declared, feature.role) : declared;
}
