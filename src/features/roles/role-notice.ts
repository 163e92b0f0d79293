import type { Reply } from '../../core/messages.js';
import type { Role } from '../../core/roles.js';
import type { Translate } from '../../i18n/translator.js';
import type { Scope } from '../../people/scopes.js';

/** What a person is told when they receive a role: what they may now do, and for whom. */
export function roleNotice(t: Translate, role: Role, scope?: Scope): Reply {
  const scopeText = scope ? t('roles.scope_suffix', { scope: scope.label }) : '';
  return { text: t(`roles.notice.${role}`, { scope: scopeText }) };
}
