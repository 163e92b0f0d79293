import { resolveCatchwords } from './catchwords.js';
import { markPageFurniture } from './page-furniture.js';
import { repairBrokenWords } from './repair-words.js';
import { PAGE_BREAK, renderTokens, tokenize } from './tokens.js';

/**
 * Takes the print furniture out of a regulation text: page headers and numbers, catchwords, "^" OCR
 * artifacts, broken words. Ayat markers and list labels stay where they are (even when detached) because
 * the chunker reads them as evidence; it drops them from chunk text itself.
 */
export function cleanRegulationText(text: string, issuerHeaders: readonly string[] = []): string {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\^/g, ' ')
    .replace(new RegExp(PAGE_BREAK, 'g'), ' ');
  const tokens = resolveCatchwords(tokenize(markPageFurniture(normalised, issuerHeaders)));
  return repairBrokenWords(renderTokens(tokens, (t) => t.kind !== 'break'));
}
