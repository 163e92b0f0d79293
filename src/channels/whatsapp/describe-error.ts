/** The message of a thrown value, for log lines (whatsapp-web.js and puppeteer throw Errors and strings). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
