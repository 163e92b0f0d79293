import { createApp } from './app.js';
import { startChannels } from './channels/start-channels.js';
import { chatInTerminal } from './channels/terminal/terminal-channel.js';
import { bootstrap } from './cli/bootstrap.js';
import { progressBar } from './cli/progress.js';

/**
 * `npm start`: prepares storage on first run (database, shipped knowledge base, index), starts every
 * configured channel, and reports on one line which are up. With no channel configured and a person at
 * the terminal it opens the terminal chat (scripts use `npm run chat`). Stops cleanly on Ctrl+C / SIGTERM.
 */
// A person at a terminal sees warnings and errors; a service (no TTY) logs routine events too.
const { config, logger } = bootstrap(process.stdin.isTTY ? 'warn' : 'info');
const app = await createApp(config, { logger, progress: progressBar() });

const { running: channels, failed } = await startChannels(app);
await app.startWork();
const up = channels.map((c) => c.name);

if (up.length === 0 && failed.length > 0) {
  // Configured but down: say so and fail, rather than look healthy with no way to reach anyone.
  console.error(`Pandu tidak dapat berjalan: kanal ${failed.join(', ')} gagal dijalankan (lihat log di atas).`);
  await app.close();
  process.exit(1);
} else if (up.length === 0) {
  if (!process.stdin.isTTY) {
    console.error(
      'Tidak ada kanal yang diatur (TELEGRAM_BOT_TOKEN / WHATSAPP_ENABLED) dan tidak ada terminal untuk mengobrol. ' +
        'Untuk percakapan lewat skrip gunakan: npm run chat',
    );
    await app.close();
    process.exit(2);
  }
  console.error('Pandu berjalan. Kanal aktif: terminal (TELEGRAM_BOT_TOKEN dan WHATSAPP_ENABLED tidak diatur).');
  await chatInTerminal(app);
  await app.close();
} else {
  logger.info({ channels: up, failed }, 'channels up');
  const down = failed.length > 0 ? ` (gagal: ${failed.join(', ')})` : '';
  console.error(`Pandu berjalan. Kanal aktif: ${up.join(', ')}${down}.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(channels.map((c) => c.stop()));
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
