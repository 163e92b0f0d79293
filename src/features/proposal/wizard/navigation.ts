import type { Section, Template } from '../templates/template-schema.js';

export type NavCommand =
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'skip' }
  | { kind: 'edit'; target?: string }
  | { kind: 'summary' }
  | { kind: 'save' }
  | { kind: 'cancel' }
  | { kind: 'finish' }
  | { kind: 'check' }
  | { kind: 'advise' }
  | { kind: 'markdown' }
  | { kind: 'document' }
  | { kind: 'delete' }
  | { kind: 'undo' }
  | { kind: 'help' }
  | { kind: 'show' }
  | { kind: 'list' }
  | { kind: 'new' };

/** Words that steer the wizard when sent alone (the user's input vocabulary, not messages). */
const WORDS: Record<string, NavCommand['kind']> = {
  lanjut: 'next',
  lanjutkan: 'next',
  berikutnya: 'next',
  next: 'next',
  kembali: 'back',
  sebelumnya: 'back',
  mundur: 'back',
  back: 'back',
  lewati: 'skip',
  lewatkan: 'skip',
  skip: 'skip',
  ringkasan: 'summary',
  rangkuman: 'summary',
  simpan: 'save',
  batal: 'cancel',
  keluar: 'cancel',
  selesai: 'finish',
  periksa: 'check',
  cek: 'check',
  saran: 'advise',
  markdown: 'markdown',
  dokumen: 'document',
  unduh: 'document',
  docx: 'document',
  hapus: 'delete',
  'hapus terakhir': 'undo',
  'batalkan terakhir': 'undo',
  urungkan: 'undo',
  undo: 'undo',
  bantuan: 'help',
  menu: 'help',
  panduan: 'show',
  contoh: 'show',
  daftar: 'list',
  'daftar draf': 'list',
  'draf baru': 'new',
};

const EDIT_RE = /^(?:ubah|edit|ganti)(?:\s+(?:bagian\s+)?(.+))?$/;

/**
 * Reads a message as a wizard command, or returns undefined when it is an answer. Only a message that is
 * the command alone counts ("lanjut", "Kembali.", "*ubah manfaat*"), so answers that merely contain
 * these words are saved as answers.
 */
export function parseNavigation(text: string): NavCommand | undefined {
  if (text.length > 80) return undefined;
  const clean = text
    .trim()
    .replace(/^[*_~`"'“”]+|[*_~`"'“”]+$/g, '')
    .replace(/[.!]+$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
  const kind = WORDS[clean];
  if (kind) return { kind } as NavCommand;
  const edit = EDIT_RE.exec(clean);
  if (edit) return edit[1] ? { kind: 'edit', target: edit[1].trim() } : { kind: 'edit' };
  return undefined;
}

/**
 * Finds the section a user means by "ubah <bagian>": its number, its key, or words of its title
 * ("ubah 3", "ubah manfaat", "ubah waktu uji coba"). Several matches come back for a menu.
 */
export function resolveSection(template: Template, target: string): Section[] {
  const q = target.trim().toLowerCase();
  const n = /^\d{1,2}$/.test(q) ? Number(q) : undefined;
  if (n !== undefined) {
    const s = template.sections[n - 1];
    return s ? [s] : [];
  }
  const byKey = template.sections.find((s) => s.key === q.replace(/\s+/g, '_'));
  if (byKey) return [byKey];
  // Templates call the first section "Nama inovasi" or "Judul inovasi"; people use either word.
  if (/^(judul|nama)(\s+inovasi)?$/.test(q)) return template.sections.filter((s) => s.key === template.presubmission.titleSection);
  const words = q.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const exact = template.sections.filter((s) => s.title.toLowerCase() === q);
  if (exact.length > 0) return exact;
  return template.sections.filter((s) => {
    const titleWords = s.title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => titleWords.some((tw) => tw.startsWith(w)));
  });
}
