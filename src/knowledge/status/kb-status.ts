import { z } from 'zod';
import type { Db } from '../../db/client.js';

export const KB_STATUSES = ['berlaku', 'diubah', 'dicabut'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

export function isKbStatus(value: string): value is KbStatus {
  return (KB_STATUSES as readonly string[]).includes(value);
}

/** A document's status and that of its Pasal not in force as written, as retrieval needs them. */
export interface DocumentStatus {
  documentId: string;
  title: string;
  regulation: string | null;
  status: KbStatus;
  amendedBy: string | null;
  pasal: Array<{ pasal: string; status: 'diubah' | 'dicabut'; amendedBy: string | null }>;
}

/** The status of a document or of one of its Pasal at one moment (the audit log's before and after). */
export interface StatusSnapshot {
  document: string;
  pasal?: string;
  status: KbStatus;
  amendedBy: string | null;
}

/**
 * What an admin marks: a regulation (every document holding it: its own text and our notes on it) or a
 * single document without a regulation (a guide).
 */
export interface StatusTarget {
  /** "reg:<regulation>" or "doc:<id>". */
  key: string;
  /** As shown: the regulation ("PP 38/2017") or the document's title. */
  label: string;
  regulation: string | null;
  documentIds: string[];
}

export interface StatusChange {
  target: StatusTarget;
  /** Absent: the status of the whole regulation or document. */
  pasal?: string;
  status: KbStatus;
  /** Required for diubah: what amended it ("UU 9/2015"). */
  amendedBy?: string;
  /** The admin who changed it; null for a shell command. */
  actorId: string | null;
}

/** Why a status change was refused, for the admin's message. */
export type StatusRefusal = 'no_document' | 'no_pasal' | 'missing_by';

export type StatusOutcome = { ok: true; before: StatusSnapshot; after: StatusSnapshot } | { ok: false; reason: StatusRefusal };

/** Longest "diubah oleh" text kept: a regulation name or two, not a paragraph. */
export const MAX_AMENDED_BY = 200;

const StatusSchema = z.enum(KB_STATUSES);

const readStatus = (value: string | null | undefined): KbStatus => StatusSchema.catch('berlaku').parse(value ?? 'berlaku');

/**
 * Statuses of regulations, documents and single Pasal in the knowledge base (berlaku, diubah with by what,
 * dicabut). Every change is one transaction with its audit event (kb.status, before and after), so the
 * log never disagrees with the base.
 */
export class KbStatusStore {
  constructor(private readonly db: Db) {}

  /** Everything that can be marked, regulations first, by name. */
  async targets(): Promise<StatusTarget[]> {
    const docs = await this.db.kbDocument.findMany({ select: { id: true, title: true, regulation: true }, orderBy: [{ createdAt: 'asc' }] });
    const byRegulation = new Map<string, StatusTarget>();
    const single: StatusTarget[] = [];
    for (const d of docs) {
      if (!d.regulation) {
        single.push({ key: `doc:${d.id}`, label: d.title, regulation: null, documentIds: [d.id] });
        continue;
      }
      const target = byRegulation.get(d.regulation) ?? { key: `reg:${d.regulation}`, label: d.regulation, regulation: d.regulation, documentIds: [] };
      target.documentIds.push(d.id);
      byRegulation.set(d.regulation, target);
    }
    const byLabel = (a: StatusTarget, b: StatusTarget) => a.label.localeCompare(b.label);
    return [...[...byRegulation.values()].sort(byLabel), ...single.sort(byLabel)];
  }

  /**
   * Targets matching what an admin typed: a document id (that document alone), a regulation ("pp
   * 38/2017"), or else part of a regulation or title.
   */
  async find(query: string): Promise<StatusTarget[]> {
    const q = normalise(query);
    if (!q) return [];
    const doc = await this.db.kbDocument.findUnique({ where: { id: query.trim() }, select: { id: true, title: true, regulation: true } });
    if (doc) return [{ key: `doc:${doc.id}`, label: doc.regulation ?? doc.title, regulation: doc.regulation, documentIds: [doc.id] }];
    const all = await this.targets();
    const exact = all.filter((t) => normalise(t.label) === q);
    return exact.length > 0 ? exact : all.filter((t) => normalise(t.label).includes(q));
  }

  async byKey(key: string): Promise<StatusTarget | undefined> {
    if (key.startsWith('doc:')) return (await this.find(key.slice(4)))[0];
    return (await this.targets()).find((t) => t.key === key);
  }

  /** The Pasal the target's documents hold ("5", "15A"), in numeric order. */
  async pasalOf(target: StatusTarget): Promise<string[]> {
    const rows = await this.db.kbChunk.findMany({
      where: { documentId: { in: target.documentIds }, pasal: { not: null } },
      select: { pasal: true },
      distinct: ['pasal'],
    });
    return rows
      .map((r) => r.pasal!)
      .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
  }

  /** The target's status and its Pasal that are not in force as written. */
  async current(target: StatusTarget): Promise<{ whole: StatusSnapshot; pasal: StatusSnapshot[] }> {
    const docs = await this.db.kbDocument.findMany({ where: { id: { in: target.documentIds } }, select: { status: true, amendedBy: true } });
    const marked = docs.find((d) => d.status !== 'berlaku') ?? docs[0];
    const rows = await this.db.kbPasalStatus.findMany({ where: { documentId: { in: target.documentIds } } });
    const pasal = new Map<string, StatusSnapshot>();
    for (const r of rows) pasal.set(r.pasal, { document: target.label, pasal: r.pasal, status: readStatus(r.status), amendedBy: r.amendedBy });
    return {
      whole: { document: target.label, status: readStatus(marked?.status), amendedBy: marked?.amendedBy ?? null },
      pasal: [...pasal.values()].sort((a, b) => parseInt(a.pasal!, 10) - parseInt(b.pasal!, 10)),
    };
  }

  async set(change: StatusChange): Promise<StatusOutcome> {
    const amendedBy = change.status === 'diubah' ? (change.amendedBy ?? '').trim().slice(0, MAX_AMENDED_BY) : '';
    if (change.status === 'diubah' && !amendedBy) return { ok: false, reason: 'missing_by' };
    const { target } = change;
    return this.db.$transaction(async (tx): Promise<StatusOutcome> => {
      const docs = await tx.kbDocument.findMany({ where: { id: { in: target.documentIds } }, orderBy: { createdAt: 'desc' } });
      if (docs.length === 0) return { ok: false, reason: 'no_document' };
      const ids = docs.map((d) => d.id);
      let before: StatusSnapshot;
      if (change.pasal === undefined) {
        const marked = docs.find((d) => d.status !== 'berlaku') ?? docs[0]!;
        before = { document: target.label, status: readStatus(marked.status), amendedBy: marked.amendedBy };
        await tx.kbDocument.updateMany({ where: { id: { in: ids } }, data: { status: change.status, amendedBy: amendedBy || null } });
      } else {
        const pasal = change.pasal.trim().toUpperCase();
        const holders = await tx.kbChunk.findMany({ where: { documentId: { in: ids }, pasal }, select: { documentId: true }, distinct: ['documentId'] });
        if (holders.length === 0) return { ok: false, reason: 'no_pasal' };
        const holding = new Set(holders.map((h) => h.documentId));
        // The status lives on the regulation's own text when the base holds it (the newest version), else on
        // one of our notes; our other notes on the same Pasal follow it (see apply-status).
        const owner = docs.find((d) => holding.has(d.id) && d.kind === 'regulation') ?? docs.find((d) => holding.has(d.id))!;
        const rows = await tx.kbPasalStatus.findMany({ where: { documentId: { in: ids }, pasal } });
        const row = rows[0];
        before = { document: target.label, pasal, status: row ? readStatus(row.status) : 'berlaku', amendedBy: row?.amendedBy ?? null };
        await tx.kbPasalStatus.deleteMany({ where: { documentId: { in: ids }, pasal } });
        if (change.status !== 'berlaku') {
          await tx.kbPasalStatus.create({ data: { documentId: owner.id, pasal, status: change.status, amendedBy: amendedBy || null } });
        }
      }
      const after: StatusSnapshot = { ...before, status: change.status, amendedBy: amendedBy || null };
      await tx.auditEvent.create({
        data: { actorId: change.actorId, action: 'kb.status', subject: target.key, before: { ...before }, after: { ...after } },
      });
      return { ok: true, before, after };
    });
  }

  /** What is revoked, as named to users: "PP 38/2017 Pasal 5", or a whole regulation or document. */
  async revoked(): Promise<Array<{ regulation: string; pasal?: string }>> {
    const [pasal, docs] = await Promise.all([
      this.db.kbPasalStatus.findMany({ where: { status: 'dicabut' }, select: { pasal: true, document: { select: { regulation: true, title: true } } } }),
      this.db.kbDocument.findMany({ where: { status: 'dicabut' }, select: { regulation: true, title: true } }),
    ]);
    return [
      ...pasal.map((p) => ({ regulation: p.document.regulation ?? p.document.title, pasal: p.pasal })),
      ...docs.map((d) => ({ regulation: d.regulation ?? d.title })),
    ];
  }

  /** Every document not wholly in force or with a Pasal that is not: what retrieval must know. */
  async all(): Promise<DocumentStatus[]> {
    const docs = await this.db.kbDocument.findMany({
      where: { OR: [{ status: { not: 'berlaku' } }, { pasalStatuses: { some: {} } }] },
      select: { id: true, title: true, regulation: true, status: true, amendedBy: true, pasalStatuses: true },
    });
    return docs.map((d) => ({
      documentId: d.id,
      title: d.title,
      regulation: d.regulation,
      status: StatusSchema.catch('berlaku').parse(d.status),
      amendedBy: d.amendedBy,
      pasal: d.pasalStatuses
        .filter((p) => p.status === 'diubah' || p.status === 'dicabut')
        .map((p) => ({ pasal: p.pasal, status: p.status as 'diubah' | 'dicabut', amendedBy: p.amendedBy })),
    }));
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
