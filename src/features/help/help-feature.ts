import type { CommandRegistry } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { hasRole } from '../../core/roles.js';

/**
 * /start and /bantuan. Both are generated from the command registry and the features' summaries, so a
 * new feature shows up here (and in Telegram's menu) without touching this file.
 */
export function helpFeature(
  registry: CommandRegistry,
  features: () => Feature[],
  t: Translate,
  /** What the greeting adds for someone new (an invitation to fill in the profile); nothing for people Pandu knows. */
  onboard: (ctx: Context) => Pick<Reply, 'text' | 'choices'> | undefined = () => undefined,
): Feature {
  const greet = async (ctx: Context): Promise<Reply[]> => {
    const known = ctx.user.profile.fullName ?? ctx.user.displayName;
    const name = known ? `, ${known}` : '';
    const lines = features()
      .filter((f) => hasRole(ctx.user.role, f.role))
      .map((f) => f.summary)
      .filter((s): s is string => Boolean(s));
    const greeting = ctx.t('start.greeting', { name, features: lines.join('\n') });
    const invitation = onboard(ctx);
    // One message: the greeting and, for newcomers, the invitation with its buttons under it.
    return [
      invitation
        ? { text: `${greeting}\n\n${invitation.text}`, ...(invitation.choices ? { choices: invitation.choices } : {}) }
        : { text: greeting },
    ];
  };
  return {
    name: 'help',
    // WhatsApp has no /start button: a first "halo" should get the same welcome, not a Q&A miss.
    claims: isGreeting,
    onClaim: (ctx) => greet(ctx),
    commands: [
      {
        name: 'start',
        description: t('start.command'),
        hidden: true,
        run: (ctx) => greet(ctx),
      },
      {
        name: 'bantuan',
        description: t('help.command'),
        aliases: ['help'],
        async run(ctx) {
          // In a group only what works there: the personal commands answer "private chat only" there.
          const inGroup = ctx.msg.conversation === 'group';
          const lines = registry
            .listed(ctx.user.role)
            .filter((c) => !(inGroup && c.privateOnly))
            .map((c) => `${c.usage ?? `/${c.name}`} — ${c.description}`);
          return [{ text: [ctx.t('help.title'), ...lines, '', ctx.t('help.footer')].join('\n') }];
        },
      },
    ],
  };
}

const GREETING_WORDS = new Set(
  `halo hallo helo hello hai hi hey hei p pagi siang sore malam selamat met assalamualaikum assalamu alaikum
  salam permisi pak bu bapak ibu kak mas mbak min admin pandu om swastyastu shalom sampurasun horas punten
  wr wb warahmatullahi wabarakatuh`.split(/\s+/),
);

/** A message made only of greetings and polite address ("halo min", "selamat pagi pak"). */
export function isGreeting(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.length > 0 && words.length <= 6 && words.every((w) => GREETING_WORDS.has(w));
}
