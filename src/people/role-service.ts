import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { ConfiguredAdmins } from '../core/admins.js';
import type { ChannelName } from '../core/messages.js';
import { hasRole, parseRole, type Role } from '../core/roles.js';
import { ScopeSchema, ScopeStore, type Scope } from './scopes.js';

/** Letters and digits that cannot be confused when read aloud or typed on a phone (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Ten characters: about 50 bits, far beyond guessing even without the attempt limit. */
export const INVITE_CODE_LENGTH = 10;
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type GrantableRole = Extract<Role, 'coordinator' | 'admin'>;

export type RedeemInviteOutcome =
  | { status: 'granted'; role: GrantableRole; scope?: Scope; createdBy: string }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'used' };

export type RevokeOutcome = { status: 'revoked'; before: Role } | { status: 'configured' } | { status: 'self' } | { status: 'not_found' };

/** A person as an admin picks them: enough to tell two people with similar names apart. */
export interface PersonSummary {
  id: string;
  name: string;
  role: Role;
  opd: string | null;
  region: string | null;
}

/**
 * Granting and revoking coordinator and admin roles. Only features guarded by the admin role call this
 * (the router enforces it), and every change is written to the audit log with who did it.
 */
export class RoleService {
  private readonly scopes: ScopeStore;

  constructor(
    private readonly db: Db,
    private readonly admins: ConfiguredAdmins,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.scopes = new ScopeStore(db);
  }

  /** Gives `role` (with a scope for coordinators) to a known person. An admin keeps being admin. */
  async grant(actorId: string | null, userId: string, role: GrantableRole, scope?: Scope): Promise<Role> {
    return this.db.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
      const before = parseRole(user.role);
      const after: Role = hasRole(before, role) ? before : role;
      if (after !== before) await tx.user.update({ where: { id: userId }, data: { role: after } });
      if (scope) {
        const opdKey = scope.kind === 'region' ? '' : scope.opdKey;
        await tx.coordinatorScope.upsert({
          where: { userId_kind_regionKey_opdKey: { userId, kind: scope.kind, regionKey: scope.regionKey, opdKey } },
          create: { userId, kind: scope.kind, regionKey: scope.regionKey, opdKey, label: scope.label, grantedBy: actorId },
          update: { label: scope.label },
        });
      }
      await tx.auditEvent.create({
        data: {
          actorId,
          action: 'role.grant',
          subject: userId,
          before: { role: before },
          after: { role: after, ...(scope ? { scope } : {}) },
        },
      });
      return after;
    });
  }

  /** Back to innovator, scopes removed. Configured admins come back at every start, so they are refused here. */
  async revoke(actorId: string, userId: string): Promise<RevokeOutcome> {
    if (actorId === userId) return { status: 'self' };
    const user = await this.db.user.findUnique({ where: { id: userId }, include: { identities: true, scopes: true } });
    if (!user) return { status: 'not_found' };
    if (user.identities.some((i) => this.admins.includes(i.channel as ChannelName, i.externalId))) return { status: 'configured' };
    const before = parseRole(user.role);
    await this.db.$transaction([
      this.db.user.update({ where: { id: userId }, data: { role: 'innovator' } }),
      this.db.coordinatorScope.deleteMany({ where: { userId } }),
      this.db.auditEvent.create({
        data: {
          actorId,
          action: 'role.revoke',
          subject: userId,
          before: { role: before, scopes: user.scopes.map((s) => s.label) },
          after: { role: 'innovator' },
        },
      }),
    ]);
    return { status: 'revoked', before };
  }

  /** A one-time code that gives its redeemer `role` (and scope); valid for a week. */
  async createInvite(actorId: string, role: GrantableRole, scope?: Scope): Promise<{ code: string; expiresAt: Date }> {
    const expiresAt = new Date(this.clock().getTime() + INVITE_TTL_MS);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = Array.from({ length: INVITE_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      try {
        await this.db.roleInvite.create({ data: { code, role, scope: scope ?? undefined, createdBy: actorId, expiresAt } });
        await this.db.auditEvent.create({
          data: { actorId, action: 'role.invite', after: { role, ...(scope ? { scope } : {}), expiresAt } },
        });
        return { code, expiresAt };
      } catch {
        // The code collided with an existing one: draw again.
      }
    }
    throw new Error('could not create a unique invite code');
  }

  /** Redeems an invite for `userId`; a code works once, and only while valid. */
  async redeemInvite(userId: string, rawCode: string): Promise<RedeemInviteOutcome> {
    const code = rawCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (code.length !== INVITE_CODE_LENGTH) return { status: 'invalid' };
    const now = this.clock();
    const invite = await this.db.roleInvite.findUnique({ where: { code } });
    if (!invite) return { status: 'invalid' };
    if (invite.usedAt) return { status: 'used' };
    if (invite.expiresAt.getTime() < now.getTime()) return { status: 'expired' };
    // Claimed first: of two people redeeming at once, one wins.
    const claimed = await this.db.roleInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now, usedBy: userId } });
    if (claimed.count === 0) return { status: 'used' };
    const role = z.enum(['coordinator', 'admin']).parse(invite.role);
    const scope = invite.scope ? ScopeSchema.parse(invite.scope) : undefined;
    await this.grant(invite.createdBy, userId, role, scope);
    return { status: 'granted', role, ...(scope ? { scope } : {}), createdBy: invite.createdBy };
  }

  scopesOf(userId: string): Promise<Scope[]> {
    return this.scopes.list(userId);
  }

  /** People whose name (profile or channel name) contains `query`, ignoring case and accents; at most `limit`. */
  async findPeople(query: string, limit = 8): Promise<PersonSummary[]> {
    const needle = fold(query);
    if (!needle) return [];
    const rows = await this.db.user.findMany({
      select: { id: true, fullName: true, displayName: true, role: true, opd: true, region: true },
      orderBy: { updatedAt: 'desc' },
      take: 20_000,
    });
    return rows
      .filter((r) => fold(r.fullName ?? '').includes(needle) || fold(r.displayName ?? '').includes(needle))
      .slice(0, limit)
      .map(summary);
  }

  /** Everyone with a role above innovator, with their scopes. */
  async privileged(): Promise<Array<PersonSummary & { scopes: string[] }>> {
    const rows = await this.db.user.findMany({
      where: { role: { in: ['coordinator', 'admin'] } },
      select: { id: true, fullName: true, displayName: true, role: true, opd: true, region: true, scopes: { select: { label: true } } },
      orderBy: [{ role: 'asc' }, { fullName: 'asc' }],
    });
    return rows.map((r) => ({ ...summary(r), scopes: r.scopes.map((s) => s.label) }));
  }

  async person(userId: string): Promise<PersonSummary | undefined> {
    const row = await this.db.user.findUnique({
      where: { id: userId },
      select: { id: true, fullName: true, displayName: true, role: true, opd: true, region: true },
    });
    return row ? summary(row) : undefined;
  }
}

function summary(r: {
  id: string;
  fullName: string | null;
  displayName: string | null;
  role: string;
  opd: string | null;
  region: string | null;
}): PersonSummary {
  return { id: r.id, name: r.fullName ?? r.displayName ?? '—', role: parseRole(r.role), opd: r.opd, region: r.region };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
