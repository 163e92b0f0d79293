import type { Answer } from '../../../knowledge/answer/answer.js';
import type { DraftStore } from '../draft-store.js';
import type { SectionAdvisor } from '../saran/section-advisor.js';
import type { TemplateCatalog } from '../templates/template-catalog.js';

/** Answers a question from the knowledge base with its citations (the Q&A answerer). */
export interface QuestionAnswerer {
  answer(question: string): Promise<Answer>;
}

/** What every part of the wizard works with; built once by createProposalFeature. */
export interface WizardDeps {
  store: DraftStore;
  catalog: TemplateCatalog;
  advisor: SectionAdvisor;
  answerer: QuestionAnswerer;
}
