/**
 * The wrap-up's lifecycle, without React: restores the stored draft at start, opens a new one when a call
 * ends (keeping an earlier unfinished one as a session, as far as it got), autosaves every change
 * (debounced, flushed on a step change), refuses to save while a step the team requires is missing, and
 * saves the result as a session. `useWrapUp` renders its state; tests drive it against a real host.
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
import { STEP_REQUIREMENT, STEP_TITLES, missingRequiredSteps } from './wrap-up-steps';

export interface WrapUpState {
  /** The open wrap-up, null when none is open. */
  readonly draft: WrapUpDraft | null;
  /** True once the stored draft (if any) has been looked for at start. */
  readonly loaded: boolean;
  /** A draft was found at start (the app was closed or crashed during a wrap-up). */
  readonly restored: boolean;
  readonly autosave: { readonly status: AutosaveStatus; readonly error: string | null };
  readonly saving: boolean;
  /** What the last save attempt said (missing required steps, a host error), null when fine. */
  readonly problem: string | null;
  /** The session the last wrap-up was saved as. */
  readonly lastSaved: Session | null;
  /** A notice about an earlier wrap-up that had to be closed to open this one. */
  readonly notice: string | null;
}

export type WrapUpHost = Pick<
  CalmLineApi,
  'getDraft' | 'saveDraft' | 'saveSession' | 'saveCallTimeline'
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
  /** Looks for a draft stored by an earlier run (once; later calls do nothing). */
  load(): Promise<void>;
  dispatch(action: WrapUpAction): void;
  /** Opens the wrap-up of a call that just ended (its timeline is stored first). */
  begin(call: CallForWrapUp, timeline: CallTimeline | null): Promise<void>;
  save(): Promise<Session | null>;
  /** Writes any pending change now (step change, blur, page hide). */
  flush(): Promise<void>;
}

const INITIAL: WrapUpState = {
  draft: null,
  loaded: false,
  restored: false,
  autosave: { status: 'idle', error: null },
  saving: false,
  problem: null,
  lastSaved: null,
  notice: null,
};

export function createWrapUpController(deps: WrapUpControllerDeps): WrapUpController {
  const { host } = deps;
  const now = deps.now ?? (() => new Date());
  let state = INITIAL;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  /** Ids whose timeline is known to be stored (sessions say so; the host checks the file too). */
  const timelineSaved = new Set<string>();

  const set = (patch: Partial<WrapUpState>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  const autosaver = createDraftAutosaver<WrapUpDraft>({
    delayMs: deps.autosaveDelayMs ?? 300,
    save: async (d) => {
      const r = await host.saveDraft({ ...d, updatedAt: now().toISOString() });
      return r.ok ? null : r.message;
    },
    onStatus: (status, error) => set({ autosave: { status, error } }),
  });

  const storeSession = async (d: WrapUpDraft): Promise<Session | string> => {
    const session = sessionFromDraft(d, { now: now(), hasTimeline: timelineSaved.has(d.callId) });
    const r = await host.saveSession({ session });
    return r.ok ? r.value : r.message;
  };

  const load = (): Promise<void> =>
    (loading ??= host.getDraft().then((r) => {
      // A call that ended while the stored draft was being fetched wins; it already closed nothing.
      if (r.ok && r.value && state.draft === null) {
        timelineSaved.add(r.value.callId);
        set({ draft: r.value, restored: true });
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
      const needed = missing.map((s) => `${STEP_REQUIREMENT[s]} (${STEP_TITLES[s]})`).join(', ');
      const moved = wrapUpReducer(current, { type: 'goto', step: missing[0] });
      set({ draft: moved, problem: `Your team needs ${needed} before saving.` });
      autosaver.schedule(moved);
      return null;
    }
    set({ saving: true });
    try {
      await autosaver.flush();
      autosaver.cancel();
      const result = await storeSession(current);
      if (typeof result === 'string') {
        set({ problem: `Not saved: ${result}` });
        autosaver.schedule(current);
        return null;
      }
      set({ draft: null, lastSaved: result, problem: null, notice: null, restored: false });
      return result;
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
    set({ draft: next, problem: null, restored: false });
    if (previous && previous.callId !== next.callId) {
      // One draft at a time: the earlier wrap-up is kept as a session, as far as it got.
      autosaver.cancel();
      const kept = await storeSession(previous);
      set({
        notice:
          typeof kept === 'string'
            ? `The previous call’s wrap-up could not be kept: ${kept}`
            : `The previous call’s wrap-up (ended ${new Date(previous.endedAt).toLocaleTimeString()}) was saved as far as it got; it is in the log.`,
      });
    } else set({ notice: null });
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
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,
    dispatch,
    begin,
    save,
    flush: () => autosaver.flush(),
  };
}
