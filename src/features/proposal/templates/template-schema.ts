import { z } from 'zod';
import { MATCHER_NAMES } from '../checks/matchers.js';

/**
 * The shape of a proposal template (prompts/templates/*.yaml). Templates are data reviewed like code:
 * adding or changing one needs no code change, so everything the wizard and the checks need is here.
 */

/**
 * Section keys appear in choice ids next to the draft id (`proposal:edit:<draftId>:<key>`, ≤ 64 bytes; see
 * wizard/choice-payloads.ts), so they are short and plain.
 */
const sectionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,23}$/, 'lower-case letters, digits or _, starting with a letter, at most 24 characters');

const text = z.string().trim().min(1, 'must not be empty');

/** Something an answer must mention, e.g. a period for "waktu uji coba" or an amount for "anggaran". */
const ElementSchema = z
  .object({
    /** Short name used in findings: "periode uji coba". */
    label: text,
    /** What to write so the element is present: shown as the fix. */
    hint: text,
    /** Built-in matchers (see checks/matchers.ts); any one of them satisfies the element. */
    match: z.array(z.enum(MATCHER_NAMES)).optional(),
    /** Extra regular expressions (case-insensitive); any one of them satisfies the element. */
    patterns: z.array(text).optional(),
    /** `error` blocks a clean pre-submission check; `warning` only advises. */
    severity: z.enum(['error', 'warning']).default('warning'),
  })
  .strict()
  .refine((e) => (e.match?.length ?? 0) + (e.patterns?.length ?? 0) > 0, { message: 'give `match` or `patterns`', path: ['match'] });

/**
 * Length advice. None of the regulations sets a length for PP 38/2017 or KIPP proposals, so `source`
 * says where a number comes from (a form's guideline, or Pandu's own advice) and findings quote it.
 */
const LengthSchema = z
  .object({
    minWords: z.number().int().positive().optional(),
    maxWords: z.number().int().positive().optional(),
    minChars: z.number().int().positive().optional(),
    maxChars: z.number().int().positive().optional(),
    source: text,
  })
  .strict();

const SectionSchema = z
  .object({
    key: sectionKey,
    title: text,
    /** What to write. */
    guidance: text,
    /** Why: the Pasal or assessment criterion behind the section, in plain words. */
    why: text,
    /** Canonical citations or criterion labels ("PP 38/2017 Pasal 7 ayat (2) huruf b"); shown in the document. */
    basis: z.array(text).min(1),
    /** A short example answer, written for Pandu (not copied from any proposal). */
    example: text,
    required: z.boolean(),
    length: LengthSchema.optional(),
    elements: z.array(ElementSchema).default([]),
    /** Phrases that make an answer vague in this section, on top of the template's list. */
    vague: z.array(text).default([]),
    /** Words for knowledge-base retrieval when the user asks for a suggestion ("saran"). */
    query: text.optional(),
  })
  .strict();

/** Minimum age of the innovation, read from a section's answer (a start date or "sudah berjalan 2 tahun"). */
const MinAgeSchema = z
  .object({
    section: sectionKey,
    years: z.number().positive(),
    /** Where the rule comes from, quoted in the finding ("KIPP 2018 (KemenPAN-RB)"). */
    basis: text,
  })
  .strict();

export const TemplateSchema = z
  .object({
    /** Stable id stored with each draft; appears in choice ids. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits or -, at most 40 characters'),
    name: text,
    /** Short label for menus and draft lists. */
    shortName: text,
    /** One or two sentences shown when the template is picked. */
    description: text,
    /** The rule or form the template follows, shown on the title page. */
    basis: text,
    /** Menu position (lower first). */
    order: z.number().int().default(100),
    /** Phrases that make any answer vague. */
    vaguePhrases: z.array(text).default([]),
    presubmission: z
      .object({
        /** The section holding the innovation's name: draft title and uniqueness check. */
        titleSection: sectionKey,
        uniqueTitle: z.boolean().default(true),
        minAge: MinAgeSchema.optional(),
        /** Shown above the findings (e.g. the reasons KIPP rejects proposals administratively). */
        note: text.optional(),
      })
      .strict(),
    sections: z.array(SectionSchema).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.sections.forEach((s, i) => {
      const first = seen.get(s.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'key'],
          message: `duplicate section key "${s.key}" (first used by sections.${first})`,
        });
      } else seen.set(s.key, i);
      const l = s.length;
      if (l?.minWords && l.maxWords && l.minWords > l.maxWords) {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'length'], message: 'minWords is larger than maxWords' });
      }
      if (l?.minChars && l.maxChars && l.minChars > l.maxChars) {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'length'], message: 'minChars is larger than maxChars' });
      }
      s.elements.forEach((e, j) =>
        (e.patterns ?? []).forEach((p, k) => {
          try {
            new RegExp(p, 'iu');
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            ctx.addIssue({
              code: 'custom',
              path: ['sections', i, 'elements', j, 'patterns', k],
              message: `invalid regular expression: ${reason}`,
            });
          }
        }),
      );
    });
    if (t.sections[0] && t.sections[0].key !== t.presubmission.titleSection) {
      ctx.addIssue({
        code: 'custom',
        path: ['presubmission', 'titleSection'],
        message: 'must be the first section (the name of the innovation)',
      });
    }
    const minAge = t.presubmission.minAge;
    if (minAge && !seen.has(minAge.section)) {
      ctx.addIssue({ code: 'custom', path: ['presubmission', 'minAge', 'section'], message: `no section "${minAge.section}"` });
    }
  });

export type Template = z.infer<typeof TemplateSchema>;
export type Section = Template['sections'][number];
export type SectionElement = Section['elements'][number];
export type SectionLength = NonNullable<Section['length']>;
