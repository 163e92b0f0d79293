import type { ChannelName, Reply } from '../../src/core/messages.js';
import type { ChannelSendResult, OutboundChannel } from '../../src/core/outbound.js';

export interface RecordingSender extends OutboundChannel {
  /** Every delivered message: to whom, and its text. */
  sent: Array<{ to: string; text: string }>;
  /** Results to return for the next sends, in order (then "sent"). */
  next: ChannelSendResult[];
  up: boolean;
}

/** A channel's outbound side that records what it would have sent (and can fail on request). */
export function recordingSender(channel: ChannelName): RecordingSender {
  let counter = 0;
  const sender: RecordingSender = {
    channel,
    sent: [],
    next: [],
    up: true,
    available: () => sender.up,
    async send(to: string, replies: readonly Reply[]) {
      const result = sender.next.shift();
      if (result && result.status !== 'sent') return result;
      for (const reply of replies) sender.sent.push({ to, text: reply.text });
      counter += 1;
      return { status: 'sent', messageIds: [`${channel}-${counter}`] };
    },
  };
  return sender;
}
