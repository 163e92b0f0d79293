import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../src/core/keyed-lock.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A task that notes when it starts and ends, with a pause in between. */
const recorded = (log: string[], name: string) => async () => {
  log.push(`${name} start`);
  await tick();
  log.push(`${name} end`);
};

describe('KeyedLock', () => {
  it('runs tasks of one key one after the other, in arrival order', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    await Promise.all([lock.run('a', recorded(log, '1')), lock.run('a', recorded(log, '2')), lock.run('a', recorded(log, '3'))]);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('lets different keys run at the same time', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    await Promise.all([lock.run('a', recorded(log, 'a')), lock.run('b', recorded(log, 'b'))]);
    expect(log.slice(0, 2).sort()).toEqual(['a start', 'b start']);
  });

  it('releases a key after a failing task and keeps no entry for idle keys', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('a', async () => Promise.reject(new Error('gagal')))).rejects.toThrow('gagal');
    expect(await lock.run('a', async () => 'lanjut')).toBe('lanjut');
    expect(lock.size).toBe(0);
  });

  it('idle() waits for every queued task, including those queued meanwhile and those that fail', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    void lock.run('a', recorded(log, '1'));
    void lock.run('b', async () => Promise.reject(new Error('gagal'))).catch(() => undefined);
    const idle = lock.idle().then(() => log.push('idle'));
    void lock.run('a', recorded(log, '2'));
    await idle;
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', 'idle']);
    expect(lock.size).toBe(0);
  });
});
