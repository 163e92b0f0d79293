import pino from 'pino';
import type { Logger } from '../../src/logger.js';

/** A logger that keeps its JSON lines in memory (at `level`), with the same `err` serializer as the app's. */
export function capturingLogger(level: pino.LevelWithSilent = 'debug'): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const logger = pino(
    { level, base: undefined, serializers: { err: pino.stdSerializers.err } },
    { write: (line: string) => void lines.push(line) },
  );
  return { logger, lines, text: () => lines.join('\n') };
}

/** The parsed log lines whose message matches. */
export function entries(lines: readonly string[], msg: RegExp): Array<Record<string, unknown>> {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => msg.test(String(e.msg)));
}
