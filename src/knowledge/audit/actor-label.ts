/** The fields of a person that name them to admins. */
export const ACTOR_FIELDS = {
  id: true,
  fullName: true,
  displayName: true,
  identities: { select: { channel: true, externalId: true }, take: 1 },
} as const;

export interface ActorRow {
  id: string;
  fullName: string | null;
  displayName: string | null;
  identities: Array<{ channel: string; externalId: string }>;
}

/** A person's name, or, for someone who never gave one, the account they acted from (admins can look it up). */
export function actorLabel(person: ActorRow): string {
  const account = person.identities[0] ? `${person.identities[0].channel} ${person.identities[0].externalId}` : person.id;
  return person.fullName ?? person.displayName ?? account;
}
