import { describe, expect, it } from 'vitest';
import { agentVerbRoots, doerAct, learnDoers } from '../../../src/knowledge/index/agent-verbs.js';
import { StemTable } from '../../../src/knowledge/analysis/stemmer.js';

const stems = new StemTable(['nilai', 'menilai', 'penilaian', 'dinilai', 'bahas', 'dibahas', 'pembahasan', 'membahas', 'ukur', 'mengukur', 'pengukuran']);
const doers = new Set(['menteri', 'tim', 'kepala']);

describe('learnDoers', () => {
  it('learns the words a corpus puts after "oleh", once seen often enough', () => {
    const learnt = learnDoers(['Proposal dibahas oleh tim independen.', 'Usulan dinilai oleh tim ahli.', 'Hasilnya ditetapkan oleh Menteri.']);
    expect(learnt.has('tim')).toBe(true);
    // Seen once: not yet evidence of a doer.
    expect(learnt.has('menteri')).toBe(false);
  });
});

describe('agentVerbRoots', () => {
  it('reads an active verb after a doer as an act stated with its doer', () => {
    expect([...agentVerbRoots('Menteri menilai Daerah yang berinovasi.', stems, doers)]).toContain('nilai');
  });

  it('reads a passive verb or a noun of an act followed by "oleh" as stated with its doer', () => {
    expect([...agentVerbRoots('Proposal dibahas oleh tim independen.', stems, doers)]).toContain('bahas');
    expect([...agentVerbRoots('Pembahasan proposal kepala Daerah dilakukan oleh tim.', stems, doers)]).toContain('bahas');
  });

  it('does not read a doer named as the object of a preposition as the subject of the verb after it', () => {
    const table = new StemTable(['usul', 'mengusulkan', 'usulan', 'beri', 'memberikan', 'pemberian']);
    const roots = agentVerbRoots('Pemerintah Daerah memberikan penghargaan kepada individu atau Perangkat Daerah yang mengusulkan inovasi.', table, new Set(['pemerintah', 'perangkat']));
    // "memberikan" hands its act to the noun after it: who gives an award is who awards.
    expect(roots.has('penghargaan')).toBe(true);
    expect(roots.has('beri')).toBe(false);
    expect(roots.has('usul')).toBe(false);
    // In its own clause the same doer is a subject again.
    expect(agentVerbRoots('Bila usulan disampaikan kepada Perangkat Daerah, Perangkat Daerah mengusulkan penetapannya.', table, new Set(['perangkat'])).has('usul')).toBe(true);
  });

  it('reads the noun a light verb hands its act to ("Menteri melakukan evaluasi") as the act stated with its doer', () => {
    const table = new StemTable(['bina', 'pembinaan', 'membina', 'awas', 'pengawasan', 'mengawasi']);
    const roots = agentVerbRoots('Gubernur melakukan pembinaan dan pengawasan terhadap Daerah kabupaten.', table, new Set(['gubernur']));
    expect(roots.has('bina')).toBe(true);
    expect(roots.has('awas')).toBe(true);
    expect(agentVerbRoots('Menteri melakukan evaluasi terhadap rancangan Perda.', table, new Set(['menteri'])).has('evaluasi')).toBe(true);
    // Without a doer before it, a light verb states no one's act.
    expect(agentVerbRoots('Dalam hal perlu melakukan pembinaan terhadap Daerah.', table, new Set(['gubernur'])).has('bina')).toBe(false);
  });

  it('does not read a denied act as stated ("PP tidak menetapkan jadwal")', () => {
    const table = new StemTable(['tetap', 'menetapkan', 'penetapan', 'ditetapkan']);
    expect(agentVerbRoots('Menteri tidak menetapkan jadwal laporan.', table, new Set(['menteri'])).has('tetap')).toBe(false);
    expect(agentVerbRoots('Menteri menetapkan jadwal laporan.', table, new Set(['menteri'])).has('tetap')).toBe(true);
  });

  it('does not read a bare noun of the act, or a verb of purpose, as naming who acts', () => {
    expect(agentVerbRoots('Penilaian terhadap Daerah memakai dua kriteria.', stems, doers).has('nilai')).toBe(false);
    expect(agentVerbRoots('Indeks adalah sistem untuk mengukur dan menilai penerapan.', stems, doers).has('nilai')).toBe(false);
  });
});

describe('doerAct', () => {
  const table = new StemTable(['tetap', 'menetapkan', 'penetapan', 'ditetapkan', 'beri', 'memberi', 'memberikan', 'pemberian']);
  const doers = new Set(['kepala', 'menteri', 'bupati']);

  it('reads the act a question states with its doer, in chat spelling too', () => {
    expect(doerAct(['kepala', 'daerah', 'netapin', 'apa', 'setelah', 'usulan', 'layak'], doers, table)).toBe('netapin');
    expect(doerAct(['menteri', 'menetapkan', 'apa'], doers, table)).toBe('menetapkan');
  });

  it('reads a light verb as the act too ("kepala daerah harus memberikan persetujuan"); the noun after it says which', () => {
    const approving = new StemTable([...table.vocabulary(), 'tuju', 'persetujuan', 'menyetujui', 'disetujui']);
    expect(doerAct(['kepala', 'daerah', 'harus', 'memberikan', 'persetujuan', 'kapan'], doers, approving)).toBe('memberikan');
  });

  it('reads no act from a clause describing the doer or from a denied act', () => {
    expect(doerAct(['bupati', 'yang', 'tidak', 'ingin', 'memberi', 'layanan', 'kena', 'sanksi'], doers, table)).toBeUndefined();
    expect(doerAct(['usulan', 'ditetapkan', 'apa'], doers, table)).toBeUndefined();
  });
});
