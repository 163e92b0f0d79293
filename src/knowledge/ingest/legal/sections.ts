/**
 * The parts every Indonesian regulation has, in order: opening (title, Menimbang, Mengingat), batang
 * tubuh (the Pasal), closing formula and signatures, Penjelasan (general part, then Pasal by Pasal) and
 * Lampiran. Pasal numbers start again at 1 in the Penjelasan, so the two are parsed separately.
 */
export interface RegulationSections {
  opening: string;
  body: string;
  penjelasanUmum?: string;
  penjelasanPasal?: string;
  lampiran?: string;
}

// The body starts at "BAB I" or, in short regulations without chapters, at the first "Pasal 1".
const BODY_START_RE =
  /^[^\S\n]*(?:BAB\s+I\b(?!\s*[.)])|Pasa[l1iI]\s+[1lI](?![^\S\n]*(?:Undang|UUD|\d))(?=[^\S\n]*(?:$|\(|\p{Lu})))/mu;
const CLOSING_RE = /[Aa]gar\s+setiap\s+orang\s+mengetahuinya|\bDitetapkan\s+di\s+\p{Lu}/u;
const PENJELASAN_RE = /\bPENJELASAN\s+ATAS\b|^[^\S\n]*PENJELASAN[^\S\n]*$/m;
const UMUM_RE = /\bI\s?\.\s*UMUM\b/;
const PASAL_DEMI_PASAL_RE = /\bI[I1lT]\s?\.\s*PASAL\s+DEMI\s+PASAL\b/;
const PENJELASAN_END_RE = /\bTAMBAHAN\s+(?:LEMBARAN|BERITA)\s+(?:NEGARA|DAERAH)\b|\bLAMPIRAN\b/;
const LAMPIRAN_RE = /\bLAMPIRAN\b/;

/** Splits cleaned regulation text into its parts; a part the text does not have is left out. */
export function splitSections(text: string): RegulationSections {
  const bodyStart = BODY_START_RE.exec(text)?.index ?? 0;
  const afterBody = text.slice(bodyStart);
  const penjelasanAt = indexOf(PENJELASAN_RE, afterBody);
  const bodyAndClosing = penjelasanAt === undefined ? afterBody : afterBody.slice(0, penjelasanAt);
  const lampiranInBody = penjelasanAt === undefined ? indexOf(LAMPIRAN_RE, bodyAndClosing) : undefined;
  const closingAt = indexOf(CLOSING_RE, bodyAndClosing) ?? lampiranInBody;
  const sections: RegulationSections = {
    opening: text.slice(0, bodyStart),
    body: closingAt === undefined ? bodyAndClosing : bodyAndClosing.slice(0, closingAt),
  };
  if (lampiranInBody !== undefined) sections.lampiran = bodyAndClosing.slice(lampiranInBody);
  if (penjelasanAt === undefined) return sections;

  const penjelasan = afterBody.slice(penjelasanAt);
  const endAt = indexOf(PENJELASAN_END_RE, penjelasan) ?? penjelasan.length;
  const lampiranAt = indexOf(LAMPIRAN_RE, penjelasan.slice(endAt));
  if (lampiranAt !== undefined) sections.lampiran = penjelasan.slice(endAt + lampiranAt);
  const explanation = penjelasan.slice(0, endAt);
  const pasalDemiPasal = PASAL_DEMI_PASAL_RE.exec(explanation);
  const umum = UMUM_RE.exec(explanation);
  if (pasalDemiPasal) {
    const umumStart = umum && umum.index < pasalDemiPasal.index ? umum.index + umum[0].length : undefined;
    if (umumStart !== undefined) sections.penjelasanUmum = explanation.slice(umumStart, pasalDemiPasal.index);
    sections.penjelasanPasal = explanation.slice(pasalDemiPasal.index + pasalDemiPasal[0].length);
  } else {
    // No "II. PASAL DEMI PASAL" line: the Pasal-by-Pasal part starts at its first "Pasal 1".
    const firstPasal = /(?:^|\s)Pasa[l1iI]\s+1\b(?!\s*(?:ayat|huruf|angka))/.exec(explanation);
    const umumStart = umum ? umum.index + umum[0].length : 0;
    if (firstPasal && firstPasal.index >= umumStart) {
      if (umum) sections.penjelasanUmum = explanation.slice(umumStart, firstPasal.index);
      sections.penjelasanPasal = explanation.slice(firstPasal.index);
    } else if (umum) {
      sections.penjelasanUmum = explanation.slice(umumStart);
    }
  }
  return sections;
}

function indexOf(re: RegExp, text: string): number | undefined {
  return re.exec(text)?.index;
}
