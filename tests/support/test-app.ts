import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { tempDataDir } from './temp-data.js';

export interface TestApp {
  app: App;
  dataDir: string;
  env: Record<string, string>;
  /** Closes the app; removes the data folder unless `keep` is set. */
  close(keep?: boolean): Promise<void>;
}

/**
 * Builds the real app (SQLite file, migrations, knowledge base, index) in a temporary DATA_DIR.
 * `env` overrides the environment (e.g. KNOWLEDGE_DIR for a small knowledge base, OPENAI_BASE_URL for
 * a fake model server); pass `dataDir` to reopen an existing folder (a restart).
 */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const temp = dataDir ? { dir: dataDir, cleanup: () => undefined } : tempDataDir();
  const fullEnv: Record<string, string> = { DATA_DIR: temp.dir, LOG_LEVEL: 'silent', ...env };
  const config = loadConfig(fullEnv, projectRoot);
  const app = await createApp(config, { logger: silentLogger() });
  return {
    app,
    dataDir: temp.dir,
    env: fullEnv,
    async close(keep = false) {
      await app.close();
      if (!keep) temp.cleanup();
    },
  };
}

export const PROJECT_ROOT = projectRoot;
export const SHIPPED_KNOWLEDGE = path.join(projectRoot, 'knowledge');
