import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplateFile, loadTemplates, parseTemplate } from '../../../src/features/proposal/templates/template-loader.js';
import { draftPayload } from '../../../src/features/proposal/wizard/choice-payloads.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const MIXED = path.join(PROJECT_ROOT, 'tests/fixtures/templates/mixed');
const SHIPPED = path.join(PROJECT_ROOT, 'prompts/templates');

/** A small template as YAML text: the required header, `extra` top-level lines, and one section per key. */
function templateText(extra: string[], keys: string[]): string {
  const sections = keys.map(
    (key, i) => `  - { key: ${key}, title: T${i}, guidance: A, why: A, basis: [A], example: A, required: ${i === 0} }`,
  );
  return ['id: uji', 'name: Uji', 'shortName: Uji', 'description: Uji.', 'basis: Uji', ...extra, 'sections:', ...sections].join('\n');
}

describe('proposal template loader', () => {
  it('loads every shipped template without errors, with the innovation name as the first section', () => {
    const { templates, errors } = loadTemplates(SHIPPED);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(['pp38-2017', 'iid-profil', 'sinovik-kipp']);
    for (const t of templates) {
      expect(t.sections[0]!.key).toBe(t.presubmission.titleSection);
      for (const s of t.sections) {
        expect(s.basis.length, `${t.id}.${s.key}`).toBeGreaterThan(0);
        // The longest button: "edit this section" of a draft whose id is a 25-character cuid.
        expect(Buffer.byteLength(`proposal:${draftPayload('edit', 'c'.repeat(25), s.key)}`)).toBeLessThanOrEqual(64);
      }
    }
  });

  it('declares the PP 38/2017 minimum content in order and the SINOVIK one-year rule as data', () => {
    const { templates } = loadTemplates(SHIPPED);
    const pp38 = templates.find((t) => t.id === 'pp38-2017')!;
    expect(pp38.sections.slice(1, 7).map((s) => s.basis[0])).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((huruf) => `PP 38/2017 Pasal 7 ayat (2) huruf ${huruf}`),
    );
    const kipp = templates.find((t) => t.id === 'sinovik-kipp')!;
    expect(kipp.presubmission.minAge).toEqual({ section: 'mulai_diterapkan', years: 1, basis: 'KIPP 2018 (KemenPAN-RB)' });
    expect(kipp.sections.find((s) => s.key === 'sdgs')!.elements[0]!.match).toEqual(['sdg']);
  });

  it('skips broken files with the file and field at fault while the valid template still loads', () => {
    const { templates, errors } = loadTemplates(MIXED);
    expect(templates.map((t) => t.id)).toEqual(['uji-valid']);
    const messages = errors.map((e) => e.message);
    expect(messages).toContain('b-missing-field.yaml: sections.1.why: required field is missing');
    expect(messages.some((m) => m.startsWith('c-wrong-type.yaml: sections.0.required:') && /boolean/.test(m))).toBe(true);
    expect(messages).toContain('d-duplicate-key.yaml: sections.1.key: duplicate section key "nama" (first used by sections.0)');
    expect(messages.some((m) => m.startsWith('e-bad-yaml.yaml: invalid YAML:'))).toBe(true);
    expect(messages.some((m) => m.startsWith('f-bad-pattern.yaml: sections.1.elements.0.patterns.0: invalid regular expression'))).toBe(
      true,
    );
    expect(messages).toContain('g-duplicate-id.yaml: id: duplicate template id "uji-valid" (already used by a-valid.yaml)');
    // Non-YAML files in the folder are not templates and are not reported.
    expect(messages.some((m) => m.includes('notes.txt'))).toBe(false);
  });

  it('reports an unknown file or folder instead of throwing', () => {
    expect(loadTemplateFile(path.join(MIXED, 'tidak-ada.yaml')).errors.map((e) => e.message)).toEqual(['tidak-ada.yaml: file not found']);
    const missingDir = loadTemplates(path.join(MIXED, 'tidak-ada'));
    expect(missingDir.templates).toEqual([]);
    expect(missingDir.errors[0]!.reason).toBe('template folder not found');
  });

  it('names unknown fields and a title section that is not the first section', () => {
    const text = templateText(['warna: merah', 'presubmission: { titleSection: kedua }'], ['pertama', 'kedua']);
    const messages = parseTemplate(text, 'uji.yaml').errors.map((e) => e.message);
    expect(messages).toContain('uji.yaml: unknown field(s): warna');
    expect(messages).toContain('uji.yaml: presubmission.titleSection: must be the first section (the name of the innovation)');
  });

  it('refuses a section key too long to fit in a button next to the draft id', () => {
    const text = templateText(['presubmission: { titleSection: pertama }'], ['pertama', 'bagian_dengan_kunci_panjang']);
    expect(parseTemplate(text, 'uji.yaml').errors.map((e) => e.message)).toEqual([
      'uji.yaml: sections.1.key: lower-case letters, digits or _, starting with a letter, at most 24 characters',
    ]);
  });
});
