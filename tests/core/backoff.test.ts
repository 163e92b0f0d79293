import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../src/core/backoff.js';
import { sleep, SleepAbortedError, withTimeout } from '../../src/core/timers.js';
import { FakeTimers } from '../support/fake-timers.js';

describe('back-off', () => {
  it('doubles from the base up to the cap, and stays there', () => {
    const policy = { baseMs: 1_000, maxMs: 15_000 };
    expect([0, 1, 2, 3, 4, 5, 60].map((attempt) => backoffDelay(attempt, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
    expect(backoffDelay(2, { ...policy, factor: 3 })).toBe(9_000);
  });

  it('counts one series of retries and starts over after a success', () => {
    const backoff = new Backoff({ baseMs: 2_000, maxMs: 5_000 });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([2_000, 4_000, 5_000]);
    expect(backoff.attempts).toBe(3);
    backoff.reset();
    expect(backoff.next()).toBe(2_000);
  });
});

describe('waiting on injected timers', () => {
  it('sleeps on the given clock, and stops waiting as soon as its signal aborts', async () => {
    const timers = new FakeTimers();
    let woke = false;
    void sleep(timers, 5_000).then(() => (woke = true));
    await timers.advance(4_999);
    expect(woke).toBe(false);
    await timers.advance(1);
    expect(woke).toBe(true);

    const controller = new AbortController();
    const waiting = sleep(timers, 60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(SleepAbortedError);
    expect(timers.delays()).toEqual([]);
  });

  it('gives up on work that does not answer in time, and passes on work that does', async () => {
    const timers = new FakeTimers();
    const hung = expect(withTimeout(new Promise(() => undefined), 10_000, timers, () => new Error('no answer'))).rejects.toThrow(
      'no answer',
    );
    await timers.advance(10_000);
    await hung;
    await expect(withTimeout(Promise.resolve('CONNECTED'), 10_000, timers, () => new Error('x'))).resolves.toBe('CONNECTED');
    expect(timers.delays()).toEqual([]);
  });
});
