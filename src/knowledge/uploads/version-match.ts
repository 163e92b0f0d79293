/** A document already in the base, as version matching and duplicate warnings see it. */
export interface ExistingDocument {
  id: string;
  title: string;
  regulation: string | null;
  version: number;
  origin: string;
  /** curated | regulation | text */
  kind: string;
}

/**
 * One spelling for a regulation name, so "PP 38/2017", "pp 38 / 2017" and "PP  38/2017" are the same
 * regulation. Only spacing and case are forgiven: "Permendagri 104/2018" and "Permendagri 105/2018"
 * stay different, and so do a regulation and the one that amends it (they carry different numbers).
 */
export function regulationKey(regulation: string): string {
  return regulation
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The live document a new one replaces: the whole text of the same regulation. A document without a
 * regulation (a guide, notes) never replaces anything on its own; the admin names the regulation when
 * it should. Curated notes are one Pasal each, many per regulation: they neither replace nor are
 * replaced by a whole text. With several live matches (added before versions existed) the newest wins.
 */
export function findVersionTarget(
  incoming: { regulation?: string; kind: string },
  live: readonly ExistingDocument[],
): ExistingDocument | undefined {
  const regulation = incoming.regulation;
  if (!regulation?.trim() || incoming.kind === 'curated') return undefined;
  const key = regulationKey(regulation);
  const matches = live.filter((d) => d.kind !== 'curated' && d.regulation !== null && regulationKey(d.regulation) === key);
  return matches.sort((a, b) => b.version - a.version)[0];
}

/** Titles compared without case, punctuation or spacing: "Pedoman IID 2023" ~ "pedoman iid-2023". */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Live documents with the same title as a new one that does not replace them: probably the same text twice. */
export function sameTitle(title: string, live: readonly ExistingDocument[], except?: string): ExistingDocument[] {
  const key = titleKey(title);
  return live.filter((d) => d.id !== except && titleKey(d.title) === key);
}
