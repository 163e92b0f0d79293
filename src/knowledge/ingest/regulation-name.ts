import { OCR_DIGIT, readOcrNumber } from './legal/ocr-number.js';

/** Who issued a regulation and what it is called, as read from its opening lines. */
export interface RegulationIdentity {
  /** Short citation name: "PP 38/2017", "UU 23/2014", "Perbup Contoh 7/2021". */
  regulation: string;
  /** Full name: "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah". */
  title: string;
}

/** The identity plus the running page header its issuer prints ("BUPATI CONTOH"), for the OCR cleaner. */
export interface RegulationHeader extends RegulationIdentity {
  pageHeaders: string[];
}

interface Kind {
  pattern: RegExp;
  /** Short name, given the qualifier printed after the kind (ministry or place). */
  short: (qualifier: string) => string;
  long: string;
  /** Page headers, given the qualifier. */
  headers: (qualifier: string) => string[];
}

const MINISTRIES: ReadonlyArray<[RegExp, string, string]> = [
  [/^DALAM NEGERI$/, 'Permendagri', 'Kepmendagri'],
  [/^PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI$/, 'Permen PANRB', 'Kepmen PANRB'],
  [/^KEUANGAN$/, 'PMK', 'KMK'],
  [/^KESEHATAN$/, 'Permenkes', 'Kepmenkes'],
  [/^HUKUM DAN HAK ASASI MANUSIA$/, 'Permenkumham', 'Kepmenkumham'],
  [/^KOMUNIKASI DAN INFORMATIKA$/, 'Permenkominfo', 'Kepmenkominfo'],
  [/^DESA,? PEMBANGUNAN DAERAH TERTINGGAL,? DAN TRANSMIGRASI$/, 'Permendes PDTT', 'Kepmendes PDTT'],
];

function ministry(qualifier: string, decree: boolean): string {
  const name = qualifier.toUpperCase().replace(/\s+/g, ' ').trim();
  const known = MINISTRIES.find(([re]) => re.test(name));
  if (known) return decree ? known[2] : known[1];
  return `${decree ? 'Kepmen' : 'Permen'} ${titleCase(name)}`;
}

const place = (qualifier: string): string => titleCase(qualifier);
const president = (): string[] => [];
const minister = (q: string): string[] => [`MENTERI ${q} REPUBLIK INDONESIA`, `MENTERI ${q}`];
const governor = (q: string): string[] => [`GUBERNUR ${q}`];
const regent = (q: string): string[] => [`BUPATI ${q}`];
const mayor = (q: string): string[] => [`WALI KOTA ${q}`, `WALIKOTA ${q}`];

function kind(pattern: RegExp, long: string, short: Kind['short'], headers: Kind['headers']): Kind {
  return { pattern, long, short, headers };
}

// Longest phrases first: "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG" before "PERATURAN PEMERINTAH".
const KINDS: Kind[] = [
  kind(/PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+UNDANG\s*[-–—]\s*UNDANG/i, 'Peraturan Pemerintah Pengganti Undang-Undang', () => 'Perppu', president),
  kind(/UNDANG\s*[-–—]\s*UNDANG/i, 'Undang-Undang', () => 'UU', president),
  kind(/PERATURAN\s+PEMERINTAH/i, 'Peraturan Pemerintah', () => 'PP', president),
  kind(/PERATURAN\s+PRESIDEN/i, 'Peraturan Presiden', () => 'Perpres', president),
  kind(/KEPUTUSAN\s+PRESIDEN/i, 'Keputusan Presiden', () => 'Keppres', president),
  kind(/INSTRUKSI\s+PRESIDEN/i, 'Instruksi Presiden', () => 'Inpres', president),
  kind(/PERATURAN\s+MENTERI/i, 'Peraturan Menteri', (q) => ministry(q, false), minister),
  kind(/KEPUTUSAN\s+MENTERI/i, 'Keputusan Menteri', (q) => ministry(q, true), minister),
  kind(/PERATURAN\s+DAERAH/i, 'Peraturan Daerah', (q) => `Perda ${place(q)}`, regionalHead),
  kind(/PERATURAN\s+GUBERNUR/i, 'Peraturan Gubernur', (q) => `Pergub ${place(q)}`, governor),
  kind(/PERATURAN\s+BUPATI/i, 'Peraturan Bupati', (q) => `Perbup ${place(q)}`, regent),
  kind(/PERATURAN\s+WALI\s*KOTA/i, 'Peraturan Wali Kota', (q) => `Perwal ${place(q)}`, mayor),
  kind(/KEPUTUSAN\s+GUBERNUR/i, 'Keputusan Gubernur', (q) => `Kepgub ${place(q)}`, governor),
  kind(/KEPUTUSAN\s+BUPATI/i, 'Keputusan Bupati', (q) => `Kepbup ${place(q)}`, regent),
  kind(/KEPUTUSAN\s+WALI\s*KOTA/i, 'Keputusan Wali Kota', (q) => `Kepwal ${place(q)}`, mayor),
];

/** A Perda is signed by the head of its region, whose title heads its pages. */
function regionalHead(qualifier: string): string[] {
  const m = /^(PROVINSI|KABUPATEN|KOTA)\s+(.+)$/i.exec(qualifier.trim());
  if (!m?.[1] || !m[2]) return [];
  const region = m[2].toUpperCase();
  const level = m[1].toUpperCase();
  return level === 'PROVINSI' ? governor(region) : level === 'KABUPATEN' ? regent(region) : mayor(region);
}

// "NOMOR 38", "NOMOR 2Ol7"; ministerial decrees carry classification codes ("NOMOR 100.2.1.3-1234").
const NUMBER_RE = new RegExp(
  String.raw`\bNOMOR\s*:?\s*([${OCR_DIGIT}]{1,4}|\d[\d./-]*\d)\s+TAHUN\s+([${OCR_DIGIT}]{4}|[${OCR_DIGIT}]{2}\s[${OCR_DIGIT}]{2})\b`,
  'i',
);
// The subject ends where the preamble starts: "DENGAN RAHMAT", "Menimbang", a blank line, the issuer's
// "BUPATI CONTOH," line, or (in a capitalised title) the first line in lower case.
const SUBJECT_END_RE = /DENGAN\s+RAHMAT|Menimbang|\n\s*\n|\n[^\n]*,[^\S\n]*(?:\n|$)|\n[^\n]*[a-z][^\n]*(?:\n|$)/;

/**
 * Reads a regulation's identity from its opening ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 38
 * TAHUN 2017 TENTANG INOVASI DAERAH" → "PP 38/2017"). Tolerates OCR digits ("2Ol4") and a title line
 * printed twice. Returns undefined when the opening names no regulation.
 */
export function detectRegulation(text: string): RegulationIdentity | undefined {
  const found = identifyRegulation(text);
  return found ? { regulation: found.regulation, title: found.title } : undefined;
}

/** detectRegulation plus the page headers to strip; for the legal chunker, which needs both. */
export function identifyRegulation(text: string): RegulationHeader | undefined {
  const opening = text.slice(0, 4000);
  const number = NUMBER_RE.exec(opening);
  if (!number?.[1] || !number[2]) return undefined;
  const nomor = /^\d[\d./-]*\d$/.test(number[1]) && /\D/.test(number[1]) ? number[1] : readOcrNumber(number[1]);
  const tahun = readOcrNumber(number[2]);
  if (nomor === undefined || tahun === undefined || tahun < 1945 || tahun > 2100) return undefined;

  const before = opening.slice(Math.max(0, number.index - 300), number.index);
  const kind = lastKind(before);
  if (!kind) return undefined;
  const qualifier = before
    .slice(kind.end)
    .replace(/\bREPUBLIK\s+INDONESIA\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const subject = readSubject(opening.slice(number.index + number[0].length));
  const qualifierTitle = qualifier ? ` ${titleCase(qualifier)}` : '';
  const title = `${kind.kind.long}${qualifierTitle} Nomor ${nomor} Tahun ${tahun}${subject ? ` tentang ${subject}` : ''}`;
  return {
    regulation: `${kind.kind.short(qualifier)} ${nomor}/${tahun}`,
    title,
    pageHeaders: qualifier ? kind.kind.headers(qualifier.toUpperCase()) : [],
  };
}

/** The kind phrase closest before the number; a title printed twice names the kind twice. */
function lastKind(before: string): { kind: Kind; end: number } | undefined {
  let best: { kind: Kind; start: number; end: number } | undefined;
  for (const kind of KINDS) {
    for (const m of before.matchAll(new RegExp(kind.pattern.source, 'gi'))) {
      const start = m.index;
      const end = start + m[0].length;
      // The phrase that ends closest wins; "PENGGANTI UNDANG-UNDANG" ends where "UNDANG-UNDANG" does, and is longer.
      if (!best || end > best.end || (end === best.end && start < best.start)) best = { kind, start, end };
    }
  }
  return best;
}

function readSubject(after: string): string | undefined {
  const m = /^\s*TENTANG\s+/i.exec(after);
  if (!m) return undefined;
  const rest = after.slice(m[0].length, m[0].length + 300);
  const end = SUBJECT_END_RE.exec(rest)?.index ?? rest.length;
  const words = rest.slice(0, end).replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return words.length ? titleCase(dropRepetition(words).join(' ')) : undefined;
}

/** "INOVASI DAERAH INOVASI DAERAH" (OCR doubled the line) → "INOVASI DAERAH". */
function dropRepetition(words: string[]): string[] {
  const half = words.length / 2;
  if (Number.isInteger(half) && words.slice(0, half).join(' ') === words.slice(half).join(' ')) return words.slice(0, half);
  return words;
}

const SMALL_WORDS = new Set(
  'dan atau di ke dari pada untuk dalam tentang yang serta atas bagi oleh terhadap dengan sebagai antara'.split(' '),
);

/** Title case for Indonesian names: small words stay lower, acronyms (no vowel: DPRD, APBD) stay upper. */
function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text.trim();
  return text
    .trim()
    .split(/\s+/)
    .map((word, i) =>
      word
        .split(/([-/])/)
        .map((part, j) => {
          if (!/[AEIOU]/.test(part)) return part;
          const lower = part.toLowerCase();
          // "DAN/ATAU" → "dan/atau"; a word that opens the title keeps its capital.
          if ((i > 0 || j > 0) && SMALL_WORDS.has(lower)) return lower;
          return lower.replace(/(^|\()(\p{L})/u, (_, open: string, ch: string) => open + ch.toUpperCase());
        })
        .join(''),
    )
    .join(' ');
}
