import { describe, expect, it } from 'vitest';
import { matchTypedOpd, matchTypedRegion, opdsWithin, placesInScope } from '../../../src/features/broadcasts/audience-places.js';
import { opdScope, regionScope } from '../../../src/people/scope-input.js';
import { describeOnBothDatabases } from '../../core/support/clocked-app.js';
import { person } from '../reports/report-harness.js';

describeOnBothDatabases('placesInScope: the regions and OPDs an audience menu may offer', (running) => {
  it('offers where innovators in scope are, once each, and nothing outside the scope', async () => {
    const test = running();
    await person(test, 'telegram:1', { fullName: 'Ani', opd: 'Dinkes', region: 'Kabupaten Bantul' });
    await person(test, 'telegram:2', { fullName: 'Agus', opd: 'Dinas Kesehatan', region: 'Kab. Bantul' });
    await person(test, 'telegram:3', { fullName: 'Budi', opd: 'Disdik', region: 'Kabupaten Bantul' });
    await person(test, 'telegram:4', { fullName: 'Citra', opd: 'Dinkes', region: 'Kota Makassar' });
    // A coordinator's own office is not an audience.
    await person(test, 'telegram:5', { fullName: 'Rina', opd: 'Bappeda', region: 'Kabupaten Bantul' }, 'coordinator');

    const all = await placesInScope(test.app.db, undefined);
    expect(all.regions).toEqual([
      { value: 'kabupaten bantul', label: 'Kabupaten Bantul' },
      { value: 'kota makassar', label: 'Kota Makassar' },
    ]);
    expect(all.opds.map((o) => o.label)).toEqual([
      'Dinas Kesehatan — Kabupaten Bantul',
      'Dinas Kesehatan — Kota Makassar',
      'Dinas Pendidikan — Kabupaten Bantul',
    ]);
    const bantul = await placesInScope(test.app.db, [regionScope('Kabupaten Bantul')]);
    expect(bantul.opds.map((o) => o.value)).toEqual(['kabupaten bantul/dinas kesehatan', 'kabupaten bantul/dinas pendidikan']);
    const dinkes = await placesInScope(test.app.db, [opdScope('Dinkes', 'Kabupaten Bantul')]);
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
