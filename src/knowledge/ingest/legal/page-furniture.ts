import { PAGE_BREAK } from './tokens.js';

// The running header of every page of a PP/UU/Perpres, in the shapes OCR leaves it:
// "PRES I DEN REPUBLIK INDONESIA", "F}1i: S IDEN REPLIBL IK INt)ONESIA", "FRES I DEN REFUtsLIK INDCNESIA".
// Not when it is part of a title ("PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR ...").
const PRESIDEN_HEADER_RE =
  /(?<!(?:PERATURAN|KEPUTUSAN|INSTRUKSI)\s)\b[PF]\S{0,4}?\s?S\s?I\s?D\s?E\s?N\s+R\s?E\S{0,8}(?:\s\S{1,4})?\s+I\s?N\S{0,4}NESIA\b/g;

// "-5-", "- 12 -", "_12_", and a page number left alone at the end of a line after a sentence ("jelas. 4-").
const PAGE_NUMBER_RE = /(?<=^|\s)[-_–]\s?\d{1,3}\s?[-_–](?=\s|$)/gm;
const TRAILING_PAGE_NUMBER_RE = /(?<=[.;:]\s)\d{1,3}-(?=[^\S\n]*$)/gm;

/**
 * Replaces page headers and page numbers with a page-break token. The break is kept (not deleted) because
 * the words around it tell where the page's catchword was; see catchwords.ts.
 *
 * `issuerHeaders` are the running headers of other issuers ("BUPATI CONTOH"); they are matched in
 * capitals only, allowing OCR's stray spaces between letters.
 */
export function markPageFurniture(text: string, issuerHeaders: readonly string[] = []): string {
  const brk = ` ${PAGE_BREAK} `;
  let out = text.replace(PRESIDEN_HEADER_RE, brk);
  for (const header of issuerHeaders) out = out.replace(spacedCapitals(header), brk);
  return out.replace(PAGE_NUMBER_RE, brk).replace(TRAILING_PAGE_NUMBER_RE, brk);
}

// Letters OCR confuses with digits or each other in a header line.
const LOOK_ALIKES: Record<string, string> = { I: '[I1l|]', O: '[O0Q]', S: '[S5]', B: '[B8]', Z: '[Z2]', G: '[G6]' };

/**
 * "BUPATI CONTOH" → a regex that also accepts "B UPATI CONTOH" and "BUPATl CONTOH", but not "Bupati
 * Contoh" in a sentence, the title "PERATURAN BUPATI CONTOH" or the signature "BUPATI CONTOH,".
 */
function spacedCapitals(header: string): RegExp {
  const words = header
    .trim()
    .split(/\s+/)
    .map((word) => [...word].map((ch) => LOOK_ALIKES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(' ?'));
  return new RegExp(`(?<![\\p{L}])(?<!(?:PERATURAN|KEPUTUSAN|ATAS)\\s)${words.join('\\s+')}(?![\\p{L},])`, 'gu');
}
