import path from 'node:path';
import type { Db } from '../../db/client.js';
import type { Translate } from '../../i18n/translator.js';
import type { LlmOptions } from '../../knowledge/answer/llm-answer.js';
import type { Retriever } from '../../knowledge/retrieval/retriever.js';
import type { Logger } from '../../logger.js';
import { DraftStore } from './draft-store.js';
import { ProposalFeature } from './proposal-feature.js';
import { SectionAdvisor, openAiComplete, type CompleteFn } from './saran/section-advisor.js';
import { TemplateCatalog } from './templates/template-catalog.js';
import type { YamlCatalog } from '../../yaml/yaml-catalog.js';
import { loadTemplates } from './templates/template-loader.js';
import { ProposalWizard } from './wizard/wizard.js';
import type { QuestionAnswerer } from './wizard/wizard-deps.js';

export interface ProposalFeatureOptions {
  db: Db;
  /** prompts/: templates/*.yaml and proposal-saran.md. */
  promptsDir: string;
  /** The build step's parsed templates (see readYamlCatalog); without it they are parsed now. */
  yaml?: YamlCatalog;
  t: Translate;
  logger: Logger;
  /** The current retriever (it is replaced when the knowledge base changes). */
  retriever: () => Retriever;
  /** The Q&A answerer: a question typed in the middle of a section is answered, with its citations. */
  answerer: QuestionAnswerer;
  llm?: LlmOptions;
  /** Overrides the model call (tests); defaults to an OpenAI-compatible client built from `llm`. */
  complete?: CompleteFn;
  clock?: () => Date;
}

/**
 * Builds the proposal feature for the composition root. A broken template is logged with its file and field
 * and left out; the wizard runs with the others (and says so politely if none loaded).
 */
export function createProposalFeature(options: ProposalFeatureOptions): ProposalFeature {
  const { logger } = options;
  const loaded = loadTemplates(path.join(options.promptsDir, 'templates'), options.yaml);
  for (const error of loaded.errors)
    logger.error({ file: error.file, field: error.field, reason: error.reason }, `proposal template skipped: ${error.message}`);
  logger.debug({ templates: loaded.templates.map((t) => t.id) }, 'proposal templates loaded');
  const complete = options.complete ?? (options.llm ? openAiComplete(options.llm) : undefined);
  const advisor = new SectionAdvisor({ retriever: options.retriever, logger, complete, promptsDir: options.promptsDir });
  const wizard = new ProposalWizard({
    store: new DraftStore(options.db, options.clock),
    catalog: new TemplateCatalog(loaded.templates),
    advisor,
    answerer: options.answerer,
  });
  return new ProposalFeature(wizard, options.t);
}
