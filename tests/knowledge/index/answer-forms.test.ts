import { describe, expect, it } from 'vitest';
import { answerForm } from '../../../src/knowledge/index/answer-forms.js';
import { chunk } from '../support/chunks.js';

const PP = 'PP 38/2017';

describe('answerForm', () => {
  it('reads the legal instrument a rule sets something by', () => {
    expect(answerForm(chunk({ regulation: PP, pasal: '20', ayat: '2' }, 'Penerapan Inovasi Daerah ditetapkan dengan Perda atau Perkada.')).instrument).toBe(true);
    expect(answerForm(chunk({ regulation: 'UU 23/2014', pasal: '390' }, 'Ketentuan lebih lanjut diatur dengan peraturan pemerintah.')).instrument).toBe(true);
    expect(answerForm(chunk({ regulation: PP, pasal: '14', ayat: '1' }, 'Kepala Daerah menetapkan keputusan tentang Inovasi Daerah.')).instrument).toBe(false);
  });

  it('reads a passage\'s shape from its own sentences, not from one describing another article', () => {
    const penjelasan = chunk(
      { regulation: PP, pasal: '6', huruf: 'c', penjelasan: true },
      'Inovasi tidak boleh menimbulkan pungutan yang bertentangan dengan peraturan. Penerapan inovasi yang menimbulkan pembebanan ditetapkan dengan Perda paling lambat 6 (enam) bulan (PP 38/2017 Pasal 20 ayat (2)).',
    );
    expect(answerForm(penjelasan)).toMatchObject({ instrument: false, duration: false });
  });
});
