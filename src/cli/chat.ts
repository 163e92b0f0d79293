import path from 'node:path';
import { createApp } from '../app.js';
import { runTerminalChannel } from '../channels/terminal/terminal-channel.js';
import { bootstrap } from './bootstrap.js';
import { progressBar } from './progress.js';

/** `npm run chat`: talk to Pandu in the terminal (scripted when stdin is not a TTY). */
const { config, logger } = bootstrap('warn');
const app = await createApp(config, { logger, progress: progressBar() });
try {
  await runTerminalChannel({
    handle: (msg) => app.router.handle(msg),
    t: app.i18n.t,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    senderId: config.terminalUser,
    exportDir: path.join(config.dataDir, 'exports'),
  });
} finally {
  await app.close();
}
