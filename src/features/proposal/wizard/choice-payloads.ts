/**
 * Payloads of the buttons that act on one draft ("edit this section", "jump to this finding", "yes, delete",
 * "keep this question as the answer").
 * They carry the draft's id, because a menu stays in the chat after the user has switched to another draft;
 * pressing it later must act on the draft it was shown for, not on whichever draft is open now.
 *
 * Choice ids are at most 64 bytes: `proposal:` (9) + `edit:` (5) + a cuid draft id (25) + `:` (1) leaves 24
 * bytes for the argument, which is why section keys are limited to 24 characters (template-schema.ts); a kept
 * question's argument is a short token (session-state.ts).
 */
export type DraftAction = 'edit' | 'go' | 'del' | 'keep';

export function draftPayload(action: DraftAction, draftId: string, arg: string): string {
  return `${action}:${draftId}:${arg}`;
}

/**
 * The draft id and argument after the action (`<draftId>:<arg>`). Undefined for a payload without a draft,
 * e.g. a button sent before payloads carried one: such a button is treated as expired.
 */
export function parseDraftPayload(rest: string): { draftId: string; arg: string } | undefined {
  const parts = rest.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { draftId: parts[0], arg: parts[1] };
}
