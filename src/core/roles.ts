import { z } from 'zod';

/**
 * What a person may do. Every person is an innovator; a coordinator (Bappeda / Litbang / BKPSDM staff)
 * also oversees the innovators of their OPDs or region; an admin may do everything, including granting
 * roles and keeping the knowledge base.
 */
export const ROLES = ['innovator', 'coordinator', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const RANK: Record<Role, number> = { innovator: 0, coordinator: 1, admin: 2 };

/** Reads a role stored as text; anything unknown is the least privileged role, never more. */
export function parseRole(value: string | null | undefined): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : 'innovator';
}

/** Whether `role` may do what `needed` requires (an admin may do what a coordinator may). */
export function hasRole(role: Role, needed: Role | undefined): boolean {
  return needed === undefined || RANK[role] >= RANK[needed];
}

/** The higher of two roles. */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}
