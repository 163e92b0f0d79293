import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logger.js';

export interface QrOutputOptions {
  /** Folder for qr.png (DATA_DIR/whatsapp). */
  dir: string;
  logger: Logger;
  /** Where the operator reads the terminal QR; default stderr, so stdout stays free. */
  write?: (text: string) => void;
}

export interface QrOutput {
  /** The file the latest QR is saved to. */
  readonly pngFile: string;
  /** Shows a new login QR: in the terminal and as a PNG (for operators on a remote server without a TTY). */
  show(qr: string): Promise<void>;
  /** Removes the PNG once logged in, so nobody scans a stale code. */
  clear(): Promise<void>;
}

/** The operator's view of WhatsApp's login QR, which whatsapp-web.js refreshes every ~20 seconds. */
export function createQrOutput(options: QrOutputOptions): QrOutput {
  const pngFile = path.join(options.dir, 'qr.png');
  const write = options.write ?? ((text: string) => process.stderr.write(`${text}\n`));
  // Loaded when WhatsApp starts (about 15 MB), not with every start of the bot; ready before the first code.
  const libraries = Promise.all([import('qrcode-terminal'), import('qrcode')]);
  libraries.catch(() => undefined);
  return {
    pngFile,
    async show(qr) {
      const [{ default: qrcodeTerminal }, { default: QRCode }] = await libraries;
      qrcodeTerminal.generate(qr, { small: true }, write);
      try {
        await fs.mkdir(options.dir, { recursive: true });
        // Written aside and renamed, so nobody opens (or scans) a half-written image.
        const partial = `${pngFile}.partial`;
        await QRCode.toFile(partial, qr, { type: 'png', margin: 2, width: 400 });
        await fs.rename(partial, pngFile);
        options.logger.info({ file: pngFile }, 'WhatsApp login QR saved; scan it with WhatsApp on the phone (Linked devices)');
      } catch (error) {
        options.logger.error({ file: pngFile, err: error }, 'could not save the WhatsApp login QR as PNG');
      }
    },
    async clear() {
      await fs.rm(pngFile, { force: true }).catch((error: unknown) => {
        options.logger.warn({ file: pngFile, err: error }, 'could not remove the old WhatsApp QR');
      });
    },
  };
}
