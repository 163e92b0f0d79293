import { parseNumberWords } from './number-words.js';

export type ProgressParse = { ok: true; value: number } | { ok: false; reason: 'unreadable' | 'range' };

/** Words around a percentage that say nothing about its value ("sekitar 60 persen", "sudah mencapai 60%"). */
const FILLER =
  /\b(?:sekitar|kira-kira|kira|kurang lebih|lebih kurang|kurleb|sudah|baru|mencapai|capai|progres|progress|kemajuan|sebesar|persen|prosen|percent)\b|[%±~]/gu;

/**
 * A progress percentage as typed: "60", "60%", "60 persen", "sekitar 60%", "62,5%", "enam puluh persen".
 * Decimals are rounded; anything outside 0–100 is refused rather than clamped.
 */
export function parseProgress(text: string): ProgressParse {
  const clean = text.toLowerCase().replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const digits = /^(\d+(?:[.,]\d+)?)$/.exec(clean);
  const value = digits ? Number(digits[1]!.replace(',', '.')) : parseNumberWords(clean);
  if (value === undefined || Number.isNaN(value)) return { ok: false, reason: 'unreadable' };
  if (value < 0 || value > 100) return { ok: false, reason: 'range' };
  return { ok: true, value: Math.round(value) };
}
