/** Telegram shows a chat action for about five seconds, so it is renewed a little before that. */
export const TYPING_INTERVAL_MS = 4000;

/**
 * Shows "typing…" in a chat now and every `intervalMs` until the returned stop function is called, so
 * the person sees Pandu working through a slow answer. A failed chat action is only reported to
 * `onError`: it must never delay or break the reply itself.
 */
export function keepTyping(
  sendTyping: () => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs = TYPING_INTERVAL_MS,
): () => void {
  const send = () => {
    sendTyping().catch(onError);
  };
  send();
  const timer = setInterval(send, intervalMs);
  // A stuck reply must not keep the process alive at shutdown.
  timer.unref();
  return () => clearInterval(timer);
}
