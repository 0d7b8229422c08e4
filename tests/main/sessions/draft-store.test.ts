import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WAITING_DRAFTS, openDraftStore } from '../../../main/sessions/draft-store';
import { dispatch } from '../../../main/ipc/dispatch';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { draftAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('drafts');
afterEach(() => dirs.cleanup());

const STARTED = Date.parse('2025-03-14T09:00:00Z');
const NOW = new Date('2025-03-14T09:20:00.000Z');
const draftFile = (dataDir: string) => path.join(dataDir, 'drafts', 'wrap-up-draft.json');

describe('wrap-up drafts', () => {
  it('round-trips a draft exactly, including the step, across a restart', () => {
    const dataDir = dirs.make();
    const draft = { ...draftAt(seededRandom(1), STARTED), step: 'follow-up' as const };
    draft.wrapUp.notes = 'Ünïcødé ✓ 😀 עברית\u0007 and a long tail '.repeat(500);
    const store = openDraftStore({ dataDir, now: () => NOW });
    expect(store.get()).toBeNull();
    expect(store.save(draft)).toBe(NOW.toISOString());
    expect(store.get()).toEqual(draft);
    expect(openDraftStore({ dataDir }).get()).toEqual(draft);
    const later = {
      ...draft,
      step: 'reference' as const,
      wrapUp: { ...draft.wrapUp, caseReference: 'INC-9' },
    };
    store.save(later);
    expect(openDraftStore({ dataDir }).get()).toEqual(later);
  });

  it('is written as JSON with its schema version, and discarding leaves no draft', () => {
    const dataDir = dirs.make();
    const draft = draftAt(seededRandom(2), STARTED);
    const store = openDraftStore({ dataDir });
    store.save(draft);
    expect(JSON.parse(fs.readFileSync(draftFile(dataDir), 'utf8'))).toEqual({
      schemaVersion: 2,
      draft,
      waiting: [],
    });
    store.discard();
    expect(store.get()).toBeNull();
    expect(openDraftStore({ dataDir }).get()).toBeNull();
    store.save(draft);
    store.discardIfFor('00000000-0000-4000-8000-000000000000');
    expect(store.get()).toEqual(draft);
    store.discardIfFor(draft.callId);
    expect(store.get()).toBeNull();
  });

  it('keeps an earlier call’s draft waiting when another call’s opens, and reads files written before there were any', () => {
    const dataDir = dirs.make();
    const first = draftAt(seededRandom(11), STARTED);
    const second = draftAt(seededRandom(12), STARTED);
    const store = openDraftStore({ dataDir });
    store.save(first);
    store.save(second);
    expect(store.get()).toEqual(second);
    expect(store.waiting()).toEqual([first]);
    // Saving the waiting one opens it; the other waits.
    store.save(first);
    expect(store.get()).toEqual(first);
    expect(store.waiting()).toEqual([second]);
    store.discardIfFor(second.callId);
    expect(store.waiting()).toEqual([]);
    expect(store.get()).toEqual(first);
    // A file from before waiting drafts existed.
    fs.writeFileSync(draftFile(dataDir), JSON.stringify({ schemaVersion: 2, draft: second }));
    const reopened = openDraftStore({ dataDir });
    expect(reopened.get()).toEqual(second);
    expect(reopened.waiting()).toEqual([]);
  });

  it('refuses to send a 51st wrap-up to wait, and keeps all 50 and the open one', () => {
    const dataDir = dirs.make();
    const store = openDraftStore({ dataDir });
    const rnd = seededRandom(13);
    const drafts = Array.from({ length: MAX_WAITING_DRAFTS + 2 }, () => draftAt(rnd, STARTED));
    for (const d of drafts.slice(0, MAX_WAITING_DRAFTS + 1)) store.save(d);
    expect(store.waiting()).toHaveLength(MAX_WAITING_DRAFTS);
    expect(() => store.save(drafts[MAX_WAITING_DRAFTS + 1])).toThrow(/50 unfinished wrap-ups/);
    expect(store.get()).toEqual(drafts[MAX_WAITING_DRAFTS]);
    expect(store.waiting()).toHaveLength(MAX_WAITING_DRAFTS);
  });

  it('survives a crash mid-write: a leftover temp file does not hide or break the last draft', () => {
    const dataDir = dirs.make();
    const draft = draftAt(seededRandom(3), STARTED);
    openDraftStore({ dataDir }).save(draft);
    // What a write killed before its rename leaves: a half-written temp file beside the draft.
    const whole = fs.readFileSync(draftFile(dataDir), 'utf8');
    fs.writeFileSync(
      `${draftFile(dataDir)}.tmp-1742000000abcdef`,
      whole.slice(0, whole.length / 3),
    );
    fs.writeFileSync(`${draftFile(dataDir)}.999-0badf00d.tmp`, whole.slice(0, 10));
    const reopened = openDraftStore({ dataDir });
    expect(reopened.get()).toEqual(draft);
    const next = { ...draft, step: 'escalation' as const };
    reopened.save(next);
    expect(openDraftStore({ dataDir }).get()).toEqual(next);
  });

  it.each([
    ['cut off', (text: string) => text.slice(0, 100), 'not-json'],
    [
      'from a newer version',
      (text: string) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 3 }),
      'future-version',
    ],
    ['invalid', () => JSON.stringify({ schemaVersion: 2, draft: { callId: 'nope' } }), 'invalid'],
  ])(
    'a draft file %s is moved aside and reported; the app goes on without a draft',
    (_label, damage, kind) => {
      const dataDir = dirs.make();
      openDraftStore({ dataDir }).save(draftAt(seededRandom(4), STARTED));
      const bad = damage(fs.readFileSync(draftFile(dataDir), 'utf8'));
      fs.writeFileSync(draftFile(dataDir), bad);
      const services = openSessionServices({ dataDir, now: () => NOW });
      expect(services.drafts.get()).toBeNull();
      const [problem] = services.problems.list();
      expect(problem.kind).toBe(kind);
      expect(path.basename(problem.movedTo)).toBe(
        'wrap-up-draft.corrupt-2025-03-14T09-20-00-000Z.json',
      );
      expect(fs.readFileSync(problem.movedTo, 'utf8')).toBe(bad);
      const draft = draftAt(seededRandom(5), STARTED);
      services.drafts.save(draft);
      expect(openDraftStore({ dataDir }).get()).toEqual(draft);
    },
  );

  it('saving the session clears its draft (over dispatch), and a draft of another call stays', async () => {
    const dataDir = dirs.make();
    const services = openSessionServices({ dataDir, now: () => NOW });
    const handlers = createSessionHandlers(services) as unknown as IpcHandlers;
    const draft = draftAt(seededRandom(6), STARTED);
    expect(await dispatch(handlers, 'saveDraft', draft)).toEqual({
      ok: true,
      value: { savedAt: NOW.toISOString() },
    });
    expect(await dispatch(handlers, 'getDraft', undefined)).toEqual({ ok: true, value: draft });
    const session = {
      schemaVersion: 2,
      id: draft.callId,
      agent: draft.agent,
      startedAt: draft.startedAt,
      endedAt: draft.endedAt,
      call: draft.call,
      wrapUp: draft.wrapUp,
      afterCallWorkSec: 75,
      savedAt: NOW.toISOString(),
      hasTimeline: false,
      recording: null,
    };
    const other = draftAt(seededRandom(7), STARTED);
    await dispatch(handlers, 'saveDraft', other);
    expect((await dispatch(handlers, 'saveSession', { session })).ok).toBe(true);
    expect(await dispatch(handlers, 'getDraft', undefined)).toEqual({ ok: true, value: other });
    await dispatch(handlers, 'saveDraft', draft);
    expect((await dispatch(handlers, 'saveSession', { session })).ok).toBe(true);
    expect(await dispatch(handlers, 'getDraft', undefined)).toEqual({ ok: true, value: null });
    await dispatch(handlers, 'saveDraft', other);
    expect(await dispatch(handlers, 'discardDraft', undefined)).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, 'getDraft', undefined)).toEqual({ ok: true, value: null });
  });
});
