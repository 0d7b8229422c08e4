import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { hostApi, type Settings } from '../api/host-api';
import type { CallTimeline } from '../../engine/call-types';
import type { Session } from '../../../preload/contract/session-schema';
import { createDraftAutosaver, type AutosaveStatus } from './draft-autosave';
import {
  draftFromCall,
  sessionFromDraft,
  type CallForWrapUp,
  type WrapUpDraft,
} from './wrap-up-draft';
import { wrapUpReducer, type WrapUpAction } from './wrap-up-reducer';
import { STEP_REQUIREMENT, STEP_TITLES, missingRequiredSteps } from './wrap-up-steps';

export interface WrapUpController {
  /** The open wrap-up, null when none is open. */
  draft: WrapUpDraft | null;
  /** True once the stored draft (if any) has been looked for at start. */
  loaded: boolean;
  /** A draft was found at start (the app was closed or crashed during a wrap-up). */
  restored: boolean;
  autosave: { status: AutosaveStatus; error: string | null };
  saving: boolean;
  /** What the last save attempt said (missing required steps, a host error), null when fine. */
  problem: string | null;
  /** The session the last wrap-up was saved as. */
  lastSaved: Session | null;
  /** A notice about an earlier wrap-up that had to be closed to open this one. */
  notice: string | null;
  dispatch(action: WrapUpAction): void;
  /** Opens the wrap-up of a call that just ended (its timeline is stored first). */
  begin(call: CallForWrapUp, timeline: CallTimeline | null): Promise<void>;
  save(): Promise<Session | null>;
  /** Writes any pending change now (step change, blur, page hide). */
  flush(): Promise<void>;
}

/**
 * The wrap-up's lifecycle for the app: restores the stored draft at start, opens a new one when a call
 * ends, autosaves every change (debounced, flushed on step change and when the page is hidden) and saves
 * the result as a session.
 */
export function useWrapUp(settings: Settings | null): WrapUpController {
  const [draft, setDraft] = useState<WrapUpDraft | null>(null);
  const draftRef = useRef<WrapUpDraft | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [autosave, setAutosave] = useState<{ status: AutosaveStatus; error: string | null }>({
    status: 'idle',
    error: null,
  });
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [lastSaved, setLastSaved] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  /** Ids whose timeline is known to be stored (sessions say so; the host checks the file too). */
  const timelineSaved = useRef(new Set<string>());

  const autosaver = useMemo(
    () =>
      createDraftAutosaver<WrapUpDraft>({
        delayMs: 300,
        save: async (d) => {
          const r = await hostApi.saveDraft({ ...d, updatedAt: new Date().toISOString() });
          return r.ok ? null : r.message;
        },
        onStatus: (status, error) => setAutosave({ status, error }),
      }),
    [],
  );

  const replace = useCallback((next: WrapUpDraft | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  useEffect(() => {
    let live = true;
    void hostApi.getDraft().then((r) => {
      if (!live) return;
      // A call that ended while the stored draft was being fetched wins; it already closed nothing.
      if (r.ok && r.value && draftRef.current === null) {
        replace(r.value);
        setRestored(true);
        timelineSaved.current.add(r.value.callId);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [replace]);

  // Nothing typed may be lost when the window closes or reloads.
  useEffect(() => {
    const flushNow = () => void autosaver.flush();
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
    };
  }, [autosaver]);

  const dispatch = useCallback(
    (action: WrapUpAction) => {
      const current = draftRef.current;
      if (!current || savingRef.current) return;
      const next = wrapUpReducer(current, action);
      if (next === current) return;
      replace(next);
      setProblem(null);
      autosaver.schedule(next);
      if (next.step !== current.step) void autosaver.flush();
    },
    [autosaver, replace],
  );

  const storeSession = useCallback(async (d: WrapUpDraft): Promise<Session | string> => {
    const session = sessionFromDraft(d, {
      now: new Date(),
      hasTimeline: timelineSaved.current.has(d.callId),
    });
    const r = await hostApi.saveSession({ session });
    return r.ok ? r.value : r.message;
  }, []);

  const save = useCallback(async (): Promise<Session | null> => {
    const current = draftRef.current;
    if (!current || savingRef.current) return null;
    const missing = missingRequiredSteps(
      current.wrapUp,
      settingsRef.current?.wrapUp.requiredSteps ?? [],
    );
    if (missing.length > 0) {
      setProblem(
        `Your team needs ${missing.map((s) => `${STEP_REQUIREMENT[s]} (${STEP_TITLES[s]})`).join(', ')} before saving.`,
      );
      const moved = wrapUpReducer(current, { type: 'goto', step: missing[0] });
      replace(moved);
      autosaver.schedule(moved);
      return null;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      await autosaver.flush();
      autosaver.cancel();
      const result = await storeSession(current);
      if (typeof result === 'string') {
        setProblem(`Not saved: ${result}`);
        autosaver.schedule(current);
        return null;
      }
      replace(null);
      setLastSaved(result);
      setProblem(null);
      setNotice(null);
      setRestored(false);
      return result;
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }, [autosaver, replace, storeSession]);

  const begin = useCallback(
    async (call: CallForWrapUp, timeline: CallTimeline | null) => {
      const s = settingsRef.current;
      const previous = draftRef.current;
      const next = draftFromCall(
        call,
        { agentName: s?.profile.agentName ?? '', followUpDays: s?.wrapUp.followUpDays ?? 30 },
        new Date(),
      );
      replace(next);
      setProblem(null);
      setRestored(false);
      if (previous && previous.callId !== next.callId) {
        // One draft at a time: the earlier wrap-up is kept as a session, as far as it got.
        autosaver.cancel();
        const kept = await storeSession(previous);
        setNotice(
          typeof kept === 'string'
            ? `The previous call’s wrap-up could not be kept: ${kept}`
            : `The previous call’s wrap-up (ended ${new Date(previous.endedAt).toLocaleTimeString()}) was saved as far as it got; it is in the log.`,
        );
      } else setNotice(null);
      if (timeline) {
        const r = await hostApi.saveCallTimeline({ id: call.id, timeline });
        if (r.ok) timelineSaved.current.add(call.id);
      }
      if (draftRef.current === next) {
        autosaver.schedule(next);
        await autosaver.flush();
      }
    },
    [autosaver, replace, storeSession],
  );

  return {
    draft,
    loaded,
    restored,
    autosave,
    saving,
    problem,
    lastSaved,
    notice,
    dispatch,
    begin,
    save,
    flush: autosaver.flush,
  };
}
