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
    [`## ${s.number}. ${s.title}`, '', s.text ? paragraphs(s.text).join('\n\n') : `_${doc.labels.empty}_`, '', `_${doc.labels.basis}: ${s.basis}_`].join('\n'),
  );
  return [head.join('\n'), ...sections].join('\n\n');
}

/**
 * Splits Markdown into chat-sized messages at section boundaries (Telegram stops at 4096 characters).
 * A single section longer than the limit is cut at paragraph boundaries.
 */
export function splitForChat(markdown: string, max = 3500): string[] {
  const blocks = markdown.split(/\n(?=## )/);
  const out: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (current && current.length + piece.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
  };
  for (const block of blocks) {
    if (block.length <= max) {
      push(block);
      continue;
    }
    for (const para of block.split(/\n\n/)) {
      for (let i = 0; i < para.length; i += max) push(para.slice(i, i + max));
    }
  }
  if (current) out.push(current);
  return out;
}
