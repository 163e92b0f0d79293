import type { CommandRegistry } from '../../core/commands.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';

/**
 * /start and /bantuan. Both are generated from the command registry and the features' summaries, so a
 * new feature shows up here (and in Telegram's menu) without touching this file.
 */
export function helpFeature(registry: CommandRegistry, features: () => Feature[], t: Translate): Feature {
  const greet = async (ctx: Context): Promise<Reply[]> => {
    const name = ctx.user.displayName ? `, ${ctx.user.displayName}` : '';
    const lines = features()
      .map((f) => f.summary)
      .filter((s): s is string => Boolean(s));
    return [{ text: ctx.t('start.greeting', { name, features: lines.join('\n') }) }];
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
          const lines = registry.listed().map((c) => `${c.usage ?? `/${c.name}`} — ${c.description}`);
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
