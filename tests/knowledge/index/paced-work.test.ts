import { describe, expect, it } from 'vitest';
import { runPaced, type Pace, type Work } from '../../../src/knowledge/index/paced-work.js';

/** Work of three steps that notes each step it does. */
function* steps(done: string[]): Work<number> {
  done.push('one');
  yield;
  done.push('two');
  yield;
  done.push('three');
  return 3;
}

describe('paced work', () => {
  it('pauses before its first slice, so it never runs on in the turn of the work that started it', async () => {
    const done: string[] = [];
    let pauses = 0;
    let letGo: () => void = () => undefined;
    const pace: Pace = {
      budgetMs: 1_000_000,
      pause: () => {
        pauses += 1;
        return new Promise<void>((resolve) => (letGo = resolve));
      },
    };
    const result = runPaced(steps(done), pace);
    await Promise.resolve();
    expect(pauses).toBe(1);
    expect(done).toEqual([]);
    letGo();
    expect(await result).toBe(3);
    // A budget this large fits all the rest in one slice.
    expect(done).toEqual(['one', 'two', 'three']);
    expect(pauses).toBe(1);
  });

  it('pauses between slices once the budget is spent', async () => {
    const done: string[] = [];
    let pauses = 0;
    const pace: Pace = { budgetMs: 0, pause: async () => void (pauses += 1) };
    expect(await runPaced(steps(done), pace)).toBe(3);
    expect(done).toEqual(['one', 'two', 'three']);
    expect(pauses).toBe(3); // before the first slice, and after each of the two that yielded
  });
});
