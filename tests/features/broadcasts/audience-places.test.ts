import { describe, expect, it } from 'vitest';
import { matchTypedOpd, matchTypedRegion, opdsWithin, placesInScope } from '../../../src/features/broadcasts/audience-places.js';
import { opdScope, regionScope } from '../../../src/people/scope-input.js';
import { describeOnBothDatabases } from '../../core/support/clocked-app.js';
import { innovation, person } from '../reports/report-harness.js';

describeOnBothDatabases('placesInScope: the regions and OPDs an audience menu may offer', (running) => {
  it('offers where people in scope are and where their innovations run, once each, and nothing outside the scope', async () => {
    const test = running();
    const ani = await person(test, 'telegram:1', { fullName: 'Ani', opd: 'Dinkes', region: 'Kabupaten Bantul' });
    await person(test, 'telegram:2', { fullName: 'Agus', opd: 'Dinas Kesehatan', region: 'Kab. Bantul' });
    await person(test, 'telegram:3', { fullName: 'Budi', opd: 'Disdik', region: 'Kabupaten Bantul' });
    await person(test, 'telegram:4', { fullName: 'Citra', opd: 'Dinkes', region: 'Kota Makassar' });
    const rina = await person(test, 'telegram:5', { fullName: 'Rina', opd: 'Bappeda', region: 'Kabupaten Bantul' }, 'coordinator');
    // Ani also runs an innovation of the tourism office in Sleman: the engine reaches her there too.
    await innovation(test, ani, { name: 'Desa Wisata Digital', opd: 'Dispar', region: 'Kabupaten Sleman', startDate: '2026-01-01' });

    const all = await placesInScope(test.app.db, undefined, rina);
    expect(all.regions).toEqual([
      { value: 'kabupaten bantul', label: 'Kabupaten Bantul' },
      { value: 'kabupaten sleman', label: 'Kabupaten Sleman' },
      { value: 'kota makassar', label: 'Kota Makassar' },
    ]);
    // Rina's own office is not offered to her: she never receives her own announcement.
    expect(all.opds.map((o) => o.label)).toEqual([
      'Dinas Kesehatan — Kabupaten Bantul',
      'Dinas Kesehatan — Kota Makassar',
      'Dinas Pariwisata — Kabupaten Sleman',
      'Dinas Pendidikan — Kabupaten Bantul',
    ]);
    // Another sender sees Bappeda, where Rina is.
    expect((await placesInScope(test.app.db, undefined)).opds.map((o) => o.value)).toContain(
      'kabupaten bantul/badan perencanaan pembangunan daerah',
    );
    const bantul = await placesInScope(test.app.db, [regionScope('Kabupaten Bantul')], rina);
    expect(bantul.regions.map((r) => r.value)).toEqual(['kabupaten bantul']);
    expect(bantul.opds.map((o) => o.value)).toEqual(['kabupaten bantul/dinas kesehatan', 'kabupaten bantul/dinas pendidikan']);
    const dinkes = await placesInScope(test.app.db, [opdScope('Dinkes', 'Kabupaten Bantul')], rina);
    expect(dinkes).toEqual({
      regions: [{ value: 'kabupaten bantul', label: 'Kabupaten Bantul' }],
      opds: [{ value: 'kabupaten bantul/dinas kesehatan', label: 'Dinas Kesehatan — Kabupaten Bantul' }],
    });
    expect(await placesInScope(test.app.db, [])).toEqual({ regions: [], opds: [] });
  });
});

describe('typed region and OPD names', () => {
  const regions = [
    { value: 'kabupaten bantul', label: 'Kabupaten Bantul' },
    { value: 'kota bogor', label: 'Kota Bogor' },
  ];
  const opds = [
    { value: 'kabupaten bantul/dinas kesehatan', label: 'Dinas Kesehatan — Kabupaten Bantul' },
    { value: 'kota bogor/dinas kesehatan', label: 'Dinas Kesehatan — Kota Bogor' },
    { value: 'kota bogor/dinas pendidikan', label: 'Dinas Pendidikan — Kota Bogor' },
  ];

  it('matches regions as people type them, settling an ambiguous name on the one offered', () => {
    expect(matchTypedRegion('Kab. Bantul', regions)).toEqual([regions[0]]);
    expect(matchTypedRegion('bantull', regions)).toEqual([regions[0]]);
    // "Bogor" is both a kota and a kabupaten; only the kota is offered.
    expect(matchTypedRegion('Bogor', regions)).toEqual([regions[1]]);
    expect(matchTypedRegion('Makassar', regions)).toEqual([]);
  });

  it('matches OPDs by short name, by name and region, or by a part of the name', () => {
    expect(matchTypedOpd('Dinkes', opds).map((o) => o.value)).toEqual(['kabupaten bantul/dinas kesehatan', 'kota bogor/dinas kesehatan']);
    expect(matchTypedOpd('Dinkes, Kota Bogor', opds)).toEqual([opds[1]]);
    expect(matchTypedOpd('pendidikan', opds)).toEqual([opds[2]]);
    expect(matchTypedOpd('dinas', opds)).toHaveLength(3);
    expect(matchTypedOpd('Dishub', opds)).toEqual([]);
    expect(opdsWithin(opds, ['kota bogor'])).toEqual([opds[1], opds[2]]);
  });
});
