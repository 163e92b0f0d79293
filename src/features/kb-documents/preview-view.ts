import { choice, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import type { PreviewWarning, UploadPreview } from '../../knowledge/uploads/preview.js';
import { STAGED_UPLOAD_TTL_MS } from '../../knowledge/uploads/staged-uploads.js';
import { KB_DOCUMENTS_FEATURE } from './feature-name.js';

/** The preview message of a staged upload, with the choices to confirm, correct or cancel it. */
export function previewReply(t: Translate, uploadId: string, fileName: string, preview: UploadPreview): Reply {
  const field = (key: string, value: string) => `${t(`kb_admin.upload.field.${key}`)}: ${value}`;
  const lines = [
    `*${t('kb_admin.upload.preview_title')}*`,
    field('file', fileName),
    field('title', preview.title),
    field('regulation', preview.regulation ?? t('kb_admin.upload.field.no_regulation')),
    field(
      'pasal',
      preview.pasalRange
        ? t('kb_admin.upload.field.pasal_range', { count: preview.pasal.length, range: preview.pasalRange })
        : t('kb_admin.upload.field.no_pasal'),
    ),
    field('chunks', String(preview.chunks)),
    '',
    t('kb_admin.upload.first_chunks'),
    ...preview.firstChunks.map((c) => `• [${c.citation}] ${c.excerpt}`),
  ];
  if (preview.replaces) {
    lines.push(
      '',
      t('kb_admin.upload.replaces', {
        version: preview.replaces.version + 1,
        title: preview.replaces.title,
        regulation: preview.replaces.regulation ?? '-',
      }),
    );
  }
  const warnings = preview.warnings.map((w) => warningLine(t, w)).filter((w): w is string => w !== undefined);
  if (warnings.length > 0) lines.push('', t('kb_admin.upload.warnings'), ...warnings.map((w) => `⚠️ ${w}`));
  lines.push('', t('kb_admin.upload.ask', { hours: Math.round(STAGED_UPLOAD_TTL_MS / 3_600_000) }));
  return {
    text: lines.join('\n'),
    choices: [
      choice(KB_DOCUMENTS_FEATURE, `ok:${uploadId}`, t('kb_admin.upload.choice.confirm')),
      choice(KB_DOCUMENTS_FEATURE, `title:${uploadId}`, t('kb_admin.upload.choice.title')),
      choice(KB_DOCUMENTS_FEATURE, `reg:${uploadId}`, t('kb_admin.upload.choice.regulation')),
      choice(KB_DOCUMENTS_FEATURE, `no:${uploadId}`, t('kb_admin.upload.choice.cancel')),
    ],
  };
}

function warningLine(t: Translate, warning: PreviewWarning): string | undefined {
  switch (warning.kind) {
    case 'no_pasal':
      return t('kb_admin.upload.warning.no_pasal');
    case 'ocr_damage': {
      const details = [
        warning.missingPasal.length > 0
          ? t('kb_admin.upload.warning.ocr_missing', { pasal: warning.missingPasal.slice(0, 10).join(', ') })
          : undefined,
        warning.garbledShare > 0
          ? t('kb_admin.upload.warning.ocr_garbled', { percent: Math.round(warning.garbledShare * 100) })
          : undefined,
      ].filter(Boolean);
      return t('kb_admin.upload.warning.ocr_damage', { details: details.join('; ') });
    }
    case 'similar_title':
      return t('kb_admin.upload.warning.similar_title', { title: warning.document.title, regulation: warning.document.regulation ?? '-' });
    case 'duplicate':
      // A duplicate is never staged; the upload is answered with its own message instead.
      return undefined;
  }
}
