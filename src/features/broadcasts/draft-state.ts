import { z } from 'zod';
import type { Context } from '../../core/context.js';
import { StageSchema } from '../../innovations/periods.js';
import type { Audience } from '../../broadcasts/broadcast-contract.js';

export const BROADCAST_FEATURE = 'umumkan';

/** The steps of /umumkan, in the order a coordinator usually meets them. */
export type DraftStep = 'text' | 'attach' | 'audience' | 'region' | 'opd' | 'preview' | 'when' | 'confirm';

const StoredDocumentSchema = z.object({
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  size: z.number().int().nonnegative(),
  /** Relative to DATA_DIR. */
  path: z.string().min(1),
});
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

const OptionSchema = z.object({ value: z.string(), label: z.string() });
export type PlaceOption = z.infer<typeof OptionSchema>;

/**
 * The announcement being written, kept in the session (the database) so a restart of Pandu in the middle
 * of writing loses nothing. Read back through zod: it is JSON from storage.
 */
export const DraftSchema = z.object({
  text: z.string().optional(),
  document: StoredDocumentSchema.optional(),
  audience: z
    .object({
      regionKeys: z.array(z.string()).optional(),
      opds: z.array(z.string()).optional(),
      stages: z.array(StageSchema).optional(),
      overdueOnly: z.boolean().optional(),
    })
    .default({}),
  /** How the chosen regions and OPDs are shown ("Kabupaten Bantul"), by their key. */
  names: z.record(z.string(), z.string()).default({}),
  /** The region or OPD options last offered as choices; `pick:<i>` refers to these. */
  offered: z.array(OptionSchema).default([]),
  /** The instant chosen for a scheduled send (ISO); absent: send now. */
  at: z.string().optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** The draft in the session, or undefined when /umumkan is not open (or its state cannot be read). */
export function loadDraft(ctx: Context): Draft | undefined {
  if (ctx.session.flow !== BROADCAST_FEATURE) return undefined;
  const parsed = DraftSchema.safeParse(ctx.session.data);
  if (!parsed.success) {
    ctx.logger.warn({ err: parsed.error }, 'broadcast draft in session unreadable');
    return undefined;
  }
  return parsed.data;
}

export function saveDraft(ctx: Context, draft: Draft, step: DraftStep): void {
  ctx.session.flow = BROADCAST_FEATURE;
  ctx.session.step = step;
  ctx.session.data = draft as unknown as Record<string, unknown>;
}

export function endDraft(ctx: Context): void {
  if (ctx.session.flow !== BROADCAST_FEATURE) return;
  ctx.session.flow = null;
  ctx.session.step = null;
  ctx.session.data = {};
}

/** The audience without empty filters (an empty audience is everyone in scope). */
export function cleanAudience(audience: Audience): Audience {
  const out: Audience = {};
  if (audience.regionKeys?.length) out.regionKeys = audience.regionKeys;
  if (audience.opds?.length) out.opds = audience.opds;
  if (audience.stages?.length) out.stages = audience.stages;
  if (audience.overdueOnly) out.overdueOnly = true;
  return out;
}
