import { afterEach, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import type { Reply } from '../../src/core/messages.js';
import type { OutboundChannel } from '../../src/core/outbound.js';
import { silentLogger } from '../../src/logger.js';
import { writeSmallKnowledge } from '../fixtures/cli/small-knowledge.js';
import { tempDataDir } from '../support/temp-data.js';
import { BROADCAST_ENV } from './support/people.js';

const RECIPIENTS = 40;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Telegram as the bot sees it: every message that reaches it is counted per chat. From message `dieAfter`
 * on, the sender's process is gone: the call reached Telegram but its answer never comes back.
 */
function telegramUntil(received: Map<string, number>, dieAfter: number): OutboundChannel & { calls(): number } {
  let calls = 0;
  return {
    channel: 'telegram',
    available: () => true,
    calls: () => calls,
    send(to: string, _replies: readonly Reply[]) {
      calls += 1;
      received.set(to, (received.get(to) ?? 0) + 1);
      if (calls > dieAfter) return new Promise(() => {});
      return Promise.resolve({ status: 'sent', messageIds: [`m${calls}`] });
    },
  };
}

it('after the sender dies at a random point and restarts, every recipient is sent exactly once or unknown', async () => {
  const temp = tempDataDir();
  cleanups.push(() => temp.cleanup());
  let now = new Date('2027-03-01T02:00:00Z');
  const config = loadConfig(
    { DATA_DIR: temp.dir, LOG_LEVEL: 'silent', KNOWLEDGE_DIR: writeSmallKnowledge(temp.dir), ...BROADCAST_ENV },
    projectRoot,
  );
  const open = () => createApp(config, { logger: silentLogger(), clock: () => now });
  const received = new Map<string, number>();
  const dieAfter = 1 + Math.floor(Math.random() * (RECIPIENTS - 2));

  const first: App = await open();
  for (let i = 0; i < RECIPIENTS; i += 1) await first.router.handle({ channel: 'telegram', senderId: String(5000 + i), text: '/bantuan' });
  const dying = telegramUntil(received, dieAfter);
  first.outbound.register(dying);
  const id = await first.broadcasts.create({ createdById: null, text: 'Rapat koordinasi inovasi, Senin 09.00.', audience: {} });
  void first.jobs.runDue();
  // The sender is "killed": its handlers hang in the API call; wait until nothing moves any more.
  await vi.waitFor(() => expect(dying.calls()).toBeGreaterThan(dieAfter), { timeout: 20_000, interval: 20 });
  let last = -1;
  await vi.waitFor(
    () => {
      const calls = dying.calls();
      const settled = calls === last;
      last = calls;
      expect(settled).toBe(true);
    },
    { timeout: 20_000, interval: 300 },
  );
  const inFlight = dying.calls() - dieAfter;
  cleanups.push(async () => {
    await first.jobs.stop(0);
    await first.db.$disconnect();
  });

  // A new process on the same database, after the dead one's leases ran out.
  now = new Date(now.getTime() + 5 * 60_000);
  const second = await open();
  cleanups.push(() => second.close());
  const sent: string[] = [];
  second.outbound.register({
    channel: 'telegram',
    available: () => true,
    async send(to) {
      sent.push(to);
      received.set(to, (received.get(to) ?? 0) + 1);
      return { status: 'sent', messageIds: [`n${sent.length}`] };
    },
  });
  await second.broadcasts.recover();
  await second.jobs.runDue();

  const rows = await second.db.broadcastRecipient.findMany({
    where: { broadcastId: id },
    include: { user: { include: { identities: true } } },
  });
  expect(rows).toHaveLength(RECIPIENTS);
  const byStatus = (status: string) => rows.filter((r) => r.status === status);
  expect(byStatus('sent').length + byStatus('unknown').length).toBe(RECIPIENTS);
  expect(byStatus('unknown').length).toBe(inFlight);
  expect(inFlight).toBeGreaterThan(0);
  expect(inFlight).toBeLessThanOrEqual(RECIPIENTS - dieAfter);
  for (const row of rows) {
    const chat = row.user.identities[0]!.externalId;
    // Nobody got it twice; everyone marked sent got it; the unknown ones were the calls cut off mid-flight.
    expect(received.get(chat) ?? 0).toBe(1);
  }
  expect(sent).toHaveLength(RECIPIENTS - dieAfter - inFlight);
  expect((await second.broadcasts.get(id))?.state).toBe('done');

  // The coordinator may resend the unknown ones on purpose.
  expect(await second.broadcasts.resendUnknown(id, null)).toBe(inFlight);
  await second.jobs.runDue();
  expect((await second.broadcasts.get(id))?.counts).toMatchObject({ sent: RECIPIENTS, unknown: 0, pending: 0 });
}, 90_000);
