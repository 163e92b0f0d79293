import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageInMonths, findDates, hasPeriod } from '../../../src/features/proposal/checks/dates.js';
import { matches } from '../../../src/features/proposal/checks/matchers.js';
import { checkDraft } from '../../../src/features/proposal/checks/presubmission-check.js';
import { checkSection } from '../../../src/features/proposal/checks/section-checks.js';
import { loadTemplates } from '../../../src/features/proposal/templates/template-loader.js';
import type { Template } from '../../../src/features/proposal/templates/template-schema.js';
import { WizardViews } from '../../../src/features/proposal/wizard/views.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const { templates } = loadTemplates(path.join(PROJECT_ROOT, 'prompts/templates'));
const PP38 = templates.find((t) => t.id === 'pp38-2017')!;
const KIPP = templates.find((t) => t.id === 'sinovik-kipp')!;
const NOW = new Date('2026-11-22T10:00:00Z');
const { t } = loadTranslator(path.join(PROJECT_ROOT, 'locales'));

function section(template: Template, key: string) {
  return template.sections.find((s) => s.key === key)!;
}

function codes(template: Template, key: string, text: string) {
  return checkSection(template, section(template, key), text).map((f) => `${f.code}:${f.severity}`);
}

describe('section checks', () => {
  it('flags "waktu uji coba" without a period and accepts a range or a duration', () => {
    expect(codes(PP38, 'waktu_uji_coba', 'Uji coba dimulai Maret 2026 di puskesmas.')).toEqual(['missing_element:error']);
    expect(codes(PP38, 'waktu_uji_coba', 'Uji coba Januari sampai Juni 2026 di 3 puskesmas.')).toEqual([]);
    expect(codes(PP38, 'waktu_uji_coba', 'Selama 6 bulan di Puskesmas Kota.')).toEqual([]);
    expect(codes(PP38, 'waktu_uji_coba', '1 Februari 2026 s.d. 31 Juli 2026, di Disdukcapil.')).toEqual([]);
  });

  it('flags "anggaran" without an amount unless it says no budget is needed', () => {
    expect(codes(PP38, 'anggaran', 'Dari APBD dinas.')).toEqual(['missing_element:error']);
    expect(codes(PP38, 'anggaran', 'Rp45.000.000 dari APBD Disdukcapil 2026.')).toEqual([]);
    expect(codes(PP38, 'anggaran', 'Sekitar 45 juta rupiah dari APBD.')).toEqual([]);
    expect(codes(PP38, 'anggaran', 'Tidak diperlukan, memakai aplikasi yang sudah ada.')).toEqual([]);
  });

  it('reads Rupiah amounts written in the usual ways and nothing else', () => {
    for (const amount of ['Rp45.000.000', 'rp. 5 jt', '45 juta', '1,5 M', 'IDR 2000', '.5 miliar', '2.500.000 rupiah', 'Rp 250rb']) {
      expect(matches('rupiah', `Anggaran ${amount} dari APBD.`), amount).toBe(true);
    }
    for (const text of ['Tahun 2026, 3 puskesmas.', 'Jalan sepanjang 2 meter.', 'Dari APBD.'])
      expect(matches('rupiah', text), text).toBe(false);
  });

  it('checks 20,000-character pathological answers in every section of every template and still finds what is there', () => {
    const shapes = ['1.'.repeat(10_000), '1'.repeat(20_000), '1,'.repeat(10_000), '1 '.repeat(10_000), `rp${' '.repeat(19_998)}`];
    // Each of these once made a matcher retry from every position of the text (about a second per check).
    expect(matches('rupiah', shapes[0]!)).toBe(false);
    expect(matches('period', shapes[1]!)).toBe(false);
    // One long "word": too short, and no amount or impact in it.
    expect(codes(PP38, 'anggaran', shapes[0]!)).toEqual(['too_short:warning', 'missing_element:error']);
    expect(codes(KIPP, 'ringkasan', shapes[1]!)).toEqual(['too_short:warning', 'missing_element:warning']);
    // The pattern still finds a real amount or duration after the long run.
    expect(matches('rupiah', `${shapes[0]!}1 juta`)).toBe(true);
    expect(matches('period', `${shapes[1]!} 6 bulan`)).toBe(true);
    for (const template of templates) {
      for (const answer of shapes) {
        const findings = checkDraft({
          template,
          answers: new Map(template.sections.map((s) => [s.key, answer])),
          otherTitles: [],
          now: NOW,
        });
        expect(
          findings.some((f) => f.code === 'missing_element'),
          `${template.id}: ${answer.slice(0, 4)}…`,
        ).toBe(true);
      }
    }
  });

  it('flags answers that are too short against the stated source, and vague phrases', () => {
    const short = checkSection(PP38, section(PP38, 'rancang_bangun'), 'Pakai aplikasi, berbeda dari sebelumnya.');
    expect(short).toEqual([
      {
        code: 'too_short',
        sectionKey: 'rancang_bangun',
        severity: 'warning',
        vars: { count: 5, limit: 80, unit: 'words', source: 'saran Pandu; PP 38/2017 tidak menetapkan panjang minimal' },
      },
    ]);
    const vague = checkSection(
      PP38,
      section(PP38, 'tujuan'),
      'Meningkatkan pelayanan kepada masyarakat sebesar 20% dll, sesuai kebutuhan dan akan ditentukan kemudian oleh dinas terkait.',
    );
    expect(vague.map((f) => f.code)).toEqual(['vague']);
    expect(vague[0]!.vars.phrases).toBe('“dll”, “sesuai kebutuhan”, “akan ditentukan kemudian”');
  });

  it('treats an empty or dash-only required answer as missing and says nothing about an empty optional one', () => {
    expect(codes(PP38, 'manfaat', '')).toEqual(['missing:error']);
    expect(codes(PP38, 'manfaat', ' - ')).toEqual(['missing:error']);
    expect(codes(PP38, 'replikasi', '')).toEqual([]);
  });

  it('requires an SDG named by number, or by name next to the word SDGs/TPB', () => {
    expect(
      codes(
        KIPP,
        'sdgs',
        'Mendukung pembangunan daerah yang berkelanjutan dan penyediaan air bersih bagi seluruh warga desa di kecamatan kami.',
      ),
    ).toEqual(['missing_element:error']);
    expect(codes(KIPP, 'sdgs', 'SDG 6 (Air Bersih dan Sanitasi Layak): 1.200 rumah kini mendapat air bersih setiap hari.')).toEqual([]);
    expect(matches('sdg', 'Mendukung TPB ke-16 tentang kelembagaan yang tangguh.')).toBe(true);
    expect(matches('sdg', 'Kontribusi pada TPB: kesetaraan gender di layanan publik.')).toBe(true);
  });
});

describe('dates in answers', () => {
  it('reads Indonesian dates, numeric dates and bare years in reading order', () => {
    const found = findDates('Mulai 4 Maret 2024, diperluas 03/2025, dievaluasi 2026-01-15, target 2027.');
    expect(found.map((d) => d.earliest.toISOString().slice(0, 10))).toEqual(['2024-03-04', '2025-03-01', '2026-01-15', '2027-01-01']);
  });

  it('knows a period from a single start date', () => {
    expect(hasPeriod('Januari–Juni 2026')).toBe(true);
    expect(hasPeriod('dua tahun')).toBe(true);
    expect(hasPeriod('mulai Januari 2026')).toBe(false);
  });

  it('gives the possible age range of an innovation from its start date or stated duration', () => {
    expect(ageInMonths('sejak Maret 2026', NOW)!.max).toBeLessThan(12);
    const yearOnly = ageInMonths('sejak 2025', NOW)!;
    expect(yearOnly.min).toBeLessThan(12);
    expect(yearOnly.max).toBeGreaterThan(12);
    expect(ageInMonths('sudah berjalan 2 tahun', NOW)).toEqual({ min: 24, max: 24 });
    expect(ageInMonths('belum lama', NOW)).toBeUndefined();
  });
});

describe('pre-submission check on a deliberately weak draft', () => {
  const weakPp38 = new Map([
    ['nama', 'SIPANDU Desa'],
    ['bentuk', 'Inovasi Pelayanan Publik di urusan administrasi kependudukan.'],
    ['rancang_bangun', 'Aplikasi baru, dll.'],
    ['waktu_uji_coba', 'Mulai Maret 2026.'],
    ['anggaran', 'Dari APBD.'],
  ]);

  it('reports missing sections, thin and vague answers, a missing period and amount, and a duplicate title', () => {
    const findings = checkDraft({ template: PP38, answers: weakPp38, otherTitles: ['sipandu  desa!', 'Lain'], now: NOW });
    const summary = findings.map((f) => `${f.sectionKey}:${f.code}:${f.severity}`);
    expect(summary).toEqual([
      'tujuan:missing:error',
      'manfaat:missing:error',
      'waktu_uji_coba:missing_element:error',
      'anggaran:missing_element:error',
      'nama:duplicate_title:error',
      'rancang_bangun:too_short:warning',
      'rancang_bangun:missing_element:warning',
      'rancang_bangun:vague:warning',
    ]);
  });

  it('says what to fix for every finding and offers to jump to its section', () => {
    const findings = checkDraft({ template: PP38, answers: weakPp38, otherTitles: ['SIPANDU Desa'], now: NOW });
    const views = new WizardViews(t);
    for (const finding of findings) {
      const line = views.findingLine(PP38, finding);
      const title = PP38.sections.find((s) => s.key === finding.sectionKey)!.title;
      expect(line).toContain(title);
      expect(line).not.toMatch(/\{\w+\}|proposal\.finding/);
    }
    expect(
      views.findingLine(
        PP38,
        findings.find((f) => f.code === 'missing_element' && f.sectionKey === 'anggaran')!,
      ),
    ).toContain('Rupiah');
    expect(
      views.findingLine(
        PP38,
        findings.find((f) => f.code === 'duplicate_title')!,
      ),
    ).toContain('judul "SIPANDU Desa" sudah dipakai');
    // On a phone, several empty required sections read better as one line.
    const lines = views.findingLines(PP38, findings);
    expect(lines[0]).toBe(
      '❗ Bagian wajib yang belum diisi: 4. Tujuan Inovasi Daerah; 5. Manfaat yang diperoleh. Isi semuanya sebelum proposal diajukan.',
    );
    expect(lines).toHaveLength(findings.length - 1);
    // Each button names its draft, so pressing it after switching drafts still acts on this one.
    expect(views.jumpChoices(PP38, 'd1', findings).map((c) => c.id)).toEqual([
      'proposal:go:d1:tujuan',
      'proposal:go:d1:manfaat',
      'proposal:go:d1:waktu_uji_coba',
      'proposal:go:d1:anggaran',
      'proposal:go:d1:nama',
      'proposal:go:d1:rancang_bangun',
    ]);
  });

  it('rejects a SINOVIK draft that has run under a year and names no SDG, and covers the KIPP administrative reasons', () => {
    const answers = new Map([
      ['judul', 'SAPA LANSIA'],
      ['ringkasan', 'Layanan bagus.'],
      ['sdgs', 'Mendukung pembangunan berkelanjutan di daerah kami dengan baik dan benar.'],
      ['mulai_diterapkan', 'Diterapkan sejak Maret 2026.'],
    ]);
    const findings = checkDraft({ template: KIPP, answers, otherTitles: [], now: NOW });
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.sectionKey}:${f.code}`);
    expect(errors).toContain('mulai_diterapkan:too_young');
    expect(errors).toContain('sdgs:missing_element');
    expect(errors).toContain('latar_belakang:missing');
    const young = findings.find((f) => f.code === 'too_young')!;
    expect(young.vars).toMatchObject({ years: 1, months: 8, basis: 'KIPP 2018 (KemenPAN-RB)' });
    expect(new WizardViews(t).findingLine(KIPP, young)).toContain('paling sedikit 1 tahun (KIPP 2018 (KemenPAN-RB))');
    expect(findings.some((f) => f.sectionKey === 'ringkasan' && f.code === 'too_short')).toBe(true);
    expect(KIPP.presubmission.note).toMatch(/judul/);
  });

  it('asks for a clearer start date when the age cannot be settled, and passes an innovation older than a year', () => {
    const base = new Map([['judul', 'SAPA LANSIA']]);
    const unclear = checkDraft({
      template: KIPP,
      answers: new Map([...base, ['mulai_diterapkan', 'Sejak 2025.']]),
      otherTitles: [],
      now: NOW,
    });
    expect(unclear.filter((f) => f.sectionKey === 'mulai_diterapkan').map((f) => f.code)).toEqual(['age_unclear']);
    const old = checkDraft({
      template: KIPP,
      answers: new Map([...base, ['mulai_diterapkan', 'Diterapkan sejak 4 Maret 2024 (SK Kadinkes).']]),
      otherTitles: [],
      now: NOW,
    });
    expect(old.filter((f) => f.sectionKey === 'mulai_diterapkan')).toEqual([]);
  });
});
