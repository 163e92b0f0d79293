import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localProbe, PROFILE_LOCK_FILES, removeStaleProfileLock } from '../../../src/channels/whatsapp/profile-lock.js';
import { tempDataDir } from '../../support/temp-data.js';
import { harnessPerTest } from './adapter-harness.js';
import { settle } from '../../support/fake-timers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('WhatsApp connection: QR, reconnects and back-off', () => {
  const start = harnessPerTest();

  it('starts the client once at start-up without waiting for it', async () => {
    const h = start({ initOutcomes: ['hang'] });
    await settle();
    expect(h.client.calls).toEqual(['initialize']);
  });

  it('re-initialises the client after a disconnect, waiting an exponentially growing back-off', async () => {
    const h = start();
    await settle();
    h.client.emit('disconnected', 'NAVIGATION');
    expect(h.timers.delays()).toEqual([2_000]);
    await h.timers.advance(1_999);
    expect(h.client.calls).toEqual(['initialize']);
    await h.timers.advance(1);
    expect(h.client.calls).toEqual(['initialize', 'destroy', 'initialize']);

    h.client.emit('disconnected', 'TIMEOUT');
    expect(h.timers.delays()).toEqual([4_000]);
    await h.timers.advance(4_000);
    expect(h.client.initializeCalls).toBe(3);

    // Once WhatsApp is ready again the next outage starts from the short delay.
    h.client.emit('ready');
    await settle();
    h.client.emit('disconnected', 'CONFLICT');
    expect(h.timers.delays()).toEqual([2_000]);
  });

  it('schedules a single reconnect for a burst of disconnect events', async () => {
    const h = start();
    await settle();
    h.client.emit('disconnected', 'UNPAIRED');
    h.client.emit('disconnected', 'UNPAIRED');
    h.client.emit('disconnected', 'UNLAUNCHED');
    expect(h.timers.delays()).toEqual([2_000]);
    await h.timers.advance(2_000);
    expect(h.client.initializeCalls).toBe(2);
  });

  it('retries start-up with back-off when initialize() fails (no network) and never throws', async () => {
    const offline = new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    const h = start({ initOutcomes: [offline, offline] });
    await settle();
    expect(h.timers.delays()).toEqual([2_000]);
    // The browser of the failed start is closed at once, not after the back-off.
    expect(h.client.calls).toEqual(['initialize', 'destroy']);
    await h.timers.advance(2_000);
    expect(h.client.calls.filter((c) => c === 'initialize')).toHaveLength(2);
    expect(h.timers.delays()).toEqual([4_000]);
    await h.timers.advance(4_000);
    expect(h.client.initializeCalls).toBe(3);
    // The third start succeeded: nothing more is scheduled.
    expect(h.timers.delays()).toEqual([]);
  });

  it('caps the back-off at five minutes during a long outage', async () => {
    const h = start({ initOutcomes: Array.from({ length: 12 }, () => new Error('net::ERR_INTERNET_DISCONNECTED')) });
    await settle();
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const [next] = h.timers.delays();
      delays.push(next!);
      await h.timers.advance(next!);
    }
    expect(delays.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...delays)).toBe(300_000);
    expect(delays.at(-1)).toBe(300_000);
  });

  it('after the phone unlinks Pandu (LOGOUT) removes the stored session before starting again, so a new QR is shown', async () => {
    const order: string[] = [];
    const h = start({
      clearSession: async () => {
        order.push(`clear after ${h.client.calls.join(',')}`);
        fs.rmSync(h.authDir, { recursive: true, force: true });
      },
    });
    fs.mkdirSync(path.join(h.authDir, 'session-pandu'), { recursive: true });
    await settle();
    h.client.emit('disconnected', 'LOGOUT');
    await h.timers.advance(2_000);

    expect(order).toEqual(['clear after initialize,destroy']);
    expect(h.client.calls).toEqual(['initialize', 'destroy', 'initialize']);
    expect(fs.existsSync(path.join(h.authDir, 'session-pandu'))).toBe(false);
    expect(h.notices).toContain('logged_out');
  });

  it('remembers a LOGOUT that arrives while a reconnect is already scheduled', async () => {
    const clearSession = vi.fn(async () => undefined);
    const h = start({ clearSession });
    await settle();
    h.client.emit('disconnected', 'NAVIGATION');
    h.client.emit('disconnected', 'LOGOUT');
    await h.timers.advance(2_000);
    expect(clearSession).toHaveBeenCalledTimes(1);
    expect(h.client.initializeCalls).toBe(2);
  });

  it('keeps the stored session after an ordinary disconnect', async () => {
    const clearSession = vi.fn(async () => undefined);
    const h = start({ clearSession });
    await settle();
    h.client.emit('disconnected', 'NAVIGATION');
    await h.timers.advance(2_000);
    expect(clearSession).not.toHaveBeenCalled();
  });

  it('tells the operator which folder to delete after an authentication failure, keeps running and tries again later', async () => {
    const said: Array<[string, Record<string, string> | undefined]> = [];
    const h = start({ notice: (key, vars) => said.push([key, vars]) });
    await settle();
    h.client.emit('auth_failure', 'Unable to restore session');

    expect(said).toEqual([['auth_failure', { reason: 'Unable to restore session', dir: path.join(h.authDir, 'session-pandu') }]]);
    await h.timers.advance(2_000);
    expect(h.client.initializeCalls).toBe(2);
  });

  it('stop() cancels a pending reconnect and closes the browser', async () => {
    const h = start();
    await settle();
    h.client.emit('disconnected', 'NAVIGATION');
    await h.adapter.stop();
    expect(h.timers.delays()).toEqual([]);
    await h.timers.advance(600_000);
    expect(h.client.calls).toEqual(['initialize', 'destroy']);
  });

  it('ignores a late start failure once stopped', async () => {
    let fail: (error: Error) => void = () => undefined;
    const h = start({ initOutcomes: ['hang'] });
    h.client.initialize = () => new Promise<void>((_, reject) => (fail = reject));
    h.client.emit('disconnected', 'NAVIGATION');
    await h.timers.advance(2_000);
    await h.adapter.stop();
    fail(new Error('Protocol error: Target closed'));
    await settle();
    expect(h.timers.delays()).toEqual([]);
  });

  it('shows the login QR in the terminal, saves it as a PNG under the data folder, and removes the PNG once ready', async () => {
    const h = start();
    const png = path.join(h.authDir, 'qr.png');
    h.client.emit('qr', '2@Zm9vYmFy,abcdefghijklmnopqrstuvwxyz0123456789=,QUJD,REVG');
    await vi.waitFor(() => expect(fs.existsSync(png)).toBe(true), { timeout: 10_000 });

    expect(fs.readFileSync(png).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(h.notices).toContain('scan_qr');
    expect(h.operator.join('\n')).toMatch(/[▄▀█]/);

    h.client.emit('ready');
    await vi.waitFor(() => expect(fs.existsSync(png)).toBe(false), { timeout: 10_000 });
    expect(h.notices).toContain('ready');
  });

  /** A session that started and became ready, so the state watchdog runs. */
  async function readySession() {
    const h = start();
    await settle();
    h.client.emit('ready');
    await settle();
    return h;
  }

  it('restarts a session that stays out of CONNECTED beyond the grace period', async () => {
    const h = await readySession();
    h.client.state = 'TIMEOUT';
    h.client.emit('change_state', 'TIMEOUT');
    await h.timers.advance(59_999);
    expect(h.client.calls).toEqual(['initialize']);
    await h.timers.advance(1);
    expect(h.timers.delays()).toEqual([2_000]);
    await h.timers.advance(2_000);
    expect(h.client.calls).toEqual(['initialize', 'destroy', 'initialize']);
  });

  it('leaves a session alone that is CONNECTED again within the grace period, and keeps checking it', async () => {
    const h = await readySession();
    h.client.state = 'OPENING';
    h.client.emit('change_state', 'OPENING');
    await h.timers.advance(30_000);
    h.client.state = 'CONNECTED';
    h.client.emit('change_state', 'CONNECTED');
    await h.timers.advance(10 * 60_000);
    expect(h.client.calls).toEqual(['initialize']);
    // Asked about every 30 s all along.
    expect(h.client.getStateCalls).toBeGreaterThanOrEqual(20);
  });

  it('restarts a session whose page no longer answers getState (polled with a timeout)', async () => {
    const h = await readySession();
    h.client.state = 'hang';
    // First check at 30 s gives up at 40 s; the grace period runs from there; the restart follows the back-off.
    await h.timers.advance(99_999);
    expect(h.client.calls).toEqual(['initialize']);
    await h.timers.advance(20_000 + 2_000);
    expect(h.client.calls).toEqual(['initialize', 'destroy', 'initialize']);
  });

  it('does not poll the state before the session is ready or after stop()', async () => {
    const h = start({ initOutcomes: ['hang'] });
    await h.timers.advance(5 * 60_000);
    expect(h.client.getStateCalls).toBe(0);
    h.client.emit('ready');
    await h.adapter.stop();
    await h.timers.advance(5 * 60_000);
    expect(h.client.getStateCalls).toBe(0);
  });
});

describe('WhatsApp connection: a Chromium profile lock left by an unclean stop', () => {
  const start = harnessPerTest();
  let temp: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    temp = tempDataDir('pandu-wa-lock-');
  });
  afterEach(() => temp.cleanup());

  /** A profile folder as Chromium leaves it when killed: its lock files point at `owner` ("host-pid"). */
  function lockedProfile(owner: string): string {
    const dir = path.join(temp.dir, 'session-pandu');
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(owner, path.join(dir, 'SingletonLock'));
    fs.symlinkSync('8461513275384212331', path.join(dir, 'SingletonCookie'));
    fs.symlinkSync('/tmp/.org.chromium.Chromium.gone/SingletonSocket', path.join(dir, 'SingletonSocket'));
    return dir;
  }
  const present = (dir: string) => PROFILE_LOCK_FILES.filter((name) => fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false }));

  it('removes a lock whose browser is gone before starting, instead of failing on every start', async () => {
    const sessionDir = lockedProfile('pandu-server-4242');
    const h = start({ sessionDir, lockProbe: { hostname: () => 'pandu-server', isRunningBrowser: () => false } });
    await settle();
    expect(present(sessionDir)).toEqual([]);
    expect(h.client.calls).toEqual(['initialize']);
  });

  it('removes a lock written on another machine (a container that was replaced)', async () => {
    const sessionDir = lockedProfile('old-container-17');
    start({ sessionDir, lockProbe: { hostname: () => 'new-container', isRunningBrowser: () => true } });
    await settle();
    expect(present(sessionDir)).toEqual([]);
  });

  it('leaves alone a lock that a running browser on this machine holds', async () => {
    const sessionDir = lockedProfile('pandu-server-4242');
    start({ sessionDir, lockProbe: { hostname: () => 'pandu-server', isRunningBrowser: (pid) => pid === 4242 } });
    await settle();
    expect(present(sessionDir)).toEqual([...PROFILE_LOCK_FILES]);
  });

  it('tells a running Chromium from a gone or reused process id', () => {
    expect(removeStaleProfileLock(path.join(temp.dir, 'no-profile'))).toBe(false);
    // This test process is Node, not a browser: a lock naming it is stale.
    expect(localProbe.isRunningBrowser(process.pid)).toBe(false);
    expect(localProbe.isRunningBrowser(2 ** 22 + 1)).toBe(false);
  });
});
