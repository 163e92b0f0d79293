import type { Token } from './tokens.js';
import { markerValue, referenceValue } from './tokens.js';
import { endsSentence } from './sentences.js';
import { unitText } from './units.js';

/** One explanation of the Penjelasan, addressed as precisely as the text allows. */
export interface PenjelasanItem {
  ayat?: string;
  huruf?: string;
  angka?: string;
  text: string;
}

interface Address {
  ayat?: string;
  huruf?: string;
  angka?: string;
}

/**
 * Splits the Penjelasan of one Pasal at its "Ayat (n)", "Huruf x" and "Angka n" labels and drops items
 * that say "Cukup jelas." (they carry nothing). OCR sometimes loses the word "Ayat" and leaves "(2)" at
 * the start of an item, or loses the "Ayat (1)" label before the first item; both are recovered.
 */
export function splitPenjelasan(tokens: readonly Token[]): PenjelasanItem[] {
  const items: Array<{ address: Address; tokens: Token[] }> = [];
  let address: Address = {};
  let current: Token[] = [];
  const flush = (next: Address): void => {
    items.push({ address, tokens: current });
    address = next;
    current = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const label = readLabel(tokens, i, current);
    if (label) {
      const next: Address =
        label.field === 'ayat'
          ? { ayat: label.value }
          : label.field === 'huruf'
            ? { ...(address.ayat ? { ayat: address.ayat } : {}), huruf: label.value }
            : { ...address, angka: label.value };
      flush(next);
      i += label.length - 1;
      continue;
    }
    const token = tokens[i];
    // "Ayat Ayat Ayat": labels whose numbers OCR moved away; the numbers are read where they landed.
    if (token && !(token.kind === 'word' && /^(Ayat|Huruf|Angka)$/.test(token.text))) current.push(token);
  }
  flush({});
  recoverFirstAyat(items);
  return items.flatMap(({ address: a, tokens: t }) => {
    const text = tidy(unitText(t));
    return isEmptyExplanation(text) ? [] : [{ ...a, text }];
  });
}

interface Label {
  field: 'ayat' | 'huruf' | 'angka';
  value: string;
  length: number;
}

function readLabel(tokens: readonly Token[], i: number, current: Token[]): Label | undefined {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!token) return undefined;
  if (token.text === 'Ayat' && next) {
    const value = referenceValue(next.text) ?? markerValue(next.text);
    if (value !== undefined) return { field: 'ayat', value: String(value), length: 2 };
  }
  if (token.text === 'Huruf' && next && /^[a-z]{1,2}$/.test(next.text)) {
    return { field: 'huruf', value: next.text, length: 2 };
  }
  if (token.text === 'Angka' && next && /^\d{1,3}$/.test(next.text)) {
    return { field: 'angka', value: next.text, length: 2 };
  }
  // A bare "(2)" opening an item (after a finished sentence) is an "Ayat (2)" that lost its word.
  if (token.kind === 'marker' && token.value !== undefined && startsItem(current)) {
    return { field: 'ayat', value: String(token.value), length: 1 };
  }
  return undefined;
}

function startsItem(current: Token[]): boolean {
  const words = current.filter((t) => t.kind === 'word');
  const last = words[words.length - 1];
  return !last || endsSentence(last.text, 'X');
}

/** "Pasal 5 [lost label] Yang dimaksud … Ayat (2) Cukup jelas.": the first item is ayat (1). */
function recoverFirstAyat(items: Array<{ address: Address; tokens: Token[] }>): void {
  const firstLabelled = items.find((item) => item.address.ayat !== undefined);
  const opening = items[0];
  if (opening && firstLabelled?.address.ayat === '2' && opening.address.ayat === undefined && !opening.address.huruf) {
    opening.address = { ayat: '1' };
  }
}

/** Strips what a lost label leaves at the start of an item: "; Yang …", "l Yang …". */
function tidy(text: string): string {
  return text.replace(/^(?:[^\p{L}\d"“(]+|\S\s+(?=\p{Lu}))/u, '').trim();
}

function isEmptyExplanation(text: string): boolean {
  if (!text || /^cukup\s+jelas\.?$/i.test(text)) return true;
  // OCR debris ("R E P u JrTnu t,',?otf; * . r, o") has almost no real words.
  const words = text.split(/\s+/);
  const real = words.filter((w) => /^\p{L}{3,}[.,;:]?$/u.test(w)).length;
  return real < Math.max(2, words.length / 2);
}
