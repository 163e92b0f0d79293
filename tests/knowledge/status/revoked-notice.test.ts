import { describe, expect, it } from 'vitest';
import { revokedNotice } from '../../../src/knowledge/status/revoked-notice.js';

const t = (key: string, vars: Record<string, string | number> = {}) => `${key}:${String(vars.subject)}`;
const REVOKED = [{ regulation: 'UU 23/2014', pasal: '5' }, { regulation: 'Perbup Contoh 7/2021' }];

describe('revokedNotice', () => {
  it('names a revoked Pasal when the question names it with its regulation, however written', () => {
    expect(revokedNotice('apa bunyi pasal 5 UU 23 tahun 2014?', REVOKED, t)).toBe('kb_admin.status.revoked_note:UU 23/2014 Pasal 5');
    expect(revokedNotice('isi Pasal 5 uu 23/2014', REVOKED, t)).toBe('kb_admin.status.revoked_note:UU 23/2014 Pasal 5');
  });

  it('names a revoked regulation whenever the question names it', () => {
    expect(revokedNotice('apa tujuan Perbup Contoh 7/2021?', REVOKED, t)).toBe('kb_admin.status.revoked_note:Perbup Contoh 7/2021');
  });

  it('stays silent for another Pasal, a Pasal number without its regulation, or nothing revoked', () => {
    expect(revokedNotice('apa bunyi Pasal 6 UU 23/2014?', REVOKED, t)).toBeUndefined();
    expect(revokedNotice('apa bunyi Pasal 5?', REVOKED, t)).toBeUndefined();
    expect(revokedNotice('apa bunyi Pasal 5 UU 23/2014?', [], t)).toBeUndefined();
  });
});
