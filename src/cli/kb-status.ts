import type { Translate } from '../i18n/translator.js';
import type { KbStatusStore, StatusSnapshot } from '../knowledge/status/kb-status.js';
import type { KbCommand } from './kb-args.js';

/**
 * `kb status <id|peraturan> [--pasal N] <berlaku|diubah|dicabut> [--by "…"]`: the shell's way to mark a
 * regulation, a document or one Pasal, audited like the chat's /kb_status (actor: none, a shell). Returns
 * the exit code; the caller rebuilds the index, which a running bot then picks up.
 */
export async function setStatusFromShell(
  cmd: Extract<KbCommand, { command: 'status' }>,
  statuses: KbStatusStore,
  t: Translate,
): Promise<number> {
  const found = await statuses.find(cmd.target);
  if (found.length === 0) {
    console.error(t('kb_admin.status.cli.not_found', { target: cmd.target }));
    return 1;
  }
  if (found.length > 1) {
    console.error(
      t('kb_admin.status.cli.ambiguous', {
        target: cmd.target,
        options: found
          .slice(0, 10)
          .map((f) => f.label)
          .join('; '),
      }),
    );
    return 1;
  }
  const target = found[0]!;
  const outcome = await statuses.set({
    target,
    ...(cmd.pasal ? { pasal: cmd.pasal } : {}),
    status: cmd.status,
    ...(cmd.by ? { amendedBy: cmd.by } : {}),
    actorId: null,
  });
  if (!outcome.ok) {
    const key =
      outcome.reason === 'no_pasal'
        ? 'kb_admin.status.cli.no_pasal'
        : outcome.reason === 'missing_by'
          ? 'kb_admin.status.cli.missing_by'
          : 'kb_admin.status.cli.not_found';
    console.error(t(key, { target: target.label, pasal: cmd.pasal ?? '' }));
    return 1;
  }
  const subject = cmd.pasal ? `${target.label} Pasal ${outcome.after.pasal ?? cmd.pasal}` : target.label;
  console.log(t('kb_admin.status.cli.saved', { subject, status: describe(t, outcome.after), before: describe(t, outcome.before) }));
  return 0;
}

function describe(t: Translate, s: StatusSnapshot): string {
  return s.status === 'diubah' && s.amendedBy ? t('kb_admin.status.diubah_by', { by: s.amendedBy }) : t(`kb_admin.status.name.${s.status}`);
}
