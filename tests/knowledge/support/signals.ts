import type { AbstentionSignals } from '../../../src/knowledge/retrieval/abstention.js';

/** Abstention signals of a question half covered by its best passage, with no out-of-scope sign. */
export function signalsOf(overrides: Partial<AbstentionSignals> = {}): AbstentionSignals {
  return {
    coverageTop1: 0.5,
    coverageTop3: 0.5,
    coverageBest: 0.5,
    keyCovered: 1,
    unknownShare: 0.2,
    outsideTopic: 0,
    regionRecord: 0,
    absentRegulation: 0,
    absentArticle: 0,
    answerTypeMissing: 0,
    factMissing: 0,
    asksCurrent: 0,
    yearMismatch: 0,
    headCovered: 1,
    generalShare: 0,
    generalHead: 0,
    generalPhrase: 0,
    ...overrides,
  };
}
