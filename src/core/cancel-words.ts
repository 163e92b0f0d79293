/** A message that is only a word for stopping what is under way ("batal", "cancel"): never an answer to keep. */
export function isCancelWord(text: string): boolean {
  return /^(batal|batalkan|cancel|stop)[.!]?$/i.test(text.trim());
}
