import { choice, choiceFits, type Choice } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { Answer } from '../../knowledge/answer/answer.js';
import { displayCitation } from '../../knowledge/answer/extractive.js';

/**
 * From this confidence up, a question Pandu does not answer gets the closest passages offered to read.
 * Below it are rule refusals (confidence 0) and questions with nothing in common with the base. Measured on
 * the looked-at question sets (2026-12-07): of the 29 in-scope questions refused, 21 fall at or above 0.25
 * and 17 of those have the passage asked for among the first three; of the 450 out-of-scope questions
 * refused, 57 get passages offered, which they may ignore: the refusal is said first and plainly.
 */
export const SUGGEST_FROM = 0.25;

/** At most this many passages are offered, each with a different citation. */
const MAX_SUGGESTED = 3;
/** A menu label longer than this is cut at a word (Telegram buttons and numbered lines stay on one line). */
const MAX_LABEL_CHARS = 72;

/** The action of a suggested-passage choice: `qa:p:<chunk id>`. */
export const PASSAGE_ACTION = 'p';

/**
 * The passages closest to a question the knowledge base has no basis for, as choices: reading one is the
 * person's decision, and the answer still says plainly that the question itself was not answered.
 */
export function suggestedPassages(answer: Answer, feature: string, t: Translate): Choice[] {
  if (answer.kind !== 'not_found' || answer.confidence < SUGGEST_FROM) return [];
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const { chunk } of answer.hits) {
    if (out.length >= MAX_SUGGESTED) break;
    const payload = `${PASSAGE_ACTION}:${chunk.id}`;
    // Ids are short generated keys; one that would not fit a choice is left out rather than failing the reply.
    if (seen.has(chunk.citation) || !choiceFits(feature, payload)) continue;
    seen.add(chunk.citation);
    out.push(choice(feature, payload, label(`${displayCitation(chunk, t)}${chunk.topic ? `: ${chunk.topic}` : ''}`)));
  }
  return out;
}

function label(text: string): string {
  if (text.length <= MAX_LABEL_CHARS) return text;
  const cut = text.slice(0, MAX_LABEL_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LABEL_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
