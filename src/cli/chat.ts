import { createApp } from '../app.js';
import { chatInTerminal } from '../channels/terminal/terminal-channel.js';
import { bootstrap } from './bootstrap.js';
import { progressBar } from './progress.js';

/** `npm run chat`: talk to Pandu in the terminal (scripted when stdin is not a TTY). */
const { config, logger } = bootstrap('warn');
const app = await createApp(config, { logger, progress: progressBar() });
try {
  await app.startWork();
  await chatInTerminal(app);
} finally {
  await app.close();
}
