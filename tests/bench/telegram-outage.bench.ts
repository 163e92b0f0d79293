import { launchWithRetry } from '../../src/channels/telegram/start-telegram.js';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot.js';
import { silentLogger } from '../../src/logger.js';
import { messageUpdate, startFakeTelegram } from '../support/fake-telegram.js';
import { startTestApp } from '../support/test-app.js';

/** How long the Bot API stays unreachable before it comes back, per round. */
const OUTAGES_S = [6, 22, 46];

/**
 * Seconds from the Bot API's return to Pandu's first answer, after an outage (connections refused) that
 * began before Pandu started, and one that began while it was polling. Real timers and the default
 * reconnect back-off (1, 2, 4, 8, then 15 s), so the figure depends on where in its wait the bot was
 * when the API returned: at most about 15 s.
 */
export async function run(): Promise<void> {
  const test = await startTestApp();
  try {
    for (const when of ['at start-up', 'while polling'] as const) {
      for (const outage of OUTAGES_S) {
        const fake = await startFakeTelegram(when === 'at start-up' ? { down: 'refuse' } : {});
        const telegram = createTelegramBot({
          token: fake.token,
          apiRoot: fake.apiRoot,
          handle: (msg) => test.app.router.handle(msg),
          commands: () => test.app.commands.listed('innovator'),
          t: test.app.i18n.t,
          logger: silentLogger(),
        });
        const running = await launchWithRetry(telegram);
        if (when === 'while polling') {
          await fake.waitForCall('getUpdates');
          await fake.goDown('refuse');
        }
        await new Promise((resolve) => setTimeout(resolve, outage * 1000));
        await fake.comeBack();
        const backAt = Date.now();
        fake.pushUpdate(messageUpdate('apa itu inovasi daerah?'));
        const answer = await fake.waitForCall('sendMessage', () => true, 60_000);
        const seconds = ((answer.at - backAt) / 1000).toFixed(1);
        console.log(`outage of ${outage} s ${when}: first answer ${seconds} s after the Bot API returned`);
        await running.stop();
        await fake.close();
      }
    }
  } finally {
    await test.close();
  }
}
