import type { Translate } from '../../i18n/translator.js';
import type { KnowledgeIndex } from '../index/knowledge-index.js';
import type { PasalRequest } from '../retrieval/pasal-lookup.js';
import type { AbsentArticles } from '../retrieval/retriever.js';

/** Beyond this many runs of article numbers the list of what the base holds ends with "…". */
const MAX_RUNS = 12;
/** At most this many regulations are named as having an article the named one lacks. */
const MAX_ELSEWHERE = 3;

/**
 * The refusal for a question naming only articles the base lacks: which ones, what the named regulation
 * has in the base instead (so "UU 23/2014 Pasal 12" learns that only Pasal 386–390 are there), and where
 * the full text is found.
 */
export function absentArticleText(absent: AbsentArticles, index: KnowledgeIndex, t: Translate): string {
  const lines = [t('qa.article_absent', { articles: absent.requests.map((r) => articleName(r, absent.named)).join(', ') })];
  for (const regulation of absent.named) {
    const numbers = index.pasalNumbers(regulation);
    lines.push(numbers.length > 0 ? t('qa.article_held', { regulation, pasal: numberRuns(numbers) }) : t('qa.article_none_held', { regulation }));
  }
  // "PP 38/2017 Pasal 388" may be a slip for UU 23/2014 Pasal 388: say where that number is.
  for (const request of absent.requests) {
    const elsewhere = [...new Set(index.chunksOfPasal(request.pasal).map((d) => index.chunks[d]!.regulation).filter((r): r is string => Boolean(r)))];
    if (elsewhere.length === 0) continue;
    const shown = elsewhere.slice(0, MAX_ELSEWHERE);
    lines.push(t('qa.article_other', { pasal: request.pasal, regulations: shown.join(', '), example: `${shown[0]} Pasal ${request.pasal}` }));
  }
  lines.push(t('qa.article_elsewhere'));
  return lines.join('\n');
}

function articleName(request: PasalRequest, named: readonly string[]): string {
  const unit = `${request.penjelasan ? 'Penjelasan ' : ''}Pasal ${request.pasal}${request.ayat ? ` ayat (${request.ayat})` : ''}${request.angka ? ` angka ${request.angka}` : ''}`;
  return named.length > 0 ? `${named.join(' / ')} ${unit}` : unit;
}

/** "1–5, 7, 9–12": ascending numbers as runs. */
export function numberRuns(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j += 1;
    runs.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return runs.length > MAX_RUNS ? `${runs.slice(0, MAX_RUNS).join(', ')}, …` : runs.join(', ');
}
