import { paragraphs, type ProposalDocument } from './proposal-document.js';

/** The same content as the DOCX, as Markdown, for users who paste it into SINOVIK or another form. */
export function renderMarkdown(doc: ProposalDocument): string {
  const head = [
    `# ${doc.title}`,
    '',
    `**${doc.templateName}**  `,
    `${doc.labels.templateBasis}: ${doc.templateBasis}  `,
    ...(doc.innovator ? [`${doc.labels.innovator}: ${doc.innovator}  `] : []),
    `${doc.labels.date}: ${doc.date}`,
  ];
  const sections = doc.sections.map((s) =>
    [
      `## ${s.number}. ${s.title}`,
      '',
      s.text ? paragraphs(s.text).join('\n\n') : `_${doc.labels.empty}_`,
      '',
      `_${doc.labels.basis}: ${s.basis}_`,
    ].join('\n'),
  );
  return [head.join('\n'), ...sections].join('\n\n');
}
