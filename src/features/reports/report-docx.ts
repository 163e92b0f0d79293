import { paragraphs } from '../proposal/export/proposal-document.js';

/** The submitted report as the Word exporter sees it: translated labels and the answers, in order. */
export interface ReportDocument {
  title: string;
  innovation: string;
  /** Label and value lines under the title: period, OPD, region, stage, reporter, date. */
  facts: Array<[string, string]>;
  /** One heading per question with the answer, or null when it was not answered. */
  sections: Array<{ title: string; text: string | null }>;
  attachments: { title: string; names: string[] };
  labels: { empty: string; noFiles: string; generatedBy: string };
}

/**
 * The progress report as a Word document: title, the innovation and its facts, then one Heading 1 per
 * question and the attachments by name (the files themselves stay with Pandu and with the person).
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  // Loaded by the first report document, not with the bot (about 11 MB).
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const muted = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: '999999' })] });
  const numbered = [...doc.sections.map((s) => s.title), doc.attachments.title].map((title, i) => `${i + 1}. ${title}`);
  const body = doc.sections.flatMap((s, i) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(numbered[i]!)] }),
    ...(s.text
      ? paragraphs(s.text).map((p) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(p)] }))
      : [muted(doc.labels.empty)]),
  ]);
  const files = doc.attachments.names.length
    ? doc.attachments.names.map((name) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(name)] }))
    : [muted(doc.labels.noFiles)];
  const document = new Document({
    creator: 'Pandu Inovasi',
    title: `${doc.title}: ${doc.innovation}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.innovation, bold: true, size: 28 })],
          }),
          ...doc.facts.map(
            ([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
          ),
          ...body,
          new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(numbered.at(-1)!)] }),
          ...files,
          new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: doc.labels.generatedBy, size: 18, color: '666666' })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
