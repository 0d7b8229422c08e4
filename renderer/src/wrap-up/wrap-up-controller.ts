/**
 * The wrap-up's lifecycle, without React: restores the stored drafts at start, opens a new one when a call
 * ends (an earlier unfinished one waits, as the agent left it — never saved half-done behind their
 * back), autosaves every change (debounced, flushed on a step change), refuses to save while a step the
 * team requires is missing, saves the result as a session, and then opens the next waiting wrap-up,
 * oldest first. `useWrapUp` renders its state; tests drive it against a real host.
 */
import type { CalmLineApi } from '../../../preload/contract/ipc-contract';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { Session } from '../../../preload/contract/session-schema';
import type { CallTimeline } from '../../engine/call-types';
import { createDraftAutosaver, type AutosaveStatus } from './draft-autosave';
import {
  draftFromCall,
  sessionFromDraft,
  type CallForWrapUp,
  type WrapUpDraft,
} from './wrap-up-draft';
import { wrapUpReducer, type WrapUpAction } from './wrap-up-reducer';
import { missingRequiredSteps, type WrapUpStep } from './wrap-up-steps';
import { createTypedEmitter } from '../api/typed-emitter';
import type { HostFailure } from '../api/host-failure-text';

export interface WrapUpState {
  /** The open wrap-up, null when none is open. */
  readonly draft: WrapUpDraft | null;
  /** Earlier unfinished wrap-ups (back-to-back calls), oldest first: each opens when the one before is saved. */
  readonly waiting: readonly WrapUpDraft[];
  /** True once the stored draft (if any) has been looked for at start. */
  readonly loaded: boolean;
  /** A draft was found at start (the app was closed or crashed during a wrap-up). */
  readonly restored: boolean;
  /** `error`: the host's failure to write the draft (worded by the page, host-failure-text.ts). */
  readonly autosave: { readonly status: AutosaveStatus; readonly error: HostFailure | null };
  readonly saving: boolean;
  /** What the last save attempt said (missing required steps, a host error), null when fine. In words:
   * wrap-up-words.ts. */
  readonly problem: WrapUpProblem | null;
  /** The session the last wrap-up was saved as. */
  readonly lastSaved: Session | null;
  /** A notice about the wrap-ups waiting behind this one. */
  readonly notice: WrapUpNotice | null;
  /** The call whose wrap-up was discarded last (its end time), null when none was. */
  readonly lastDiscarded: { readonly endedAt: string } | null;
}

/** Why the open wrap-up was not saved or discarded. */
export type WrapUpProblem =
  | { readonly kind: 'missing-steps'; readonly steps: readonly WrapUpStep[] }
  /** `error`: the host's failure (its reason worded by the page, wrap-up-words.ts). */
  | { readonly kind: 'not-saved'; readonly error: HostFailure }
  | { readonly kind: 'not-discarded'; readonly error: HostFailure };

/** What the agent is told about the wrap-ups waiting behind the open one (each by its call's end time). */
export type WrapUpNotice =
  /** Earlier wrap-ups are kept, as left; each opens when the one before is saved. */
  | { readonly kind: 'waiting'; readonly endedAt: readonly string[] }
  /** The one just saved was followed by `next`; `waiting` still wait. */
  | { readonly kind: 'next'; readonly next: string; readonly waiting: readonly string[] }
  /** The one just discarded was followed by `next`. */
  | { readonly kind: 'discarded-next'; readonly discarded: string; readonly next: string };

export type WrapUpHost = Pick<
  CalmLineApi,
  'getDraft' | 'getWaitingDrafts' | 'saveDraft' | 'saveSession' | 'saveCallTimeline' | 'discardCall'
>;

export interface WrapUpControllerDeps {
  readonly host: WrapUpHost;
  /** The current settings (agent name, follow-up days, required steps); null before they load. */
  readonly settings: () => Settings | null;
  readonly now?: () => Date;
  /** Debounce of the autosave (ms). */
  readonly autosaveDelayMs?: number;
}

export interface WrapUpController {
  getState(): WrapUpState;
  /** Called after every state change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Looks for drafts stored by an earlier run (once; later calls do nothing). */
  load(): Promise<void>;
  dispatch(action: WrapUpAction): void;
  /** Opens the wrap-up of a call that just ended (its timeline is stored first). */
  begin(call: CallForWrapUp, timeline: CallTimeline | null): Promise<void>;
  /** Saves the open wrap-up as a session; the next waiting one (if any) opens. */
  save(): Promise<Session | null>;
  /** Discards the open wrap-up's call — nothing is kept (no session, no timeline, no recording); the
   * next waiting wrap-up (if any) opens. True when it was discarded. */
  discard(): Promise<boolean>;
  /** Writes any pending change now (step change, blur, page hide). */
  flush(): Promise<void>;
}

const INITIAL: WrapUpState = {
  draft: null,
  waiting: [],
  loaded: false,
  restored: false,
  autosave: { status: 'idle', error: null },
  saving: false,
  problem: null,
  lastSaved: null,
  notice: null,
  lastDiscarded: null,
};

export function createWrapUpController(deps: WrapUpControllerDeps): WrapUpController {
  const { host } = deps;
  const now = deps.now ?? (() => new Date());
  let state = INITIAL;
  let loading: Promise<void> | undefined;
  const changed = createTypedEmitter<{ change: void }>();
  /** Ids whose timeline is known to be stored (sessions say so; the host checks the file too). */
  const timelineSaved = new Set<string>();

  const set = (patch: Partial<WrapUpState>): void => {
    state = { ...state, ...patch };
    changed.emit('change');
  };

  const autosaver = createDraftAutosaver<WrapUpDraft, HostFailure>({
    delayMs: deps.autosaveDelayMs ?? 300,
    save: async (d) => {
      const r = await host.saveDraft({ ...d, updatedAt: now().toISOString() });
      return r.ok ? null : r;
    },
    onStatus: (status, error) => set({ autosave: { status, error } }),
  });

  const storeSession = (d: WrapUpDraft) => {
    const session = sessionFromDraft(d, { now: now(), hasTimeline: timelineSaved.has(d.callId) });
    return host.saveSession({ session });
  };

  const load = (): Promise<void> =>
    (loading ??= Promise.all([host.getDraft(), host.getWaitingDrafts()]).then(([open, waiting]) => {
      const stored = [
        ...(waiting.ok ? waiting.value : []),
        ...(open.ok && open.value ? [open.value] : []),
      ];
      for (const d of stored) timelineSaved.add(d.callId);
      // A call that ended while the stored drafts were being fetched wins; they wait behind it.
      const ids = new Set([...state.waiting, state.draft].map((d) => d?.callId));
      const restored = stored.filter((d) => !ids.has(d.callId));
      if (restored.length > 0) {
        if (state.draft === null) {
          const last = restored[restored.length - 1];
          set({ draft: last, waiting: restored.slice(0, -1), restored: true });
        } else set({ waiting: [...restored, ...state.waiting] });
        set({ notice: waitingNotice(state.waiting) });
      }
      set({ loaded: true });
    }));

  const dispatch = (action: WrapUpAction): void => {
    const current = state.draft;
    if (!current || state.saving) return;
    const next = wrapUpReducer(current, action);
    if (next === current) return;
    set({ draft: next, problem: null });
    autosaver.schedule(next);
    if (next.step !== current.step) void autosaver.flush();
  };

  const save = async (): Promise<Session | null> => {
    const current = state.draft;
    if (!current || state.saving) return null;
    const missing = missingRequiredSteps(
      current.wrapUp,
      deps.settings()?.wrapUp.requiredSteps ?? [],
    );
    if (missing.length > 0) {
      const moved = wrapUpReducer(current, { type: 'goto', step: missing[0] });
      set({ draft: moved, problem: { kind: 'missing-steps', steps: missing } });
      autosaver.schedule(moved);
      return null;
    }
    set({ saving: true });
    try {
      await autosaver.flush();
      autosaver.cancel();
      const stored = await storeSession(current);
      if (!stored.ok) {
        set({ problem: { kind: 'not-saved', error: stored } });
        autosaver.schedule(current);
        return null;
      }
      const [next, ...rest] = state.waiting;
      set({
        draft: next ?? null,
        waiting: rest,
        lastSaved: stored.value,
        lastDiscarded: null,
        problem: null,
        notice: next
          ? { kind: 'next', next: next.endedAt, waiting: rest.map((d) => d.endedAt) }
          : null,
        restored: false,
      });
      // The host opens it too, so a crash from here restores this one.
      if (next) {
        autosaver.schedule(next);
        await autosaver.flush();
      }
      return stored.value;
    } finally {
      set({ saving: false });
    }
  };

  const discard = async (): Promise<boolean> => {
    const current = state.draft;
    if (!current || state.saving) return false;
    set({ saving: true });
    try {
      await autosaver.flush();
      autosaver.cancel();
      const r = await host.discardCall({ id: current.callId });
      if (!r.ok) {
        set({ problem: { kind: 'not-discarded', error: r } });
        return false;
      }
      const [next, ...rest] = state.waiting;
      set({
        draft: next ?? null,
        waiting: rest,
        problem: null,
        lastDiscarded: { endedAt: current.endedAt },
        notice: next
          ? { kind: 'discarded-next', discarded: current.endedAt, next: next.endedAt }
          : null,
        restored: false,
      });
      if (next) {
        autosaver.schedule(next);
        await autosaver.flush();
      }
      return true;
    } finally {
      set({ saving: false });
    }
  };

  const begin = async (call: CallForWrapUp, timeline: CallTimeline | null): Promise<void> => {
    const settings = deps.settings();
    const previous = state.draft;
    const next = draftFromCall(
      call,
      {
        agentName: settings?.profile.agentName ?? '',
        followUpDays: settings?.wrapUp.followUpDays ?? 30,
      },
      now(),
    );
    // The earlier wrap-up's last keystrokes reach the host before this one opens (and sends it to wait).
    if (previous && previous.callId !== next.callId) await autosaver.flush();
    const waiting =
      previous && previous.callId !== next.callId ? [...state.waiting, previous] : state.waiting;
    set({ draft: next, waiting, problem: null, restored: false, notice: waitingNotice(waiting) });
    if (timeline) {
      const r = await host.saveCallTimeline({ id: call.id, timeline });
      if (r.ok) timelineSaved.add(call.id);
    }
    if (state.draft === next) {
      autosaver.schedule(next);
      await autosaver.flush();
    }
  };

  return {
    getState: () => state,
    subscribe: (listener) => changed.on('change', listener),
    load,
    dispatch,
    begin,
    save,
    discard,
    flush: () => autosaver.flush(),
  };
}

/** What waits behind the open wrap-up (null when nothing does). */
function waitingNotice(waiting: readonly WrapUpDraft[]): WrapUpNotice | null {
  return waiting.length === 0 ? null : { kind: 'waiting', endedAt: waiting.map((d) => d.endedAt) };
}
