import { paragraphs, type ProposalDocument } from './proposal-document.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The proposal as a Word document: a title page (title, template, innovator, date), then one Heading 1 per
 * section in template order with the answer and its legal basis. Built-in heading styles keep Word's
 * navigation pane and table of contents working for the innovator who edits it further.
 */
export async function renderDocx(doc: ProposalDocument): Promise<Buffer> {
  // Loaded by the first export, not with the bot (about 11 MB).
  const { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } = await import('docx');
  const titlePage: Array<InstanceType<typeof Paragraph>> = [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400 },
      children: [new TextRun({ text: doc.templateName, bold: true, size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${doc.labels.templateBasis}: ${doc.templateBasis}`, italics: true })],
    }),
    ...(doc.innovator
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 800 },
            children: [new TextRun(`${doc.labels.innovator}: ${doc.innovator}`)],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: doc.innovator ? 200 : 800 },
      children: [new TextRun(`${doc.labels.date}: ${doc.date}`)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1600 },
      children: [new TextRun({ text: doc.labels.generatedBy, size: 18, color: '666666' })],
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = doc.sections.flatMap((s) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(`${s.number}. ${s.title}`)] }),
    ...(s.text
      ? paragraphs(s.text).map((p) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(p)] }))
      : [new Paragraph({ children: [new TextRun({ text: doc.labels.empty, italics: true, color: '999999' })] })]),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: `${doc.labels.basis}: ${s.basis}`, italics: true, size: 18, color: '555555' })],
    }),
  ]);
  const document = new Document({
    creator: 'Pandu Inovasi',
    title: doc.title,
    description: doc.templateName,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: [...titlePage, ...body] }],
  });
  return Packer.toBuffer(document);
}
