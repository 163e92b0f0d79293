/**
 * Boundaries to cut at, best first. A boundary is only used if it keeps at least half the limit in the
 * part, so a blank line near the start does not produce a one-line message followed by a full one.
 */
const BOUNDARIES: RegExp[] = [
  /\n[ \t]*\n\s*/g, // paragraph
  /\n\s*/g, // line
  /[.!?…;]["'”’)\]]*\s+/g, // end of a sentence or of a list item ("a. ...; b. ...")
  /\s+/g, // word
];

/**
 * Splits a long answer into messages a channel accepts (Telegram: 4096, WhatsApp: about 4000), cutting at a paragraph, line, sentence or word
 * boundary (in that order of preference) so no word is broken and lists stay whole. Only a single
 * "word" longer than the limit (a long URL) is cut inside, and never through a surrogate pair.
 * Nothing but the whitespace at the cuts is lost.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new Error('limit must be at least 2');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const { end, next } = cutPoint(rest, limit);
    parts.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(next).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** Where the first part ends and the next begins (the whitespace between them is dropped). */
function cutPoint(text: string, limit: number): { end: number; next: number } {
  // The whitespace of a boundary may begin at index `limit`: the part is then exactly `limit` long.
  const window = text.slice(0, limit + 1);
  const half = Math.floor(limit / 2);
  for (const [level, pattern] of BOUNDARIES.entries()) {
    const minimum = level === BOUNDARIES.length - 1 ? 1 : half;
    let best: { end: number; next: number } | undefined;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      // Sentence punctuation stays with its sentence; only the whitespace after it is cut.
      const end = m.index + (/^\S*/.exec(m[0])?.[0].length ?? 0);
      if (m.index >= minimum && end <= limit) best = { end, next: m.index + m[0].length };
    }
    if (best) return best;
  }
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { end, next: end };
}
