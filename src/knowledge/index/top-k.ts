/**
 * The first `k` items in the order of `compare` (negative: a comes first), without sorting everything:
 * a heap holds the best k seen so far with the worst of them on top, so each further item costs log k.
 * `compare` must be a total order (ties broken), so the result is the same as sorting all and slicing.
 */
export class TopK {
  private readonly heap: number[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(item: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (this.compare(item, heap[0]!) < 0) {
      heap[0] = item;
      this.down(heap, 0);
    }
  }

  /** The last of the kept items once k are kept (anything later than it is not kept); undefined before. */
  worst(): number | undefined {
    return this.heap.length >= this.k && this.k > 0 ? this.heap[0] : undefined;
  }

  /**
   * The kept items, first first. Taken off a copy of the heap, latest first, rather than sorted with
   * `compare`: Array.prototype.sort calls a comparator out of native code, which cost more per step than
   * the heap's own comparisons, which V8 inlines (a search sorts dozens of hits for every message).
   */
  sorted(): number[] {
    const heap = this.heap.slice();
    const out = new Array<number>(heap.length);
    for (let n = heap.length - 1; n >= 0; n -= 1) {
      out[n] = heap[0]!;
      const last = heap.pop()!;
      if (n > 0) {
        heap[0] = last;
        this.down(heap, 0);
      }
    }
    return out;
  }

  /** Whether a comes later than b (the heap keeps the latest on top). */
  private later(a: number, b: number): boolean {
    return this.compare(a, b) > 0;
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.later(heap[i]!, heap[parent]!)) return;
      swap(heap, i, parent);
      i = parent;
    }
  }

  private down(heap: number[], i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && this.later(heap[left]!, heap[top]!)) top = left;
      if (right < heap.length && this.later(heap[right]!, heap[top]!)) top = right;
      if (top === i) return;
      swap(heap, i, top);
      i = top;
    }
  }
}

/** Swaps two places without the array a destructuring swap may allocate. */
function swap(heap: number[], a: number, b: number): void {
  const kept = heap[a]!;
  heap[a] = heap[b]!;
  heap[b] = kept;
}
