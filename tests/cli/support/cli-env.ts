import { SHIPPED_KNOWLEDGE } from '../../support/test-app.js';

/**
 * Environment for a spawned entry point: its own DATA_DIR, offline (no model server, whatever the
 * developer's shell has set) and SQLite under DATA_DIR.
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    OPENAI_EMBEDDING_MODEL: '',
    ...extra,
  };
}
