import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';

/**
 * Shared start of every command-line entry point: parse the environment (failing with a readable message)
 * and create the logger. `quietLevel` is used when LOG_LEVEL is not set, so chat output stays clean.
 */
export function bootstrap(quietLevel?: Config['logLevel']): { config: Config; logger: Logger } {
  // Output piped into `head` and the like may close early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    const config = loadConfig();
    const level = process.env.LOG_LEVEL ? config.logLevel : (quietLevel ?? config.logLevel);
    return { config, logger: createLogger(level) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
