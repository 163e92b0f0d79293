/**
 * WhatsApp accepts much longer messages, but long bubbles get cut behind "Baca selengkapnya" and may fail
 * to send; about 4000 characters is the practical limit people use.
 */
export const WHATSAPP_TEXT_LIMIT = 4000;
