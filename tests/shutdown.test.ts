import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Shutdown } from '../src/shutdown.js';
import { FakeTimers, settle } from './support/fake-timers.js';
import { capturingLogger, entries } from './support/log-lines.js';

function shutdownUnderTest(timeoutMs = 10_000) {
  const timers = new FakeTimers();
  const { logger, lines } = capturingLogger();
  const exits: number[] = [];
  const proc = new EventEmitter();
  const shutdown = new Shutdown({ logger, timeoutMs, timers, exit: (code) => void exits.push(code) });
  shutdown.handleFaults(proc);
  shutdown.handleSignals(proc);
  return { timers, lines, exits, proc, shutdown };
}

describe('shutting down', () => {
  it('undoes what started, newest first, once, and exits 0 on SIGTERM', async () => {
    const { proc, shutdown, exits } = shutdownUnderTest();
    const done: string[] = [];
    shutdown.add('close the app', async () => void done.push('app'));
    shutdown.add('stop the channels', async () => void done.push('channels'));
    proc.emit('SIGTERM');
    await shutdown.run('again');
    expect(done).toEqual(['channels', 'app']);
    expect(exits).toEqual([0]);
  });

  it('exits 1 with a log line when stopping takes longer than the limit', async () => {
    const { timers, lines, exits, shutdown } = shutdownUnderTest(10_000);
    shutdown.add('stop a stuck channel', () => new Promise<void>(() => undefined));
    void shutdown.run('SIGINT');
    await timers.advance(9_999);
    expect(exits).toEqual([]);
    await timers.advance(1);
    expect(exits).toEqual([1]);
    expect(entries(lines, /did not finish within 10000 ms/)).toEqual([expect.objectContaining({ level: 50, reason: 'SIGINT' })]);
  });

  it('logs an unhandled rejection with its stack, stops gracefully and exits 1', async () => {
    const { proc, lines, exits, shutdown } = shutdownUnderTest();
    let closed = false;
    shutdown.add('close the app', async () => void (closed = true));
    proc.emit('unhandledRejection', new Error('nobody caught me'), Promise.resolve());
    await settle();
    const [fatal] = entries(lines, /unhandled promise rejection/);
    expect(fatal).toMatchObject({ level: 60, err: { type: 'Error', message: 'nobody caught me' } });
    expect(String((fatal!.err as { stack: string }).stack)).toContain('shutdown.test.ts');
    expect(closed).toBe(true);
    expect(exits).toEqual([1]);
  });

  it('logs an uncaught exception with its stack and exits 1, even while a clean stop was under way', async () => {
    const { proc, lines, exits, shutdown } = shutdownUnderTest();
    let release!: () => void;
    shutdown.add('stop the channels', () => new Promise<void>((resolve) => (release = resolve)));
    proc.emit('SIGTERM');
    proc.emit('uncaughtException', new TypeError('x is undefined'));
    release();
    await settle();
    expect(entries(lines, /uncaught exception/)).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ type: 'TypeError' }) }),
    ]);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when a step fails, after running the others', async () => {
    const { lines, exits, shutdown } = shutdownUnderTest();
    let closed = false;
    shutdown.add('close the app', async () => void (closed = true));
    shutdown.add('stop the channels', async () => {
      throw new Error('browser would not close');
    });
    await shutdown.run('SIGTERM');
    expect(closed).toBe(true);
    expect(exits).toEqual([1]);
    expect(entries(lines, /shutdown step failed/)).toEqual([expect.objectContaining({ step: 'stop the channels' })]);
  });

  it('exits at once on a second Ctrl+C while stopping', async () => {
    const { proc, exits, shutdown } = shutdownUnderTest();
    shutdown.add('stop a slow channel', () => new Promise<void>(() => undefined));
    proc.emit('SIGINT');
    proc.emit('SIGINT');
    expect(exits).toEqual([1]);
  });
});
