/**
 * The live coach for React: one CoachController (coach-controller.ts) per view over a real CoachSession,
 * its state rendered. The session and call id stay in refs for the meters and the view.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AudioSettings, Settings } from '../../../preload/contract/settings-schema';
import { hostApi } from '../api/host-api';
import { RecordingUpload } from '../recording/recording-upload';
import { CoachSession } from './audio/coach-session';
import { createCoachController } from './coach-controller';
import { newId } from './finished-call';

export type { Calibration, CoachPhase } from './coach-controller';

export function useCoach(
  settings: Settings | null,
  onSaveCalibration: (deviceKey: string, lufs: number) => void,
  onSaveAudio: (patch: Partial<AudioSettings>) => void,
) {
  const settingsRef = useRef(settings);
  const saveRef = useRef(onSaveCalibration);
  const saveAudioRef = useRef(onSaveAudio);
  useLayoutEffect(() => {
    settingsRef.current = settings;
    saveRef.current = onSaveCalibration;
    saveAudioRef.current = onSaveAudio;
  }, [settings, onSaveCalibration, onSaveAudio]);
  const sessionRef = useRef<CoachSession | null>(null);
  const callIdRef = useRef<string | null>(null);
  /** Set by the view: what to do when the caller speaks outside a call (auto-start, when enabled). */
  const autoStartRef = useRef<() => void>(() => undefined);

  const [controller] = useState(() =>
    createCoachController({
      openSession: (config, listener) => CoachSession.open(config, listener),
      settings: () => settingsRef.current,
      saveCalibration: (deviceKey, lufs) => saveRef.current(deviceKey, lufs),
      saveAudio: (patch) => saveAudioRef.current(patch),
      startRecording: (callId, sampleRate) => new RecordingUpload(hostApi, callId, sampleRate),
      onCallerSpeech: () => autoStartRef.current(),
      newId,
      session: sessionRef,
      callId: callIdRef,
    }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    if (settings) controller.applySettings(settings);
  }, [controller, settings]);

  // A device that comes back resumes metering.
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices) return undefined;
    const onChange = () => controller.devicesChanged();
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  }, [controller]);

  // The audio graph's slow parts get ready at once, so the first call waits only for capture.
  useEffect(() => CoachSession.prepare(), []);
  useEffect(() => () => controller.close(), [controller]);

  return {
    ...state,
    sessionRef,
    autoStartRef,
    callIdRef,
    open: controller.open,
    startCall: controller.startCall,
    endCall: controller.endCall,
    calibrate: controller.calibrate,
    retrySources: controller.retrySources,
    swapSides: controller.swapSides,
    keepSides: controller.keepSides,
  };
}
