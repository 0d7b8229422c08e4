import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { CallAnalysis } from '../../engine/call-types';
import { CoachSession, type CoachSessionConfig } from './audio/coach-session';
import {
  MONO_SOURCE_PROBLEM,
  SourceProblemError,
  type SourceProblem,
} from './audio/source-problems';
import type { BannerState } from './cue-copy';
import { agentDeviceKey } from './device-key';
import { newId } from './finished-call';
import { hostApi } from '../api/host-api';
import { RecordingUpload } from '../recording/recording-upload';

export type CoachPhase = 'off' | 'opening' | 'listening';

export interface Calibration {
  running: boolean;
  normalLufs: number | null;
  speechSec: number;
  enough: boolean;
}

const NO_CALIBRATION: Calibration = {
  running: false,
  normalLufs: null,
  speechSec: 0,
  enough: false,
};

function sessionConfig(settings: Settings): CoachSessionConfig {
  return {
    audio: settings.audio,
    cue: settings.cue,
    agentNormalLufs: settings.agentNormalLufs[agentDeviceKey(settings.audio)] ?? null,
  };
}

/**
 * The live coach's state machine for React: opens the audio session on demand, starts and ends calls,
 * and turns the worklet's messages into the few state changes the UI renders. Per-frame values stay in
 * `session.latest` for the canvas meters.
 */
export function useCoach(
  settings: Settings | null,
  onSaveCalibration: (deviceKey: string, lufs: number) => void,
) {
  const sessionRef = useRef<CoachSession | null>(null);
  const [phase, setPhase] = useState<CoachPhase>('off');
  const [inCall, setInCall] = useState(false);
  const [banner, setBanner] = useState<BannerState>('idle');
  const [heated, setHeated] = useState(false);
  const [problem, setProblem] = useState<SourceProblem | null>(null);
  const [calibration, setCalibration] = useState<Calibration>(NO_CALIBRATION);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const saveRef = useRef(onSaveCalibration);
  saveRef.current = onSaveCalibration;
  /** Set by the view: what to do when the caller speaks outside a call (auto-start, when enabled). */
  const autoStartRef = useRef<() => void>(() => undefined);
  /** The id of the call in progress (or the last one), chosen at its start so its audio can be filed under it. */
  const callIdRef = useRef<string | null>(null);
  const recordingRef = useRef<RecordingUpload | null>(null);

  /** Reacquires the sources into a running session; a refusal becomes the notice that says why. */
  const reconnect = useCallback((session: CoachSession) => {
    session
      .connectSources()
      .catch((error: unknown) =>
        setProblem(
          error instanceof SourceProblemError
            ? error.problem
            : { kind: 'other', message: String(error) },
        ),
      );
  }, []);

  const open = useCallback(async (): Promise<CoachSession | null> => {
    if (sessionRef.current) return sessionRef.current;
    const current = settingsRef.current;
    if (!current) return null;
    setPhase('opening');
    try {
      const session = await CoachSession.open(sessionConfig(current), {
        onProblem: setProblem,
        onStereo: (verdict) => setProblem(verdict === 'identical' ? MONO_SOURCE_PROBLEM : null),
        onCueState: (nowInCall, primary, isHeated) => {
          setBanner(nowInCall ? (primary ?? 'listening') : 'idle');
          setHeated(nowInCall && isHeated);
        },
        onCallerSpeech: () => autoStartRef.current(),
        onAudio: (caller, agent, frames) => recordingRef.current?.push(caller, agent, frames),
        onCalibration: (normalLufs, speechSec, enough) => {
          setCalibration((c) => (c.running ? { running: true, normalLufs, speechSec, enough } : c));
        },
      });
      sessionRef.current = session;
      setPhase('listening');
      setProblem(null);
      return session;
    } catch (error) {
      setPhase('off');
      setProblem(
        error instanceof SourceProblemError
          ? error.problem
          : { kind: 'other', message: String(error) },
      );
      return null;
    }
  }, []);

  const startCall = useCallback(
    async (preRollSec = 0) => {
      const session = await open();
      if (!session || session.inCall) return;
      const callId = newId();
      callIdRef.current = callId;
      // Audio is kept only when the user opted in; otherwise the worklet forwards none.
      const record = settingsRef.current?.recording.storeAudio === true;
      recordingRef.current = record
        ? new RecordingUpload(hostApi, callId, session.sampleRate)
        : null;
      session.startCall(preRollSec, record);
      setInCall(true);
      setBanner('listening');
    },
    [open],
  );

  const endCall = useCallback(async (): Promise<CallAnalysis | null> => {
    const session = sessionRef.current;
    if (!session?.inCall) return null;
    const analysis = await session.endCall();
    const recording = recordingRef.current;
    recordingRef.current = null;
    // Complete the file before the wrap-up saves the session (the host links the session to it).
    if (recording) await recording.finish();
    setInCall(false);
    setBanner('idle');
    setHeated(false);
    return analysis;
  }, []);

  const calibrate = useCallback(
    async (on: boolean) => {
      const session = on ? await open() : sessionRef.current;
      session?.calibrate(on);
      setCalibration({ ...NO_CALIBRATION, running: on && !!session });
    },
    [open],
  );

  // A calibration saves itself once it has heard enough of the agent's voice.
  useEffect(() => {
    const current = settingsRef.current;
    if (!calibration.running || !calibration.enough || calibration.normalLufs === null || !current)
      return;
    sessionRef.current?.calibrate(false);
    setCalibration({ ...calibration, running: false });
    saveRef.current(agentDeviceKey(current.audio), Math.round(calibration.normalLufs * 10) / 10);
  }, [calibration]);

  // Thresholds and calibration apply live; a change of source reconnects (the call keeps its data).
  const audioKey = settings ? JSON.stringify(settings.audio) : '';
  useEffect(() => {
    if (settings) sessionRef.current?.updateConfig(sessionConfig(settings));
  }, [settings]);
  useEffect(() => {
    const session = sessionRef.current;
    if (!session || !audioKey) return;
    reconnect(session);
  }, [audioKey, reconnect]);

  // A device that comes back resumes metering.
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices) return undefined;
    const onChange = () => {
      const session = sessionRef.current;
      if (session && session.liveTrackCount() === 0) {
        // Still refused (a permission taken away, a device still missing): say why, not "device lost".
        reconnect(session);
      }
    };
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  }, [reconnect]);

  useEffect(() => () => void sessionRef.current?.close(), []);

  /** "Try again" on a source problem: reconnect the running session, or start the call that failed to. */
  const retrySources = useCallback(() => {
    const session = sessionRef.current;
    if (session) reconnect(session);
    else void startCall();
  }, [startCall, reconnect]);

  return {
    retrySources,
    sessionRef,
    autoStartRef,
    callIdRef,
    phase,
    inCall,
    banner,
    heated,
    problem,
    calibration,
    open,
    startCall,
    endCall,
    calibrate,
  };
}
