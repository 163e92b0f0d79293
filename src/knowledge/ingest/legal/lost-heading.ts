import { orderConflict } from './ayat.js';
import type { Token } from './tokens.js';
import { isFragment, splitUnits } from './units.js';

/**
 * When OCR drops a Pasal heading (the numbers jump from 28 to 30), the lost Pasal's text ends the Pasal
 * before it. It starts at one of that text's sentence boundaries; the split is made only when exactly
 * one boundary leaves both parts consistent as Pasal (an ayat never refers to itself or a later ayat,
 * and an attached marker numbers its own sentence). Any doubt, and the text stays where it is.
 */
export function splitLostHeading(tokens: readonly Token[]): [before: Token[], lost: Token[]] | undefined {
  const units = splitUnits(tokens, 'marker');
  const provisions = units.filter((u) => !u.orphan && !isFragment(u));
  const cuts: number[] = [];
  for (let k = 1; k < provisions.length; k++) {
    if (!orderConflict(provisions.slice(0, k)) && !orderConflict(provisions.slice(k))) cuts.push(k);
  }
  const first = cuts.length === 1 ? provisions[cuts[0] ?? 0] : undefined;
  if (!first) return undefined;
  const at = units.indexOf(first);
  return [units.slice(0, at).flatMap((u) => u.tokens), units.slice(at).flatMap((u) => u.tokens)];
}
