/**
 * Markdown read as the plain text of a regulation: an admin's file may mark its articles as headings
 * ("## Pasal 1"), in bold ("**Pasal 1**", "**(1)**") or with escapes ("\(1\)"). The marks go and every word
 * and line break stays, so Pasal headings and ayat markers are found as in a text without them, and no mark
 * is left in a cited passage.
 */
export function markdownAsText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[^\S\n]{0,3}(?:>[^\S\n]?)+/, '')
        .replace(/^[^\S\n]{0,3}#{1,6}(?:[^\S\n]+|$)/, '')
        .replace(/[^\S\n]+#+[^\S\n]*$/, '')
        .replace(STRONG_RE, '$2')
        .replace(EMPHASIS_RE, '$1$3')
        .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1'),
    )
    .join('\n');
}

// "**Pasal 1**", "__Pasal 1__": the marks hug the text inside them.
const STRONG_RE = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
// "*Pasal 1*", "_cukup jelas_": only between spaces or punctuation, so "snake_case" and "5*3" stay.
const EMPHASIS_RE = /(^|[\s(["“])([*_])(?=\S)([^*_\n]+?)(?<=\S)\2(?=$|[\s)\].,;:!?"”])/g;
