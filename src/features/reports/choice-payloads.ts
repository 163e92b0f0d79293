import { choice, type Choice } from '../../core/messages.js';
import { REPORT_FEATURE } from './report-state.js';

/**
 * The button that opens the report of one innovation for one period: `report:start:<innovationId>:<periodKey>`
 * (at most 56 bytes with a cuid and the longest key, `penerapan-6-bulan`; Telegram allows 64). The lead's
 * reminders put it under "Isi laporan sekarang"; /laporan uses the same payload for its period choices. The
 * router checks nothing beyond the innovator role; the feature checks the innovation belongs to the person
 * and asks for a missing profile first.
 */
export function reportStartChoice(innovationId: string, periodKey: string, label: string): Choice {
  return choice(REPORT_FEATURE, `start:${innovationId}:${periodKey}`, label);
}

/** Reads `<innovationId>:<periodKey>` (the part after `start:`); keys contain no ':'. */
export function parseStartPayload(rest: string): { innovationId: string; periodKey: string } | undefined {
  const m = /^([^:]+):([^:]+)$/.exec(rest);
  return m ? { innovationId: m[1]!, periodKey: m[2]! } : undefined;
}
