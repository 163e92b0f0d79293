/**
 * The proposal feature's name. The router uses a feature's name both as the prefix of its choice ids
 * (`proposal:<payload>`) and as its flow in the session, so one constant serves both.
 */
export const PROPOSAL_FEATURE = 'proposal';
