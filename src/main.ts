import { createApp } from './app.js';
import { startChannels } from './channels/start-channels.js';
import { chatInTerminal } from './channels/terminal/terminal-channel.js';
import { bootstrap } from './cli/bootstrap.js';
import { progressBar } from './cli/progress.js';
import { runProcess } from './shutdown.js';
import { loadTranslator } from './i18n/translator.js';
import { explainStartupError } from './cli/startup-error.js';
import { readYamlCatalog } from './yaml/yaml-catalog.js';
import { startOpsServer } from './ops/ops-server.js';

/**
 * `npm start`: prepares storage on first run (database, shipped knowledge base, index), starts every
 * configured channel, and reports on one line which are up. With no channel configured and a person at
 * the terminal it opens the terminal chat (scripts use `npm run chat`). Stops cleanly on Ctrl+C / SIGTERM
 * within SHUTDOWN_TIMEOUT_MS; a fatal fault is logged with its stack and ends the process with code 1.
 */
// A person at a terminal sees warnings and errors; a service (no TTY) logs routine events too.
const { config, logger } = bootstrap(process.stdin.isTTY ? 'warn' : 'info');

// Loaded once, before the app, so a fault while the app starts is explained in the user's words too.
const yaml = readYamlCatalog(config.yamlCatalogFile);
const i18n = loadTranslator(config.localesDir, 'id', yaml);
const explain = explainStartupError(i18n.t);
await runProcess({ logger, timeoutMs: config.shutdownTimeoutMs, explain }, async (shutdown) => {
  const app = await createApp(config, { logger, progress: progressBar(), i18n, yaml });
  shutdown.add('close the app', () => app.close());
  if (config.http) {
    // Before the channels, so a probe sees "not ready" while they start instead of no answer at all.
    const ops = await startOpsServer(app.opsRoutes, config.http.port, config.http.host);
    shutdown.add('stop the health server', () => ops.stop());
    logger.info({ host: config.http.host, port: ops.port }, 'health and metrics server up (/healthz, /readyz, /metrics)');
  }

  const { running: channels, failed } = await startChannels(app);
  shutdown.add('stop the channels', async () => {
    await Promise.allSettled(channels.map((c) => c.stop()));
  });
  // After the channels, so a job that sends a message finds them registered.
  await app.startWork();
  const up = channels.map((c) => c.name);

  if (up.length === 0 && failed.length > 0) {
    // Configured but down: say so and fail, rather than look healthy with no way to reach anyone.
    console.error(`Pandu tidak dapat berjalan: kanal ${failed.join(', ')} gagal dijalankan (lihat log di atas).`);
    return { reason: 'every channel failed', code: 1 };
  }
  if (up.length === 0) {
    if (!process.stdin.isTTY) {
      console.error(
        'Tidak ada kanal yang diatur (TELEGRAM_BOT_TOKEN / WHATSAPP_ENABLED) dan tidak ada terminal untuk mengobrol. ' +
          'Untuk percakapan lewat skrip gunakan: npm run chat',
      );
      return { reason: 'no channel configured', code: 2 };
    }
    console.error('Pandu berjalan. Kanal aktif: terminal (TELEGRAM_BOT_TOKEN dan WHATSAPP_ENABLED tidak diatur).');
    await chatInTerminal(app);
    return { reason: 'terminal chat ended', code: 0 };
  }
  logger.info({ channels: up, failed }, 'channels up');
  const down = failed.length > 0 ? ` (gagal: ${failed.join(', ')})` : '';
  console.error(`Pandu berjalan. Kanal aktif: ${up.join(', ')}${down}.`);
  return undefined;
});
