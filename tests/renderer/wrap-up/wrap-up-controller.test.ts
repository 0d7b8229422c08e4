/**
 * The wrap-up's lifecycle as an agent meets it, driven against the real session services on a temp data
 * folder (the same handlers the hosts run, payloads validated by the contract's schemas).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMethodName } from '../../../preload/contract/ipc-contract';
import { fail } from '../../../preload/contract/ipc-result';
import { DEFAULT_SETTINGS, type Settings } from '../../../preload/contract/settings-schema';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import {
  createWrapUpController,
  type WrapUpHost,
} from '../../../renderer/src/wrap-up/wrap-up-controller';
import type { CallForWrapUp } from '../../../renderer/src/wrap-up/wrap-up-draft';
import {
  autosaveErrorText,
  noticeText,
  problemText,
} from '../../../renderer/src/wrap-up/wrap-up-words';
import { seededRandom, sessionAt } from '../../support/session-factory';
import { tempDirs } from '../../main/support/temp-dirs';
import { intlForLocale } from '../../support/intl-for-locale';

const dirs = tempDirs('wrap-up-controller');
afterEach(() => dirs.cleanup());

const ENDED = new Date(2026, 2, 10, 14, 30);

function realHost(dataDir: string) {
  const services = openSessionServices({ dataDir });
  // Only the session methods are wired; the wrap-up calls nothing else.
  const handlers = createSessionHandlers(services) as unknown as IpcHandlers;
  const call = (method: IpcMethodName) => (payload?: unknown) =>
    dispatch(handlers, method, payload);
  const host = {
    getDraft: call('getDraft'),
    getWaitingDrafts: call('getWaitingDrafts'),
    saveDraft: call('saveDraft'),
    saveSession: call('saveSession'),
    saveCallTimeline: call('saveCallTimeline'),
  } as unknown as WrapUpHost;
  return { host, services };
}

function endedCall(seed: number, priorities: CallForWrapUp['priorities']): CallForWrapUp {
  const session = sessionAt(seededRandom(seed), { startedMs: ENDED.getTime() - 300_000 });
  return {
    id: session.id,
    startedAt: session.startedAt,
    endedAt: ENDED.toISOString(),
    call: session.call,
    priorities,
  };
}

const REFUND = {
  id: 'p1',
  text: 'Refund the double charge',
  kind: 'administrative',
  confirmed: true,
} as const;

function controllerOn(host: WrapUpHost, settings: Settings = DEFAULT_SETTINGS) {
  return createWrapUpController({
    host,
    settings: () => settings,
    now: () => ENDED,
    autosaveDelayMs: 5,
  });
}

describe('wrap-up controller', () => {
  it('opens the wrap-up of a call that ended, with its priorities and a follow-up 30 days on, stored at once', async () => {
    const { host, services } = realHost(dirs.make());
    const wrapUp = controllerOn(host);
    await wrapUp.load();
    const call = endedCall(1, [REFUND]);
    await wrapUp.begin(call, null);
    const { draft } = wrapUp.getState();
    expect(draft?.callId).toBe(call.id);
    expect(draft?.wrapUp.priorities.map((p) => p.text)).toEqual(['Refund the double charge']);
    expect(draft?.wrapUp.followUp.date).toBe('2026-04-09');
    expect(services.drafts.get()?.callId).toBe(call.id);
  });

  it('restores a wrap-up left open by a crash, with what was typed', async () => {
    const dataDir = dirs.make();
    const first = controllerOn(realHost(dataDir).host);
    await first.load();
    await first.begin(endedCall(2, [REFUND]), null);
    first.dispatch({ type: 'set', patch: { notes: 'Promised a call back on Friday' } });
    await first.flush();

    const next = controllerOn(realHost(dataDir).host);
    expect(next.getState().loaded).toBe(false);
    await next.load();
    const state = next.getState();
    expect(state.loaded).toBe(true);
    expect(state.restored).toBe(true);
    expect(state.draft?.wrapUp.notes).toBe('Promised a call back on Friday');
  });

  it('will not save while a step the team requires is missing: says which, moves there, logs nothing', async () => {
    const { host, services } = realHost(dirs.make());
    const wrapUp = controllerOn(host);
    await wrapUp.begin(endedCall(3, []), null);
    wrapUp.dispatch({ type: 'goto', step: 'reference' });
    expect(await wrapUp.save()).toBeNull();
    const state = wrapUp.getState();
    expect(state.problem && problemText(state.problem)).toBe(
      'Your team needs at least one priority (Restated priorities), a resolution (Resolution) before saving.',
    );
    expect(state.draft?.step).toBe('priorities');
    expect(services.repository.list({}).total).toBe(0);
  });

  it('saves a complete wrap-up as a session in the log, and the stored draft is gone', async () => {
    const { host, services } = realHost(dirs.make());
    const wrapUp = controllerOn(host);
    const call = endedCall(4, [REFUND]);
    await wrapUp.begin(call, null);
    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    const saved = await wrapUp.save();
    expect(saved?.id).toBe(call.id);
    expect(wrapUp.getState()).toMatchObject({ draft: null, problem: null, saving: false });
    expect(wrapUp.getState().lastSaved?.wrapUp.resolution).toBe('resolved');
    expect(services.repository.list({}).rows.map((r) => r.id)).toEqual([call.id]);
    expect(services.drafts.get()).toBeNull();
  });

  it('keeps an unfinished wrap-up waiting when the next call ends — nothing saved behind the agent’s back — and opens it after', async () => {
    const dataDir = dirs.make();
    const { host, services } = realHost(dataDir);
    const wrapUp = controllerOn(host);
    const first = endedCall(5, [REFUND]);
    const second = endedCall(6, [REFUND]);
    await wrapUp.begin(first, null);
    wrapUp.dispatch({ type: 'set', patch: { notes: 'Half-typed note' } });
    await wrapUp.begin(second, null);
    expect(wrapUp.getState().draft?.callId).toBe(second.id);
    expect(wrapUp.getState().waiting.map((d) => d.callId)).toEqual([first.id]);
    const kept = wrapUp.getState().notice;
    expect(kept && noticeText(kept)).toMatch(
      /^Kept for later: the wrap-up of the call that ended at/,
    );
    expect(services.repository.list({}).total).toBe(0);
    expect(services.drafts.waiting().map((d) => d.wrapUp.notes)).toEqual(['Half-typed note']);

    // A crash now: both come back, the newer open, the earlier waiting.
    const restarted = controllerOn(realHost(dataDir).host);
    await restarted.load();
    expect(restarted.getState().draft?.callId).toBe(second.id);
    expect(restarted.getState().waiting.map((d) => d.wrapUp.notes)).toEqual(['Half-typed note']);

    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    expect((await wrapUp.save())?.id).toBe(second.id);
    const after = wrapUp.getState();
    expect(after.draft?.callId).toBe(first.id);
    expect(after.draft?.wrapUp.notes).toBe('Half-typed note');
    expect(after.waiting).toEqual([]);
    expect(after.notice && noticeText(after.notice)).toMatch(
      /^Next: the wrap-up of the call that ended at/,
    );
    expect(services.repository.list({}).rows.map((r) => r.id)).toEqual([second.id]);
    expect(services.drafts.get()?.callId).toBe(first.id);
    expect(services.drafts.waiting()).toEqual([]);
  });

  it('keeps the wrap-up open with the host’s reason when the save is refused', async () => {
    const { host } = realHost(dirs.make());
    const refusing: WrapUpHost = {
      ...host,
      saveSession: async () =>
        fail(
          'internal',
          'The session was not saved: the disk is full. Nothing saved before was changed.',
        ),
    };
    const wrapUp = controllerOn(refusing);
    await wrapUp.begin(endedCall(7, [REFUND]), null);
    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    expect(await wrapUp.save()).toBeNull();
    const state = wrapUp.getState();
    expect(state.problem && problemText(state.problem)).toBe(
      'Not saved: The session was not saved: the disk is full. Nothing saved before was changed.',
    );
    expect(state.draft?.wrapUp.resolution).toBe('resolved');
    expect(state.saving).toBe(false);
  });

  it('says a save that failed on a full disk in the agent’s language, the host’s words kept for the log', async () => {
    const { host, services } = realHost(dirs.make());
    services.repository.save = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const wrapUp = controllerOn(host);
    await wrapUp.begin(endedCall(9, [REFUND]), null);
    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    expect(await wrapUp.save()).toBeNull();
    const { problem } = wrapUp.getState();
    if (problem?.kind !== 'not-saved') throw new Error('expected a save that failed');
    expect(problem.error).toMatchObject({
      reason: 'disk-full',
      message: 'The session was not saved: the disk is full. Nothing saved before was changed.',
    });
    const german = intlForLocale('de');
    expect(problemText(problem, german)).toBe(
      'Nicht gespeichert: Der Datenträger ist voll. Nichts zuvor Gespeichertes wurde geändert.',
    );
    expect(problemText(problem)).toBe(
      'Not saved: the disk is full. Nothing saved before was changed.',
    );
  });

  it('says a draft the data folder refused in the agent’s language', async () => {
    const { host, services } = realHost(dirs.make());
    const wrapUp = controllerOn(host);
    await wrapUp.begin(endedCall(10, [REFUND]), null);
    services.drafts.save = () => {
      throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    };
    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const { autosave } = wrapUp.getState();
    expect(autosave.status).toBe('error');
    if (!autosave.error) throw new Error('expected a draft that was not saved');
    const german = intlForLocale('de');
    expect(autosaveErrorText(autosave.error, german)).toBe(
      'Entwurf nicht gespeichert: Calm Line darf nicht in seinen Datenordner schreiben. Nichts zuvor Gespeichertes wurde geändert.',
    );
    expect(autosave.error.message).toBe(
      'The draft was not saved: Calm Line may not write in its data folder. Nothing saved before was changed.',
    );
  });

  it('ignores changes while a save is in progress', async () => {
    const { host } = realHost(dirs.make());
    let release: () => void = () => undefined;
    const slow: WrapUpHost = {
      ...host,
      saveSession: async (request) => {
        await new Promise<void>((resolve) => (release = resolve));
        return host.saveSession(request);
      },
    };
    const wrapUp = controllerOn(slow);
    await wrapUp.begin(endedCall(8, [REFUND]), null);
    wrapUp.dispatch({ type: 'set', patch: { resolution: 'resolved' } });
    const saving = wrapUp.save();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wrapUp.getState().saving).toBe(true);
    wrapUp.dispatch({ type: 'set', patch: { notes: 'typed during the save' } });
    expect(wrapUp.getState().draft?.wrapUp.notes).not.toBe('typed during the save');
    release();
    expect((await saving)?.wrapUp.notes).not.toBe('typed during the save');
  });
});
