import type { CommandRegistry } from '../../core/commands.js';
import type { Feature } from '../../core/feature.js';

/**
 * /start and /bantuan. Both are generated from the command registry and the features' summaries, so a
 * new feature shows up here (and in Telegram's menu) without touching this file.
 */
export function helpFeature(registry: CommandRegistry, features: () => Feature[]): Feature {
  return {
    name: 'help',
    commands: [
      {
        name: 'start',
        description: 'Mulai dan lihat apa yang bisa Pandu bantu',
        hidden: true,
        async run(ctx) {
          const name = ctx.user.displayName ? `, ${ctx.user.displayName}` : '';
          const lines = features()
            .map((f) => f.summary)
            .filter((s): s is string => Boolean(s));
          return [{ text: ctx.t('start.greeting', { name, features: lines.join('\n') }) }];
        },
      },
      {
        name: 'bantuan',
        description: 'Daftar perintah dan cara memakai Pandu',
        aliases: ['help'],
        async run(ctx) {
          const lines = registry.listed().map((c) => `${c.usage ?? `/${c.name}`} — ${c.description}`);
          return [{ text: [ctx.t('help.title'), ...lines, '', ctx.t('help.footer')].join('\n') }];
        },
      },
    ],
  };
}
