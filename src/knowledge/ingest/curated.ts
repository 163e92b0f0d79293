import { z } from 'zod';
import { formatCitation, parseCitation } from '../citation.js';
import type { CitationParts, ParsedDocument } from '../types.js';
import { IngestError } from './errors.js';
import type { FrontMatterSplit } from './front-matter.js';
import { splitFrontMatter } from './front-matter.js';

// YAML turns an unquoted `pasal: 7` into a number; the README asks for quotes, but the value is clear.
const addressField = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const text = z.string().trim().min(1);

/** The front matter of a curated knowledge file, as documented in knowledge/README.md. */
const CuratedFrontMatter = z
  .object({
    citation: text,
    regulation: text.optional(),
    pasal: addressField.optional(),
    ayat: addressField.optional(),
    angka: addressField.optional(),
    huruf: addressField.optional(),
    penjelasan: z.boolean().optional(),
    title: text,
    topic: text,
    source: text,
    status: z.enum(['berlaku', 'diubah', 'dicabut']),
    practice: z.boolean().optional(),
    // null: the source gives no year (e.g. an undated form); the note must still say so explicitly.
    year: z.number().int().nullable().optional(),
    aliases: z.array(text).optional(),
    // An FAQ entry or a summary restates rules (or practice notes): it lists every citation its text rests on.
    rests_on: z.array(text).optional(),
  })
  .superRefine((fm, ctx) => {
    for (const issue of citationConflicts(fm)) ctx.addIssue({ code: 'custom', ...issue });
    for (const [i, cited] of (fm.rests_on ?? []).entries()) {
      const parts = parseCitation(cited);
      // A label names no Pasal; anything that does must be in canonical form, or it would never be found.
      const namesPasal = /\bpasal\b/i.test(cited);
      if (namesPasal && (!parts.pasal || formatCitation(parts) !== cited.replace(/\s+/g, ' '))) {
        ctx.addIssue({ code: 'custom', path: ['rests_on', i], message: `"${cited}" is not in canonical form "${formatCitation(parts)}"` });
      }
    }
    if (fm.practice && fm.year === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'a practice note must say which year it describes' });
    }
  });

type CuratedFields = z.infer<typeof CuratedFrontMatter>;

const ADDRESS_FIELDS = ['pasal', 'ayat', 'angka', 'huruf'] as const;

/**
 * The address fields are redundant with `citation` on purpose (they are easy to filter on); a file
 * where they disagree would be cited one way and found another, so it is refused.
 */
function citationConflicts(fm: CuratedFields): Array<{ path: string[]; message: string }> {
  const parts = parseCitation(fm.citation);
  const conflicts: Array<{ path: string[]; message: string }> = [];
  if (parts.pasal && formatCitation(parts) !== fm.citation.replace(/\s+/g, ' ')) {
    const canonical = formatCitation(parts);
    conflicts.push({ path: ['citation'], message: `"${fm.citation}" is not in canonical form "${canonical}"` });
  }
  for (const field of ADDRESS_FIELDS) {
    const value = fm[field];
    if (value !== undefined && value !== parts[field]) {
      conflicts.push({ path: [field], message: `is "${value}" but the citation says "${parts[field] ?? '(none)'}"` });
    }
  }
  // "PP 38/2017 Penjelasan Umum" has no Pasal; its label still says Penjelasan.
  const citesPenjelasan = parts.pasal ? Boolean(parts.penjelasan) : /\bPenjelasan\b/.test(fm.citation);
  if (fm.penjelasan !== undefined && fm.penjelasan !== citesPenjelasan) {
    conflicts.push({ path: ['penjelasan'], message: `is ${fm.penjelasan} but the citation says otherwise` });
  }
  if (fm.regulation && parts.pasal && parts.regulation !== fm.regulation) {
    conflicts.push({
      path: ['regulation'],
      message: `is "${fm.regulation}" but the citation names "${parts.regulation ?? '(none)'}"`,
    });
  }
  return conflicts;
}

/** Parses a curated knowledge file (markdown with front matter) into its one citable chunk. */
export function parseCurated(markdown: string, source: string): ParsedDocument {
  return curatedDocument(splitFrontMatter(markdown, source), source);
}

/** The same, for a file whose front matter has already been split off. */
export function curatedDocument({ data, body }: FrontMatterSplit, source: string): ParsedDocument {
  const result = CuratedFrontMatter.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `field "${i.path.join('.') || '(root)'}" ${i.message}`);
    throw new IngestError('invalid_front_matter', `${source}: ${problems.join('; ')}`);
  }
  const fm = result.data;
  const content = body.trim();
  if (!content) throw new IngestError('no_content', `${source}: the curated file has front matter but no text`);

  const parts: CitationParts = parseCitation(fm.citation);
  const regulation = fm.regulation ?? parts.regulation;
  return {
    title: fm.title,
    ...(regulation ? { regulation } : {}),
    kind: 'curated',
    status: fm.status,
    chunks: [
      {
        ...parts,
        ...(regulation ? { regulation } : {}),
        citation: formatCitation(parts),
        // The title says what the unit answers, which is what retrieval needs; the source is the same
        // for every unit of a regulation and would add nothing.
        heading: fm.title,
        topic: fm.topic,
        ...(fm.practice ? { practice: true } : {}),
        ...(fm.aliases ? { aliases: fm.aliases } : {}),
        ...(fm.rests_on ? { restsOn: fm.rests_on.map((c) => c.replace(/\s+/g, ' ')) } : {}),
        text: content,
      },
    ],
  };
}
