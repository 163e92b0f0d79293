import type { Translate } from '../../i18n/translator.js';
import type { Choice } from '../../core/messages.js';

/**
 * Menus as numbered lines ("1. Lanjut") with a hint to reply with the number: how WhatsApp (whose
 * buttons are deprecated) and the terminal show choices. The router maps the typed number back.
 */
export function renderNumberedChoices(text: string, choices: readonly Choice[] | undefined, t: Translate): string {
  if (!choices || choices.length === 0) return text;
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`);
  const numbers = choices.map((_, i) => String(i + 1));
  const list = numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(', ')}${t('common.or')}${numbers[numbers.length - 1]}`;
  return `${text}\n\n${lines.join('\n')}\n${t('common.choose_number', { numbers: list })}`;
}
