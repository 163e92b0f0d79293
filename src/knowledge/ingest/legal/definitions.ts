import type { Token } from './tokens.js';
import { renderTokens } from './tokens.js';
import type { Unit } from './units.js';
import { splitUnits, unitText } from './units.js';

/** The definitions Pasal ("yang dimaksud dengan: 1. … 2. …") split per angka. */
export interface DefinitionSplit {
  definitions: Array<{ angka: number; text: string }>;
  /** Definitions whose number could not be recovered, with the opening sentence: kept at Pasal level. */
  unnumbered?: string;
}

const DEFINITIONS_OPENING_RE = /yang\s+dimaksud\s+dengan\s*:/i;

/**
 * Definitions numbered like ayat ("yang dimaksud dengan: (1) Daerah adalah … (2) …"), as some texts and
 * OCR print them: read the markers as definition numbers, since a definitions Pasal has no ayat.
 */
export function markersAsLabels(tokens: readonly Token[]): readonly Token[] {
  if (!DEFINITIONS_OPENING_RE.test(renderTokens(tokens.slice(0, 40)))) return tokens;
  const labels = tokens.filter((t) => t.kind === 'label' && t.value).length;
  const markers = tokens.filter((t) => t.kind === 'marker' && t.value).length;
  if (labels >= 2 || markers < 2) return tokens;
  return tokens.map((t) => (t.kind === 'marker' ? { ...t, kind: 'label' as const } : t));
}

/** True for a Pasal that opens with "… yang dimaksud dengan:" followed by numbered definitions. */
export function isDefinitionsPasal(tokens: readonly Token[]): boolean {
  const opening = renderTokens(tokens.slice(0, 40));
  return DEFINITIONS_OPENING_RE.test(opening) && tokens.filter((t) => t.kind === 'label' && t.value).length >= 2;
}

/**
 * Numbers the definitions. Labels that stayed on their definition are fixed points; between two of
 * them OCR may have moved the labels away ("6. 7. 8. … 12." in a column, the definitions after it), and
 * the definitions in between are numbered in order only when their count fills the gap exactly.
 */
export function splitDefinitions(tokens: readonly Token[]): DefinitionSplit {
  const units = splitUnits(tokens, 'label').filter((u) => !u.orphan);
  const openingEnd = units.findIndex((u) => u.anchor !== undefined);
  if (openingEnd < 0) return { definitions: [], unnumbered: unitText(tokens) };
  const opening = units.slice(0, openingEnd);
  const items = units.slice(openingEnd);
  // Labels left in a column away from their text mean OCR order: fill gaps. Otherwise the text is clean.
  const highestLabel = Math.max(0, ...tokens.map((t) => (t.kind === 'label' ? (t.value ?? 0) : 0)));
  const numbers = hasDetachedLabels(tokens) ? fillGaps(items, highestLabel) : mergeContinuations(items);

  const definitions: DefinitionSplit['definitions'] = [];
  const first = firstDefinitionInOpening(opening, numbers[0]?.angka);
  if (first) definitions.push({ angka: 1, text: first });
  const unnumbered: string[] = [];
  numbers.forEach(({ unit, angka }) => {
    const text = unitText(unit.tokens);
    if (angka === undefined) unnumbered.push(text);
    else definitions.push({ angka, text });
  });
  if (unnumbered.length === 0) return { definitions };
  return { definitions, unnumbered: [...opening.map((u) => unitText(u.tokens)), ...unnumbered].join('\n') };
}

/**
 * OCR often misreads the first label ("l." or "I." for "1."), which then leaves definition 1 inside the
 * opening sentence. When the first recognised number is 2, what follows "yang dimaksud dengan:" is it.
 */
function firstDefinitionInOpening(opening: Unit[], firstAngka: number | undefined): string | undefined {
  if (firstAngka !== 2 || opening.length === 0) return undefined;
  const text = opening.map((u) => unitText(u.tokens)).join(' ');
  const m = DEFINITIONS_OPENING_RE.exec(text);
  if (!m) return undefined;
  const rest = text
    .slice(m.index + m[0].length)
    .replace(/^\s*[lI1]\s*[.,]\s*/, '')
    .trim();
  return /\badalah\b/.test(rest) ? rest : undefined;
}

interface Numbered {
  unit: Unit;
  angka?: number;
}

/** Clean text: a sentence without its own label continues the definition before it. */
function mergeContinuations(items: Unit[]): Numbered[] {
  const out: Numbered[] = [];
  for (const unit of items) {
    const previous = out[out.length - 1];
    if (unit.anchor === undefined && previous) {
      previous.unit = { ...previous.unit, tokens: [...previous.unit.tokens, ...unit.tokens] };
    } else {
      out.push({ unit, ...(unit.anchor !== undefined ? { angka: unit.anchor } : {}) });
    }
  }
  return out;
}

/** OCR text: numbers between fixed points when the count fits; after the last, up to the highest label printed. */
function fillGaps(items: Unit[], highestLabel: number): Numbered[] {
  const out: Numbered[] = items.map((unit) => ({ unit, ...(unit.anchor !== undefined ? { angka: unit.anchor } : {}) }));
  const anchors = out.flatMap((n, i) => (n.angka !== undefined ? [i] : []));
  anchors.forEach((from, k) => {
    const fromNumber = out[from]?.angka;
    const to = anchors[k + 1] ?? out.length;
    const toNumber = anchors[k + 1] === undefined ? highestLabel + 1 : out[to]?.angka;
    if (fromNumber === undefined || toNumber === undefined) return;
    if (toNumber - fromNumber !== to - from) return;
    for (let i = from + 1; i < to; i++) {
      const slot = out[i];
      if (slot) slot.angka = fromNumber + (i - from);
    }
  });
  return out;
}

function hasDetachedLabels(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    if (t.kind !== 'label' || t.value === undefined) return false;
    const next = tokens.slice(i + 1).find((n) => n.kind !== 'newline');
    return !next || next.kind !== 'word';
  });
}
