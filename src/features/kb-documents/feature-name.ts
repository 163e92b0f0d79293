/** Prefix of this feature's choices and the name of its flow. */
export const KB_DOCUMENTS_FEATURE = 'kbdoc';
