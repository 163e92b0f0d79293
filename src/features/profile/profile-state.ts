import { z } from 'zod';
import type { Session } from '../../core/sessions.js';

export const PROFILE_FEATURE = 'profile';

/** Which field the flow waits for. */
export type ProfileStep = 'name' | 'opd' | 'region' | 'zone';

const StateSchema = z.object({
  /** Only one field is being changed (/profil → "Ubah OPD"): the flow ends after it. */
  single: z.boolean().default(false),
  /** The command to run again once the profile is complete (the feature that needed it). */
  resume: z.string().optional(),
  /** The regions offered when the typed name fits several; the choice carries the index. */
  regionOptions: z.array(z.string()).optional(),
});
export type ProfileState = z.infer<typeof StateSchema>;

/** The flow's small state in the session (read back through zod: sessions are JSON from the database). */
export function profileState(session: Session): ProfileState {
  const parsed = StateSchema.safeParse(session.data[PROFILE_FEATURE] ?? {});
  return parsed.success ? parsed.data : { single: false };
}

export function setProfileState(session: Session, state: ProfileState | undefined): void {
  if (state === undefined) delete session.data[PROFILE_FEATURE];
  else session.data[PROFILE_FEATURE] = JSON.parse(JSON.stringify(state)) as unknown;
}
