import { createApp } from '../app.js';
import { chatInTerminal } from '../channels/terminal/terminal-channel.js';
import { runProcess } from '../shutdown.js';
import { bootstrap } from './bootstrap.js';
import { progressBar } from './progress.js';
import { loadTranslator } from '../i18n/translator.js';
import { explainStartupError } from './startup-error.js';

/** `npm run chat`: talk to Pandu in the terminal (scripted when stdin is not a TTY); ends at /keluar or end of input. */
const { config, logger } = bootstrap('warn');
const explain = explainStartupError(loadTranslator(config.localesDir).t);
await runProcess({ logger, timeoutMs: config.shutdownTimeoutMs, explain }, async (shutdown) => {
  const app = await createApp(config, { logger, progress: progressBar() });
  shutdown.add('close the app', () => app.close());
  await app.startWork();
  await chatInTerminal(app);
  return { reason: 'chat ended', code: 0 };
});
