/**
 * The innovations feature's name: the prefix of its choice ids (`innovations:<payload>`) and its flow in
 * the session. The proposal wizard uses it for the one button that registers a finished proposal's innovation.
 */
export const INNOVATIONS_FEATURE = 'innovations';
