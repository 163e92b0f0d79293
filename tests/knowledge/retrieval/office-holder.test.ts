import { describe, expect, it } from 'vitest';
import { asksOfficeHolder } from '../../../src/knowledge/retrieval/office-holder.js';
import { QuestionText } from '../../../src/knowledge/retrieval/question-text.js';

const asks = (question: string) => asksOfficeHolder(new QuestionText(question));

describe('a question asking who holds a post now', () => {
  it('is read from who or a name, an office, and now or a verb of holding it', () => {
    expect(asks('siapa kepala BSKDN sekarang?')).toBe(true);
    expect(asks('nama gubernur jateng saat ini siapa ya')).toBe(true);
    expect(asks('siapa yg lagi menjabat mendagri?')).toBe(true);
    expect(asks('Permisi kak, siapa ketua tim penilai yang sekarang? mau kami undang')).toBe(true);
    expect(asks('who is the current head of BSKDN?')).toBe(true);
  });

  it('is not a question about which office acts, nor one about now without a person', () => {
    expect(asks('siapa menteri yang menilai inovasi sekarang?')).toBe(false);
    expect(asks('siapa kepala yang menetapkan keputusan inovasi daerah?')).toBe(false);
    expect(asks('kepala daerah sekarang wajib lapor inovasi ke mana?')).toBe(false);
    expect(asks('lapor inovasi ke kemendagri skrg lewat apa?')).toBe(false);
  });
});
