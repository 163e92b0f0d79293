/** A person's name: letters (any script), spaces, dots, apostrophes and hyphens; 2–64 characters. */
export function validName(text: string): boolean {
  const clean = text.trim();
  return clean.length >= 2 && clean.length <= 64 && /\p{L}/u.test(clean) && /^[\p{L}\p{M} .,'’-]+$/u.test(clean);
}

/** An OPD name: 2–120 characters with at least two letters ("Dinkes", "Dinas Kesehatan", "Kecamatan Sewon"). */
export function validOpd(text: string): boolean {
  const clean = text.trim();
  return clean.length >= 2 && clean.length <= 120 && (clean.match(/\p{L}/gu)?.length ?? 0) >= 2;
}

/** A region name: 3–80 characters, mostly letters. */
export function validRegion(text: string): boolean {
  const clean = text.trim();
  return clean.length >= 3 && clean.length <= 80 && (clean.match(/\p{L}/gu)?.length ?? 0) >= 3;
}
