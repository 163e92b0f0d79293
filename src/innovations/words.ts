import { textKey } from '../people/opd-names.js';
import type { Cadence, Stage } from './periods.js';

/**
 * How people write a stage or a reporting cadence, in the chat and in a spreadsheet's `tahap` and `jadwal`
 * columns. Input vocabulary (not messages): what Pandu shows comes from locales/id/time.yaml.
 */
const STAGE_WORDS = new Map<string, Stage>([
  ['usulan', 'usulan'],
  ['usul', 'usulan'],
  ['pengusulan', 'usulan'],
  ['uji coba', 'uji_coba'],
  ['ujicoba', 'uji_coba'],
  ['uji', 'uji_coba'],
  ['penerapan', 'penerapan'],
  ['diterapkan', 'penerapan'],
  ['implementasi', 'penerapan'],
]);

const CADENCE_WORDS = new Map<string, Cadence>([
  ['bulanan', 'monthly'],
  ['tiap bulan', 'monthly'],
  ['setiap bulan', 'monthly'],
  ['per bulan', 'monthly'],
  ['sebulan sekali', 'monthly'],
  ['1 bulan', 'monthly'],
  ['triwulanan', 'quarterly'],
  ['triwulan', 'quarterly'],
  ['tiap triwulan', 'quarterly'],
  ['setiap triwulan', 'quarterly'],
  ['per triwulan', 'quarterly'],
  ['kuartalan', 'quarterly'],
  ['tiap 3 bulan', 'quarterly'],
  ['setiap 3 bulan', 'quarterly'],
  ['per 3 bulan', 'quarterly'],
  ['3 bulanan', 'quarterly'],
  ['3 bulan sekali', 'quarterly'],
  ['akhir uji coba', 'end_of_trial'],
  ['di akhir uji coba', 'end_of_trial'],
  ['sekali di akhir uji coba', 'end_of_trial'],
  ['setelah uji coba', 'end_of_trial'],
  ['akhir ujicoba', 'end_of_trial'],
  ['6 bulan setelah penerapan', 'after_penerapan'],
  ['enam bulan setelah penerapan', 'after_penerapan'],
  ['sekali 6 bulan setelah penerapan', 'after_penerapan'],
  ['6 bulan sejak penerapan', 'after_penerapan'],
  ['setelah penerapan', 'after_penerapan'],
]);

/** "Uji Coba", "ujicoba", "tahap penerapan" → the stage; undefined when it names none. */
export function readStage(text: string): Stage | undefined {
  return STAGE_WORDS.get(textKey(text).replace(/^tahap\s+/, ''));
}

/** "bulanan", "Triwulanan", "akhir uji coba", "6 bulan setelah penerapan" → the cadence; undefined otherwise. */
export function readCadence(text: string): Cadence | undefined {
  return CADENCE_WORDS.get(textKey(text).replace(/^(?:jadwal|laporan)\s+/, ''));
}

/**
 * The cadences that make sense in a stage: periodic reports always; the end-of-trial report only during
 * uji coba (PP 38/2017 Pasal 18); the six-month report only once the innovation is applied (Pasal 20 ayat (4)).
 */
export function cadencesFor(stage: Stage): Cadence[] {
  switch (stage) {
    case 'usulan':
      return ['monthly', 'quarterly'];
    case 'uji_coba':
      return ['monthly', 'quarterly', 'end_of_trial'];
    case 'penerapan':
      return ['monthly', 'quarterly', 'after_penerapan'];
  }
}
