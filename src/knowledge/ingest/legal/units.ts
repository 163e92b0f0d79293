import { endsSentence } from './sentences.js';
import type { Token } from './tokens.js';
import { isHeadingWord, renderTokens } from './tokens.js';

/**
 * A sentence-sized piece of a Pasal: an ayat (markers) or a definition (numbered labels) is drafted as
 * one sentence, list included. `anchor` is the number printed at its start when OCR kept it there.
 */
export interface Unit {
  anchor?: number;
  tokens: Token[];
  /** Starts in lower case right after a finished sentence and detached markers: scrambled OCR, not a provision. */
  orphan: boolean;
}

/** Which tokens number the units: ayat markers "(2)" or definition labels "13.". */
export type AnchorKind = 'marker' | 'label';

/**
 * Cuts a Pasal's tokens at sentence ends and at anchored markers/labels, keeping the furniture in
 * place (the callers read it as evidence and drop it from text).
 */
export function splitUnits(tokens: readonly Token[], anchorKind: AnchorKind): Unit[] {
  const units: Unit[] = [];
  let current: Unit = { tokens: [], orphan: false };
  let lastContent: Token | undefined;
  let beforeLast: Token | undefined;
  let lastAnchor = 0;
  let furnitureSinceContent = false;
  const close = (next: Unit): void => {
    if (hasContent(current)) units.push(current);
    current = next;
    lastContent = undefined;
    beforeLast = undefined;
    furnitureSinceContent = false;
  };

  tokens.forEach((token, i) => {
    const value = token.kind === anchorKind ? token.value : undefined;
    if (value !== undefined && isAnchored(tokens, i, lastContent, beforeLast, lastAnchor)) {
      close({ anchor: value, tokens: [], orphan: false });
      lastAnchor = value;
      return;
    }
    if (isContent(tokens, i)) {
      if (lastContent && hasContent(current)) {
        const finished = lastContent.kind === 'word' && endsSentence(lastContent.text, token.text, beforeLast?.text);
        const cutOff = furnitureSinceContent && /[.!?]$/.test(lastContent.text) && /^\p{Ll}/u.test(token.text);
        if (finished || cutOff) close({ tokens: [], orphan: cutOff && !finished });
      }
      current.tokens.push(token);
      beforeLast = lastContent;
      lastContent = token;
      furnitureSinceContent = false;
      return;
    }
    if (token.kind !== 'newline') furnitureSinceContent = true;
    current.tokens.push(token);
  });
  close({ tokens: [], orphan: false });
  return units;
}

/**
 * A marker or label numbers what follows when a sentence starts right after it and one ended before it,
 * when it continues the numbering ("… BUMD (2) Pendirian", a period lost in the source), or when it opens
 * a line. The last marker of a column dumped on one line ("(1) (2) (1) (2) Penganggaran") numbers nothing.
 */
function isAnchored(
  tokens: readonly Token[],
  i: number,
  lastContent: Token | undefined,
  beforeLast: Token | undefined,
  lastAnchor: number,
): boolean {
  const next = nextNonNewline(tokens, i + 1);
  const startsSentence = next?.kind === 'word' && /^[\p{Lu}"“]/u.test(next.text) && !isHeadingWord(next.text);
  if (!startsSentence) return false;
  const previous = tokens[i - 1];
  if (previous?.kind === tokens[i]?.kind) return false;
  if (lastAnchor > 0 && tokens[i]?.value === lastAnchor + 1) return true;
  // Opening a line before a capital, as printed (and as the catchword step puts a marker back).
  if (previous?.kind === 'newline') return true;
  return !lastContent || /[:]$/.test(lastContent.text) || endsSentence(lastContent.text, next.text, beforeLast?.text);
}

/** Words, and list labels that carry an item ("a. bentuk …"); detached labels are furniture. */
function isContent(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.kind === 'word') return true;
  return token?.kind === 'label' && nextNonNewline(tokens, i + 1)?.kind === 'word';
}

function nextNonNewline(tokens: readonly Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) if (tokens[i]?.kind !== 'newline') return tokens[i];
  return undefined;
}

function hasContent(unit: Unit): boolean {
  return unit.tokens.some((t) => t.kind === 'word');
}

/** The unit as chunk text: margin furniture dropped, list items kept on their own lines. */
export function unitText(tokens: readonly Token[]): string {
  const text = renderTokens(tokens, (t, i, all) => t.kind === 'word' || (t.kind === 'label' && isContent(all, i)));
  return (
    text
      // Line breaks of the page layout are not structure; only a list item starts a new line.
      .replace(/\n(?!(?:[a-z]|\d{1,3})[.)]\s)/g, ' ')
      // OCR reads a final period as an apostrophe ("hari kerja'").
      .replace(/(\p{L})'$/u, '$1.')
  );
}

/** Number of words, to tell a provision from a catchword left alone ("Ketentuan"). */
export function wordCount(unit: Unit): number {
  return unit.tokens.filter((t) => t.kind === 'word').length;
}

/**
 * A word or two without a closing period: what is left of a catchword when OCR lost the text it
 * announced ("Ketentuan" at the foot of a page, "Agar" before the closing formula).
 */
export function isFragment(unit: Unit): boolean {
  const words = unit.tokens.filter((t) => t.kind === 'word');
  return words.length < 3 && !/[.:;]$/.test(words[words.length - 1]?.text ?? '');
}
