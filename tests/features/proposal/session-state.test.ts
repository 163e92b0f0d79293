import { describe, expect, it } from 'vitest';
import { emptySession } from '../../../src/core/sessions.js';
import {
  activeDraftId,
  closeDraft,
  enterDraft,
  lastSave,
  rememberQuestion,
  setLastSave,
  step,
  takeQuestion,
} from '../../../src/features/proposal/wizard/session-state.js';

const NOW = new Date('2026-11-22T08:00:00Z');

describe('wizard state in the session', () => {
  it('reads back only well-formed fields from the stored session', () => {
    const session = emptySession();
    session.flow = 'proposal';
    session.data.proposal = { draftId: 42, lastSave: { sectionKey: 'nama' }, questions: [{ token: 'a' }] };
    expect(activeDraftId(session)).toBeUndefined();
    expect(lastSave(session)).toBeUndefined();
    expect(takeQuestion(session, 'd1', 'a')).toBeUndefined();

    session.data.proposal = { draftId: 'd1', lastSave: { sectionKey: 'nama', version: 2 }, extra: true };
    expect(activeDraftId(session)).toBe('d1');
    expect(lastSave(session)).toEqual({ sectionKey: 'nama', version: 2 });
  });

  it('keeps the last three unsaved questions, each taken once by its own token', () => {
    const session = emptySession();
    enterDraft(session, 'd1');
    const tokens = [0, 1, 2, 3].map((i) =>
      rememberQuestion(session, { draftId: 'd1', sectionKey: 'nama', text: `tanya ${i}?` }, new Date(NOW.getTime() + i * 1000)),
    );
    expect(new Set(tokens).size).toBe(4);
    expect(takeQuestion(session, 'd1', tokens[0]!)).toBeUndefined();
    expect(takeQuestion(session, 'd2', tokens[1]!)).toBeUndefined();
    expect(takeQuestion(session, 'd1', tokens[1]!)?.text).toBe('tanya 1?');
    expect(takeQuestion(session, 'd1', tokens[1]!)).toBeUndefined();
    expect(takeQuestion(session, 'd1', tokens[3]!)?.text).toBe('tanya 3?');
  });

  it('closes a finished draft: no flow, nothing to undo, but the draft and its questions are remembered', () => {
    const session = emptySession();
    enterDraft(session, 'd1', 'replace');
    setLastSave(session, { sectionKey: 'nama', version: 1 });
    const token = rememberQuestion(session, { draftId: 'd1', sectionKey: 'nama', text: 'apa?' }, NOW);
    closeDraft(session);
    expect([session.flow, session.step, step(session)]).toEqual([null, null, 'answer']);
    expect(lastSave(session)).toBeUndefined();
    expect(activeDraftId(session)).toBe('d1');
    expect(takeQuestion(session, 'd1', token)?.text).toBe('apa?');
  });
});
