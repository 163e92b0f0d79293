import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Translate } from '../../i18n/translator.js';
import type { IncomingFile, IncomingMessage, Reply } from '../../core/messages.js';
import type { OutboundChannel } from '../../core/outbound.js';
import { writeNewFile } from '../../core/files/write-new-file.js';
import { boldRuns } from '../render/bold-marks.js';
import { renderNumberedChoices } from '../render/numbered-choices.js';

export interface TerminalChannelOptions {
  handle: (msg: IncomingMessage) => Promise<Reply[]>;
  t: Translate;
  input: Readable;
  output: Writable;
  /** Interactive (a person at a TTY) or scripted (one message per line, replies end with "---"). */
  interactive: boolean;
  senderId: string;
  /** Documents are written here, since a terminal cannot receive a file. */
  exportDir: string;
}

/** The line that ends each reply block in scripted mode. */
export const REPLY_END = '---';

/**
 * Chat with Pandu in a terminal. Interactive mode shows a prompt; scripted mode (stdin not a TTY) reads
 * one message per line, prints the replies followed by a line with only "---", and ends at end of input,
 * which is how smoke tests and scripted conversations drive the bot.
 */
export async function runTerminalChannel(options: TerminalChannelOptions): Promise<void> {
  const { output, interactive } = options;
  const rl = readline.createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const write = (s: string) => output.write(`${s}\n`);
  if (interactive) {
    write(options.t('terminal.welcome'));
    output.write(`\n${options.t('terminal.you')}`);
  }
  try {
    for await (const line of rl) {
      const text = line.replace(/\r$/, '');
      if (interactive && /^\/(keluar|exit|quit)\s*$/i.test(text.trim())) break;
      if (interactive && !text.trim()) {
        output.write(options.t('terminal.you'));
        continue;
      }
      const file = attachedFile(text);
      const replies =
        file === 'missing'
          ? [{ text: options.t('terminal.attach_missing', { path: text.trim().slice('/lampiran'.length).trim() }) }]
          : await options.handle({
              channel: 'terminal',
              senderId: options.senderId,
              messageId: undefined,
              ...(file ? { file } : { text }),
            });
      const blocks = replies.map((r) => renderReply(r, options));
      if (interactive) {
        for (const b of blocks) write(`\n${options.t('terminal.pandu')}${b}`);
        output.write(`\n${options.t('terminal.you')}`);
      } else {
        write(blocks.join('\n\n'));
        write(REPLY_END);
      }
    }
  } finally {
    // Leaving the loop does not close the interface: it would go on reading stdin, and the process
    // would hang after /keluar until Ctrl+D.
    rl.close();
  }
  if (interactive) write(`\n${options.t('terminal.goodbye')}`);
}

/**
 * A terminal cannot send a file, so a line `/lampiran <path>` sends the file at that path (relative to the
 * current folder) as if it had been attached: how evidence is added to a progress report here.
 */
function attachedFile(line: string): IncomingFile | 'missing' | undefined {
  const m = /^\/lampiran\s+(.+)$/i.exec(line.trim());
  if (!m) return undefined;
  const file = path.resolve(m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return 'missing';
  return { fileName: path.basename(file), size: stat.size, download: () => fs.promises.readFile(file) };
}

function renderReply(reply: Reply, options: Pick<TerminalChannelOptions, 't' | 'exportDir' | 'output' | 'interactive'>): string {
  let text = renderNumberedChoices(reply.text, reply.choices, options.t);
  // A person at a terminal sees `*lanjut*` in bold, as on WhatsApp; scripted output keeps the text as sent.
  if (options.interactive && (options.output as { isTTY?: boolean }).isTTY) text = ansiBold(text);
  if (reply.document) {
    const file = writeNewFile(options.exportDir, reply.document.fileName, reply.document.data);
    text += `\n${options.t('terminal.saved_document', { path: file })}`;
  }
  return text;
}

/** `*word*` as the terminal's bold (escape codes SGR 1 and 22), without the asterisks. */
export function ansiBold(input: string): string {
  const { text, runs } = boldRuns(input);
  let out = '';
  let from = 0;
  for (const { offset, length } of runs) {
    out += `${text.slice(from, offset)}\u001b[1m${text.slice(offset, offset + length)}\u001b[22m`;
    from = offset + length;
  }
  return out + text.slice(from);
}

/**
 * The terminal's side of the outbound port: a message Pandu sends first (a reminder, an announcement to
 * the operator) is printed between the replies, marked as new, in the same block format.
 */
export function terminalOutbound(options: Pick<TerminalChannelOptions, 'output' | 'interactive' | 't' | 'exportDir'>): OutboundChannel {
  let sent = 0;
  return {
    channel: 'terminal',
    available: () => true,
    async send(_externalId, replies) {
      const blocks = replies.map((r) => renderReply(r, options));
      const text = `${options.t('terminal.proactive')}\n${blocks.join('\n\n')}`;
      options.output.write(options.interactive ? `\n${text}\n${options.t('terminal.you')}` : `${text}\n${REPLY_END}\n`);
      sent += 1;
      return { status: 'sent', messageIds: [`terminal-${sent}`] };
    },
  };
}

/** The terminal chat wired to a built app: what `npm run chat` and `npm start` (without channels) run. */
export async function chatInTerminal(app: {
  router: { handle(msg: IncomingMessage): Promise<Reply[]> };
  i18n: { t: Translate };
  config: { terminalUser: string; dataDir: string };
  outbound: { register(sender: OutboundChannel): () => void };
}): Promise<void> {
  const options: TerminalChannelOptions = {
    handle: (msg) => app.router.handle(msg),
    t: app.i18n.t,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    senderId: app.config.terminalUser,
    exportDir: path.join(app.config.dataDir, 'exports'),
  };
  const unregister = app.outbound.register(terminalOutbound(options));
  try {
    await runTerminalChannel(options);
  } finally {
    unregister();
  }
}
