/**
 * Optimal string alignment distance (insertions, deletions, substitutions and adjacent swaps, each one edit),
 * or `Infinity` as soon as it is certain to exceed `max`. Bounding it keeps a scan over every region name cheap.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return Infinity;
    beforePrevious = previous;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance > max ? Infinity : distance;
}

/**
 * Edits forgiven in a word of this length: none below five letters (short names and abbreviations sit too
 * close together: Tuba, Tuban), one up to eight ("Makasar"), two from nine on ("Banyuwang", "Kabupatn").
 */
export function typoTolerance(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}
