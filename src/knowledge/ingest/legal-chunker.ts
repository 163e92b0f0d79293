import { formatCitation } from '../citation.js';
import type { ChunkDraft, ParsedDocument } from '../types.js';
import { splitAyat } from './legal/ayat.js';
import { isDefinitionsPasal, markersAsLabels, splitDefinitions } from './legal/definitions.js';
import { DivisionPath, splitTrailingDivisions } from './legal/divisions.js';
import { cleanRegulationText } from './legal/ocr-clean.js';
import { splitLostHeading } from './legal/lost-heading.js';
import { findPasalHeadings } from './legal/pasal-headings.js';
import { splitPenjelasan } from './legal/penjelasan.js';
import { splitSections } from './legal/sections.js';
import type { Token } from './legal/tokens.js';
import { tokenize } from './legal/tokens.js';
import { unitText } from './legal/units.js';
import { identifyRegulation } from './regulation-name.js';
import { chunkPassages } from './text-chunker.js';

export interface RegulationOptions {
  /** Short name used in citations ("PP 38/2017"); read from the text when not given. */
  regulation?: string;
  title?: string;
}

/** What the chunker could and could not recover, for the admin who ingests a messy scan. */
export interface RegulationReport {
  /** Body Pasal found, and the highest number among them. */
  pasalFound: number;
  lastPasal: number;
  /** Body Pasal numbers whose heading is not in the text (their words sit in the Pasal before). */
  missingPasal: number[];
  /** Pasal whose lost heading was placed back because only one sentence boundary fits (see lost-heading.ts). */
  recoveredPasal: string[];
  /** Body Pasal whose heading is there but whose text is not. */
  emptyPasal: string[];
  ayatChunks: number;
  /** Body chunks for a whole Pasal (no ayat, or ayat that could not be told apart). */
  pasalChunks: number;
  definitionChunks: number;
  penjelasanChunks: number;
  /** Opening (Menimbang, Mengingat), Penjelasan Umum, Lampiran. */
  otherChunks: number;
  /** Pasal kept whole although they showed signs of ayat, and why. */
  wholePasal: Array<{ pasal: string; reason: string }>;
  /** OCR fragments left out of ayat chunks (scrambled words, a catchword whose text was lost). */
  dropped: Array<{ pasal: string; text: string }>;
}

/**
 * Turns the text of a regulation into citable chunks: one per ayat, one per Pasal without ayat, one per
 * definition (Pasal 1 angka N) and one per Penjelasan item worth reading, each with its canonical
 * citation and its BAB > Bagian > Paragraf heading. Built for real OCR output (see legal/ for how page
 * furniture, catchwords, detached markers and mangled headings are handled).
 */
export function chunkRegulation(text: string, opts: RegulationOptions = {}): ParsedDocument {
  return chunkRegulationWithReport(text, opts).document;
}

/** The same, with what could not be recovered: for `kb add` to tell the admin, and for measuring. */
export function chunkRegulationWithReport(
  text: string,
  opts: RegulationOptions = {},
): { document: ParsedDocument; report: RegulationReport } {
  const identity = identifyRegulation(text);
  const regulation = opts.regulation ?? identity?.regulation;
  const title = opts.title ?? identity?.title ?? regulation ?? 'Peraturan';
  const sections = splitSections(cleanRegulationText(text, identity?.pageHeaders));
  const report: RegulationReport = {
    pasalFound: 0,
    lastPasal: 0,
    missingPasal: [],
    recoveredPasal: [],
    emptyPasal: [],
    ayatChunks: 0,
    pasalChunks: 0,
    definitionChunks: 0,
    penjelasanChunks: 0,
    otherChunks: 0,
    wholePasal: [],
    dropped: [],
  };
  const cite = (parts: Omit<ChunkDraft, 'citation' | 'text'>, chunkText: string): ChunkDraft => {
    const withRegulation = { ...(regulation ? { regulation } : {}), ...parts };
    return { ...withRegulation, citation: formatCitation(withRegulation), text: chunkText };
  };

  const opening = openingChunks(sections.opening, regulation);
  const { chunks: body, headings } = bodyChunks(sections.body, cite, report);
  const penjelasan = sections.penjelasanPasal ? penjelasanChunks(sections.penjelasanPasal, headings, cite) : [];
  const general = sections.penjelasanUmum
    ? chunkPassages(sections.penjelasanUmum, { label: 'Penjelasan Umum', regulation })
    : [];
  const lampiran = sections.lampiran ? chunkPassages(sections.lampiran, { label: 'Lampiran', regulation }) : [];
  report.penjelasanChunks = penjelasan.length;
  report.otherChunks = opening.length + general.length + lampiran.length;

  return {
    document: {
      title,
      ...(regulation ? { regulation } : {}),
      kind: 'regulation',
      status: 'berlaku',
      chunks: [...opening, ...body, ...general, ...penjelasan, ...lampiran],
    },
    report,
  };
}

type Cite = (parts: Omit<ChunkDraft, 'citation' | 'text'>, text: string) => ChunkDraft;

function bodyChunks(
  body: string,
  cite: Cite,
  report: RegulationReport,
): { chunks: ChunkDraft[]; headings: Map<string, string> } {
  const scan = findPasalHeadings(body);
  const path = new DivisionPath();
  const headings = new Map<string, string>();
  const chunks: ChunkDraft[] = [];
  const prelude = body.slice(0, scan.headings[0]?.start ?? body.length);
  for (const division of splitTrailingDivisions(prelude).divisions) path.enter(division);

  scan.headings.forEach((h, i) => {
    const next = scan.headings[i + 1];
    const raw = withoutSpans(body, h.end, next?.start ?? body.length, scan.repeats);
    const { content, divisions } = splitTrailingDivisions(raw);
    const heading = path.toString();
    if (heading) headings.set(h.pasal, heading);
    const at = (pasal: string) => ({ pasal, ...(heading ? { heading } : {}) });
    const tokens = tokenize(content);
    // One number skipped ("Pasal 28" … "Pasal 30"): the lost Pasal may be the tail of this one.
    const lost = next && next.value === h.value + 2 ? splitLostHeading(tokens) : undefined;
    const parts: Array<[string, readonly Token[]]> = lost
      ? [
          [h.pasal, lost[0]],
          [String(h.value + 1), lost[1]],
        ]
      : [[h.pasal, tokens]];
    if (lost) report.recoveredPasal.push(String(h.value + 1));
    for (const [pasal, part] of parts) {
      const produced = pasalChunks(part, at(pasal), cite, report);
      if (produced.length === 0) report.emptyPasal.push(pasal);
      chunks.push(...produced);
    }
    for (const division of divisions) path.enter(division);
  });

  report.pasalFound = scan.headings.length + report.recoveredPasal.length;
  report.lastPasal = Math.max(0, ...scan.headings.map((h) => h.value));
  report.missingPasal = scan.missing.filter((n) => !report.recoveredPasal.includes(String(n)));
  return { chunks, headings };
}

function pasalChunks(
  pasalTokens: readonly Token[],
  at: { pasal: string; heading?: string },
  cite: Cite,
  report: RegulationReport,
): ChunkDraft[] {
  const tokens = markersAsLabels(pasalTokens);
  if (isDefinitionsPasal(tokens)) {
    const { definitions, unnumbered } = splitDefinitions(tokens);
    report.definitionChunks += definitions.length;
    const chunks = definitions.map((d) => cite({ ...at, angka: String(d.angka) }, d.text));
    if (unnumbered) {
      report.pasalChunks++;
      report.wholePasal.push({ pasal: at.pasal, reason: 'some definitions could not be numbered' });
      chunks.push(cite(at, unnumbered));
    }
    return chunks;
  }
  const split = splitAyat(tokens);
  if (split.kind === 'pasal') {
    if (!split.text) return [];
    report.pasalChunks++;
    if (split.reason) report.wholePasal.push({ pasal: at.pasal, reason: split.reason });
    return [cite(at, split.text)];
  }
  report.ayatChunks += split.ayat.length;
  for (const text of split.dropped) if (text) report.dropped.push({ pasal: at.pasal, text });
  return split.ayat.map((a) => cite({ ...at, ayat: String(a.number) }, a.text));
}

function penjelasanChunks(text: string, bodyHeadings: Map<string, string>, cite: Cite): ChunkDraft[] {
  const scan = findPasalHeadings(text);
  return scan.headings.flatMap((h, i) => {
    const end = scan.headings[i + 1]?.start ?? text.length;
    const heading = bodyHeadings.get(h.pasal);
    const at = { penjelasan: true, pasal: h.pasal, ...(heading ? { heading } : {}) };
    return splitPenjelasan(tokenize(withoutSpans(text, h.end, end, scan.repeats))).map((item) =>
      cite(
        {
          ...at,
          ...(item.ayat ? { ayat: item.ayat } : {}),
          ...(item.angka ? { angka: item.angka } : {}),
          ...(item.huruf ? { huruf: item.huruf } : {}),
        },
        item.text,
      ),
    );
  });
}

// "Menimbang" (the reasons) and "Mengingat" (the legal basis) are asked about ("apa dasar hukum PP ini?").
const OPENING_PART_RE = /\b(Menimbang|Mengingat)\s*:?/g;
const OPENING_END_RE = /\bMEMUTUS\S*|\bMenetapkan\s*:|\b(?:Dengan|DENGAN)\s+(?:Persetujuan|PERSETUJUAN)\b/;

function openingChunks(opening: string, regulation: string | undefined): ChunkDraft[] {
  const parts = [...opening.matchAll(OPENING_PART_RE)];
  return parts.flatMap((m, i) => {
    const start = m.index + m[0].length;
    const slice = opening.slice(start, parts[i + 1]?.index ?? opening.length);
    const end = OPENING_END_RE.exec(slice)?.index ?? slice.length;
    const text = unitText(tokenize(slice.slice(0, end)));
    return text ? chunkPassages(text, { label: m[1] ?? 'Pembukaan', regulation }) : [];
  });
}

/** The text between start and end with the given spans (repeated headings) cut out. */
function withoutSpans(
  text: string,
  start: number,
  end: number,
  spans: ReadonlyArray<{ start: number; end: number }>,
): string {
  let out = '';
  let at = start;
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    out += text.slice(at, Math.max(at, span.start));
    at = Math.max(at, span.end);
  }
  return out + text.slice(at, end);
}
