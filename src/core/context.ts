import type { Translate } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage } from './messages.js';
import type { Session } from './sessions.js';
import type { UserRecord } from './users.js';

/** What a feature gets for one incoming message. Features change `session` in place; the router saves it. */
export interface Context {
  msg: IncomingMessage;
  user: UserRecord;
  session: Session;
  t: Translate;
  logger: Logger;
  now: Date;
  /** Set by a feature that erased the person (/hapus_data): nothing about them may be written back. */
  forgotten?: boolean;
}
