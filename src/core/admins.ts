import type { ChannelName } from './messages.js';

/**
 * The first admins, named in configuration (ADMIN_TELEGRAM_IDS, ADMIN_WHATSAPP_NUMBERS). The terminal
 * chat runs as the operator of the machine, who is an admin by definition. Everyone else gets a role
 * only from an admin (/peran).
 */
export class ConfiguredAdmins {
  private readonly telegram: Set<string>;
  private readonly whatsapp: Set<string>;

  private readonly terminal: boolean;

  constructor(settings: { telegramIds?: readonly string[]; whatsappNumbers?: readonly string[]; terminal?: boolean } = {}) {
    // Tests of what innovators see in the terminal turn the operator's admin role off.
    this.terminal = settings.terminal ?? true;
    this.telegram = new Set((settings.telegramIds ?? []).map((id) => id.trim()).filter(Boolean));
    this.whatsapp = new Set((settings.whatsappNumbers ?? []).map(normalisePhone).filter((n): n is string => Boolean(n)));
  }

  includes(channel: ChannelName, externalId: string): boolean {
    switch (channel) {
      case 'terminal':
        return this.terminal;
      case 'telegram':
        return this.telegram.has(externalId);
      case 'whatsapp': {
        const number = normalisePhone(externalId.split('@')[0] ?? '');
        return number !== undefined && this.whatsapp.has(number);
      }
    }
  }
}

/**
 * A phone number as WhatsApp ids carry it: digits only, with Indonesia's country code instead of the
 * trunk zero ("0812-3456-789", "+62 812 3456 789" and "628123456789" are one number). Undefined when
 * what is left cannot be a phone number.
 */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/[^\d]/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : undefined;
}
