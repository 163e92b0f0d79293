/** Telegram refuses message texts longer than this (counted in UTF-16 code units, as JavaScript counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Telegram refuses captions longer than this. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** The Bot API's getFile serves bots files up to this size; larger ones cannot be downloaded at all. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
