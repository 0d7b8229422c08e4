/**
 * The live coach and the call in progress for the app: one CoachController (useCoach) and one
 * CallController over it, with every way a call starts, ends or is marked wired to the controller — the
 * page's buttons, the host's hotkeys (and tray and menu), the phone software's events, the caller's
 * voice (auto-start) and the host stopping.
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AudioSettings, Settings } from '../../../preload/contract/settings-schema';
import { hostApi } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';
import type { FinishedCall } from '../live-coach/finished-call';
import { newId } from '../live-coach/finished-call';
import { useCoach } from '../live-coach/use-coach';
import { createCallController, type CallTrigger } from './call-controller';

export interface CallHandlers {
  /** A call is starting (the coach must come forward). */
  onStarting(trigger: CallTrigger): void;
  /** A call ended: its wrap-up opens. */
  onFinished(call: FinishedCall): void;
  onSaveCalibration(deviceKey: string, lufs: number): void;
  /** The agent swapped the sides: the audio settings change. */
  onSaveAudio(patch: Partial<AudioSettings>): void;
}

export function useCall(settings: Settings | null, handlers: CallHandlers) {
  const handlersRef = useRef(handlers);
  const settingsRef = useRef(settings);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
    settingsRef.current = settings;
  });
  const coach = useCoach(
    settings,
    (key, lufs) => handlersRef.current.onSaveCalibration(key, lufs),
    (patch) => handlersRef.current.onSaveAudio(patch),
  );
  const { sessionRef, callIdRef, startCall, endCall } = coach;

  const [controller] = useState(() =>
    createCallController({
      coach: {
        startCall: (preRollSec) => startCall(preRollSec),
        endCall: () => endCall(),
        now: () => ({
          inCall: sessionRef.current?.inCall ?? false,
          timeSec: sessionRef.current?.latest.timeSec ?? 0,
        }),
        setHeld: (held) => sessionRef.current?.setHeld(held),
        callId: () => callIdRef.current,
      },
      settings: () => settingsRef.current,
      answerEvent: (eventId, answer) => void hostApi.answerCallEvent({ eventId, answer }),
      newId,
      onStarting: (trigger) => handlersRef.current.onStarting(trigger),
      onFinished: (call) => handlersRef.current.onFinished(call),
    }),
  );
  coach.autoStartRef.current = controller.callerSpoke;
  const call = useSyncExternalStore(controller.subscribe, controller.getState);

  useHostEvent('call-event', (notice) => void controller.phoneEvent(notice));
  useHostEvent('hotkey', ({ action }) => {
    if (action === 'startCall') void controller.start('hotkey');
    else if (action === 'endCall') void controller.end();
    else if (action === 'markMoment') controller.mark();
  });
  // The host is stopping: a call in progress ends now, so its wrap-up draft is saved.
  useHostEvent('host-closing', () => void controller.end());

  return { coach, call, controller };
}

export type UseCall = ReturnType<typeof useCall>;
