import { normalisePhone } from '../../core/admins.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { PairingNotAwaited, type ChannelControls } from '../../ops/channel-controls.js';

/**
 * Admin commands to re-link Pandu's WhatsApp number from the chat, without a shell on the server:
 * /wa_qr sends the QR WhatsApp shows now; /wa_pairing <nomor> asks for a pairing code instead (typed
 * on the phone under Perangkat tertaut › Tautkan dengan nomor telepon).
 */
export class OpsFeature implements Feature {
  readonly name = 'ops';
  // Commands, not the feature, carry the role: the feature has no choices or flow a role could guard.
  readonly commands;

  constructor(
    private readonly controls: ChannelControls,
    t: Translate,
  ) {
    this.commands = [
      { name: 'wa_qr', description: t('ops.qr_command'), role: 'admin' as const, privateOnly: true, run: (ctx: Context) => this.qr(ctx) },
      {
        name: 'wa_pairing',
        description: t('ops.pairing_command'),
        usage: t('ops.pairing_usage_hint'),
        role: 'admin' as const,
        privateOnly: true,
        run: (ctx: Context, args: string) => this.pairing(ctx, args),
      },
    ];
  }

  private async qr(ctx: Context): Promise<Reply[]> {
    const whatsapp = this.controls.whatsapp;
    if (!whatsapp) return [{ text: ctx.t('ops.whatsapp_off') }];
    const png = await whatsapp.currentQr();
    if (!png) return [{ text: ctx.t('ops.qr_none') }];
    return [{ text: ctx.t('ops.qr_now'), document: { fileName: 'whatsapp-qr.png', mimeType: 'image/png', data: png } }];
  }

  private async pairing(ctx: Context, args: string): Promise<Reply[]> {
    const whatsapp = this.controls.whatsapp;
    if (!whatsapp) return [{ text: ctx.t('ops.whatsapp_off') }];
    const phone = normalisePhone(args);
    if (!args.trim() || !phone) return [{ text: ctx.t('ops.pairing_usage') }];
    try {
      const code = await whatsapp.pairingCode(phone);
      ctx.logger.info('WhatsApp pairing code issued to an admin');
      return [{ text: ctx.t('ops.pairing_code', { code, phone }) }];
    } catch (error) {
      if (error instanceof PairingNotAwaited) return [{ text: ctx.t('ops.pairing_not_waiting') }];
      ctx.logger.error({ err: error }, 'WhatsApp pairing code request failed');
      return [{ text: ctx.t('ops.pairing_failed') }];
    }
  }
}
