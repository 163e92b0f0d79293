import type { ProgressFn } from '../knowledge/knowledge-service.js';

/** Stage names as the person at the terminal reads them. */
const STAGE_NAMES: Record<string, string> = { knowledge: 'basis pengetahuan', embedding: 'indeks vektor' };

/**
 * A progress bar on stderr for long work (first-run ingestion, embedding, re-index). On a TTY it redraws
 * one line; otherwise it prints only when a stage starts and ends, so logs stay readable.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressFn {
  let lastLabel = '';
  let lastDraw = 0;
  return (done, total, stage) => {
    const label = STAGE_NAMES[stage] ?? stage;
    if (total <= 0) return;
    if (!stream.isTTY) {
      if (label !== lastLabel) stream.write(`${label}: ${total} butir...\n`);
      else if (done === total) stream.write(`${label}: selesai (${total})\n`);
      lastLabel = label;
      return;
    }
    const now = Date.now();
    if (done !== total && label === lastLabel && now - lastDraw < 80) return;
    lastDraw = now;
    lastLabel = label;
    const width = 28;
    const filled = Math.round((done / total) * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    stream.write(`\r${label.padEnd(18)} [${bar}] ${String(Math.floor((done / total) * 100)).padStart(3)}% ${done}/${total}`);
    if (done === total) stream.write('\n');
  };
}
