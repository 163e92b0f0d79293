/** Telegram shows a chat action for about five seconds, so it is renewed a little before that. */
export const TYPING_INTERVAL_MS = 4000;

/**
 * Most answers are ready in milliseconds, before a "typing…" could even be seen; sending one anyway would
 * cost a Bot API call per message. Only an answer still in preparation after this long shows it.
 */
export const TYPING_DELAY_MS = 1000;

/**
 * Shows "typing…" in a chat after `delayMs` and then every `intervalMs` until the returned stop function
 * is called, so the person sees Pandu working through a slow answer. A failed chat action is only
 * reported to `onError`: it must never delay or break the reply itself.
 */
export function keepTyping(
  sendTyping: () => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs = TYPING_INTERVAL_MS,
  delayMs = TYPING_DELAY_MS,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    sendTyping().catch(onError);
  };
  const repeat = () => {
    send();
    timer = setInterval(send, intervalMs);
    // A stuck reply must not keep the process alive at shutdown.
    timer.unref();
  };
  if (delayMs <= 0) repeat();
  else {
    timer = setTimeout(repeat, delayMs);
    timer.unref();
  }
  // clearTimeout and clearInterval clear either kind of timer in Node.
  return () => clearTimeout(timer);
}
