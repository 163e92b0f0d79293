import type { Token } from './tokens.js';
import { referenceValue } from './tokens.js';
import type { Unit } from './units.js';
import { isFragment, splitUnits, unitText, wordCount } from './units.js';

/** How a Pasal's text divides: into numbered ayat, or kept whole when the ayat cannot be told apart. */
export type AyatSplit =
  | { kind: 'ayat'; ayat: Array<{ number: number; text: string }>; dropped: string[] }
  | { kind: 'pasal'; text: string; reason?: string };

/**
 * Divides a Pasal into ayat. Clean text carries a marker before every ayat and is split at the markers.
 * OCR text loses or scatters them, so the ayat are rebuilt in reading order from the drafting rule
 * "one ayat, one sentence" and accepted only when the evidence agrees: the markers that stayed attached
 * sit on the right sentence, every "sebagaimana dimaksud pada ayat (k)" points backwards, and the margin
 * holds at least as many markers as there are sentences. Otherwise the Pasal stays one chunk: a Pasal
 * citation that is right beats an ayat citation that might be wrong.
 */
export function splitAyat(tokens: readonly Token[]): AyatSplit {
  const units = withoutTrailingFragment(splitUnits(tokens, 'marker'));
  // The whole Pasal keeps everything readable, scrambled sentences included; lone scraps go.
  const readable = units.filter((u) => !(u.orphan && wordCount(u) < 3)).flatMap((u) => u.tokens);
  const whole = (reason?: string): AyatSplit => ({
    kind: 'pasal',
    text: unitText(readable),
    ...(reason ? { reason } : {}),
  });
  const markers = tokens.filter((t) => t.kind === 'marker');
  const anchored = units.filter((u) => u.anchor !== undefined);
  if (anchored.length === 0 && units.filter((u) => !u.orphan).length < 2) return whole();

  const clean = markers.length > 0 && markers.length === anchored.length && units[0]?.anchor === 1;
  const numbered = clean ? numberClean(units) : numberInReadingOrder(units, markers);
  if (typeof numbered === 'string') return whole(numbered);

  const ayat: Array<{ number: number; text: string }> = [];
  const dropped: string[] = [];
  numbered.forEach(({ unit, number }) => {
    const text = unitText(unit.tokens);
    // A lone catchword ("Ketentuan") is the start of an ayat whose text OCR lost; it numbers, it is not content.
    if (number === undefined || isFragment(unit)) dropped.push(text);
    else ayat.push({ number, text });
  });
  return ayat.length ? { kind: 'ayat', ayat, dropped } : whole('no ayat text survived');
}

/** A catchword left at the end of a Pasal is not an ayat (it may be one whose text was lost: not knowable). */
function withoutTrailingFragment(units: Unit[]): Unit[] {
  const last = units[units.length - 1];
  return last && last.anchor === undefined && units.length > 1 && isFragment(last) ? units.slice(0, -1) : units;
}

interface Numbered {
  unit: Unit;
  number?: number;
}

/** Every marker is in place: an ayat runs from its marker to the next, whatever its sentences. */
function numberClean(units: Unit[]): Numbered[] | string {
  const out: Numbered[] = [];
  for (const unit of units) {
    const previous = out[out.length - 1];
    if (unit.anchor === undefined && previous) {
      previous.unit = { ...previous.unit, tokens: [...previous.unit.tokens, ...unit.tokens] };
      continue;
    }
    if (unit.anchor !== (previous?.number ?? 0) + 1) return `marker (${unit.anchor}) out of sequence`;
    out.push({ unit, number: unit.anchor });
  }
  return out;
}

function numberInReadingOrder(units: Unit[], markers: Token[]): Numbered[] | string {
  const provisions = units.filter((u) => !u.orphan);
  const n = provisions.length;
  const highestMarker = Math.max(0, ...markers.map((m) => m.value ?? 0));
  const conflict = orderConflict(provisions);
  if (conflict) return conflict;
  // Markers of a page land in one column, often in a neighbouring Pasal, so they only argue against the
  // sentence count when they form this Pasal's complete run (1)…(m) and nothing shows more ayat than m.
  const completeRun = highestMarker > 0 && range(highestMarker).every((k) => markers.some((m) => m.value === k));
  const proven = provisions.map((u, i) => (u.anchor !== undefined || intraReferences(u.tokens).length ? i + 1 : 0));
  const provenAyat = Math.max(...proven);
  if (completeRun && highestMarker < n && provenAyat < n) {
    return `${n} sentences but the markers run only to (${highestMarker})`;
  }
  const evidence = provenAyat > 0 || highestMarker >= n;
  if (!evidence) return 'no marker or reference confirms the ayat';
  return units.map((unit) => (unit.orphan ? { unit } : { unit, number: provisions.indexOf(unit) + 1 }));
}

/**
 * Why sentences cannot be ayat 1..n in this order, if they cannot: an attached marker with another
 * number, or "pada ayat (k)" pointing at itself or a later ayat (a Pasal without ayat refers to none).
 */
export function orderConflict(provisions: readonly Unit[]): string | undefined {
  for (const [i, unit] of provisions.entries()) {
    if (unit.anchor !== undefined && unit.anchor !== i + 1) return `marker (${unit.anchor}) sits on sentence ${i + 1}`;
    const forward = intraReferences(unit.tokens).find((k) => k >= i + 1);
    if (forward !== undefined) return `sentence ${i + 1} refers to ayat (${forward})`;
  }
  return undefined;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

// "pada ayat (2)", "pada ayat (2) dan ayat (3)", "pada ayat (1) sampai dengan ayat (6)": references inside the
// same Pasal. "dalam Pasal 7 ayat (1)" points to another Pasal and is not matched.
const INTRA_REFERENCE_RE =
  /\bpada\s+ayat\s+\S+(?:\s+huruf\s+[a-z])?(?:\s*,?\s*(?:dan|atau|serta|sampai\s+dengan)\s+ayat\s+\S+(?:\s+huruf\s+[a-z])?)*/gi;

/** Ayat numbers a unit refers to inside its own Pasal. */
function intraReferences(tokens: readonly Token[]): number[] {
  const text = tokens
    .filter((t) => t.kind === 'word')
    .map((t) => t.text)
    .join(' ');
  const out: number[] = [];
  for (const phrase of text.match(INTRA_REFERENCE_RE) ?? []) {
    for (const m of phrase.matchAll(/ayat\s+(\S+)/gi)) {
      const value = referenceValue(m[1] ?? '');
      if (value !== undefined) out.push(value);
    }
  }
  return out;
}
