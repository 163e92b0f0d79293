import type { Context } from '../../../core/context.js';
import type { Reply } from '../../../core/messages.js';
import { countWords } from '../checks/section-checks.js';
import { syncTitle } from './answers.js';
import type { OpenDraft } from './open-draft.js';
import { lastSave, setLastSave } from './session-state.js';
import type { WizardDeps } from './wizard-deps.js';

/**
 * "hapus terakhir": takes back the last message saved in this section by writing the version before it
 * again (the taken-back text stays in the history). Only right after that message: not after moving to
 * another section, and not when something else (another channel, a skip) wrote to the section since.
 */
export async function undo(deps: WizardDeps, ctx: Context, open: OpenDraft): Promise<Reply[]> {
  const { store } = deps;
  const { section, draft } = open;
  const saved = lastSave(ctx.session);
  if (!saved || saved.sectionKey !== section.key || open.answers.get(section.key)?.version !== saved.version) {
    return [{ text: ctx.t('proposal.undo_nothing') }];
  }
  const previous = (await store.history(draft.id, section.key)).find((v) => v.version === saved.version - 1);
  const restored = await store.replace(draft.id, section.key, previous?.text ?? '');
  open.answers.set(section.key, restored);
  // Once only: a second "hapus terakhir" would otherwise bring the removed message back.
  setLastSave(ctx.session, undefined);
  await syncTitle(deps, open, section, restored.text);
  return [{ text: ctx.t('proposal.undone', { title: section.title, words: countWords(restored.text) }) }];
}
