/**
 * The live coach's state machine, without React: opens the audio session on demand, starts and ends
 * calls (recording only when the agent opted in), turns the worklet's rare messages into the few states
 * the UI renders (phase, in call, banner, heated, a source problem, calibration), saves a calibration once
 * it has heard enough, and reconnects the sources when they change or a device comes back. Per-frame
 * values stay in `session.latest` for the canvas meters. `useCoach` renders it; tests drive it with a
 * scripted session.
 */
import type { AudioSettings, Settings } from '../../../preload/contract/settings-schema';
import type { CallAnalysis, LiveSnapshot } from '../../engine/call-types';
import type { KernelKind } from '../../engine/wasm/engine-kernels';
import type { CoachListener, CoachSessionConfig } from './audio/coach-session';
import {
  MONO_SOURCE_PROBLEM,
  SourceProblemError,
  type SourceProblem,
} from './audio/source-problems';
import { createTypedEmitter } from '../api/typed-emitter';
import type { BannerState } from './cue-copy';
import { agentDeviceKey } from './device-key';

export type CoachPhase = 'off' | 'opening' | 'listening';

export interface Calibration {
  running: boolean;
  normalLufs: number | null;
  speechSec: number;
  enough: boolean;
}

export interface CoachState {
  readonly phase: CoachPhase;
  readonly inCall: boolean;
  readonly banner: BannerState;
  readonly heated: boolean;
  readonly problem: SourceProblem | null;
  readonly calibration: Calibration;
  /** Which loop the live engine filters with, once known (shown as a data attribute for diagnostics). */
  readonly filterKernel: KernelKind | null;
  /** Whose voice is on which side (channel-order.ts); 'swapped' offers the agent to swap them. */
  readonly channelOrder: LiveSnapshot['channelOrder'];
  /** Music on hold recognised on the caller's line (no hold event came): no cues until the caller is back. */
  readonly musicHold: boolean;
}

/** What the controller needs of an audio session (CoachSession in the app). */
export interface CoachSessionLike {
  readonly inCall: boolean;
  readonly sampleRate: number;
  startCall(preRollSec: number, record: boolean): void;
  endCall(): Promise<CallAnalysis>;
  calibrate(on: boolean): void;
  connectSources(): Promise<void>;
  recheckChannels(): void;
  confirmChannels(): void;
  updateConfig(config: CoachSessionConfig): void;
  liveTrackCount(): number;
  close(): Promise<void>;
}

/** Where a recorded call's audio goes (RecordingUpload in the app). */
export interface RecordingSink {
  push(caller: Float32Array, agent: Float32Array, frames: number): void;
  finish(): Promise<unknown>;
}

/** A box the controller keeps a value in, for readers outside React's state (the meters). */
export interface Box<T> {
  current: T;
}

export interface CoachControllerDeps<S extends CoachSessionLike> {
  readonly openSession: (config: CoachSessionConfig, listener: CoachListener) => Promise<S>;
  readonly settings: () => Settings | null;
  readonly saveCalibration: (deviceKey: string, lufs: number) => void;
  /** Saves a change of the audio settings (swapping the sides); they come back through applySettings. */
  readonly saveAudio: (patch: Partial<AudioSettings>) => void;
  readonly startRecording: (callId: string, sampleRate: number) => RecordingSink;
  /** Outside a call, the caller began to speak (the view auto-starts a call when enabled). */
  readonly onCallerSpeech: () => void;
  readonly newId: () => string;
  /** The open session, for the meters. */
  readonly session: Box<S | null>;
  /** The id of the call in progress (or the last one), chosen at its start so its audio is filed under it. */
  readonly callId: Box<string | null>;
}

export interface CoachController {
  getState(): CoachState;
  subscribe(listener: () => void): () => void;
  /** Opens the audio session if it is not open (capture starts; no call yet). */
  open(): Promise<boolean>;
  startCall(preRollSec?: number): Promise<void>;
  endCall(): Promise<CallAnalysis | null>;
  calibrate(on: boolean): Promise<void>;
  /** New settings: thresholds apply live; a change of audio source reconnects (the call keeps its data). */
  applySettings(settings: Settings): void;
  /** A device was plugged in or out: a session with no live track reconnects. */
  devicesChanged(): void;
  /** "Try again" on a source problem: reconnect the running session, or start the call that failed to. */
  retrySources(): void;
  /** The sides are the wrong way round: swap them in the settings (and the running session). */
  swapSides(): void;
  /** The agent says the sides are right after all. */
  keepSides(): void;
  close(): void;
}

const NO_CALIBRATION: Calibration = {
  running: false,
  normalLufs: null,
  speechSec: 0,
  enough: false,
};

const INITIAL: CoachState = {
  phase: 'off',
  inCall: false,
  banner: 'idle',
  heated: false,
  problem: null,
  calibration: NO_CALIBRATION,
  filterKernel: null,
  channelOrder: 'pending',
  musicHold: false,
};

/** What the sources are, without the side the agent is on (a swap of sides needs no new capture). */
function sourcesKey(audio: AudioSettings): string {
  return JSON.stringify({ ...audio, agentSide: null });
}

/** The settings change that swaps the sides, or null where the mode has no sides to swap. */
export function swappedSides(audio: AudioSettings): Partial<AudioSettings> | null {
  if (audio.mode === 'stereo-split')
    return { agentSide: audio.agentSide === 'left' ? 'right' : 'left' };
  if (audio.mode === 'two-devices')
    return { micDeviceId: audio.callerDeviceId, callerDeviceId: audio.micDeviceId };
  return null;
}

export function sessionConfig(settings: Settings): CoachSessionConfig {
  return {
    audio: settings.audio,
    cue: settings.cue,
    agentNormalLufs: settings.agentNormalLufs[agentDeviceKey(settings.audio)] ?? null,
  };
}

function problemOf(error: unknown): SourceProblem {
  return error instanceof SourceProblemError
    ? error.problem
    : { kind: 'other', message: String(error), detail: String(error) };
}

export function createCoachController<S extends CoachSessionLike>(
  deps: CoachControllerDeps<S>,
): CoachController {
  let state = INITIAL;
  const changed = createTypedEmitter<{ change: void }>();
  let opening: Promise<S | null> | null = null;
  let recording: RecordingSink | null = null;
  let audioKey: string | null = null;

  const set = (patch: Partial<CoachState>): void => {
    state = { ...state, ...patch };
    changed.emit('change');
  };

  const reconnect = (session: S): void => {
    session.connectSources().catch((error: unknown) => set({ problem: problemOf(error) }));
  };

  const onCalibration = (normalLufs: number | null, speechSec: number, enough: boolean): void => {
    if (!state.calibration.running) return;
    const settings = deps.settings();
    if (enough && normalLufs !== null && settings) {
      // A calibration saves itself once it has heard enough of the agent's voice.
      deps.session.current?.calibrate(false);
      set({ calibration: { running: false, normalLufs, speechSec, enough } });
      deps.saveCalibration(agentDeviceKey(settings.audio), Math.round(normalLufs * 10) / 10);
      return;
    }
    set({ calibration: { running: true, normalLufs, speechSec, enough } });
  };

  const openSession = async (): Promise<S | null> => {
    const settings = deps.settings();
    if (!settings) return null;
    set({ phase: 'opening' });
    try {
      const session = await deps.openSession(sessionConfig(settings), {
        onProblem: (problem) => set({ problem }),
        onStereo: (verdict) =>
          set({ problem: verdict === 'identical' ? MONO_SOURCE_PROBLEM : null }),
        onCueState: (nowInCall, primary, isHeated) =>
          set({
            banner: nowInCall ? (primary ?? 'listening') : 'idle',
            heated: nowInCall && isHeated,
          }),
        onCallerSpeech: () => deps.onCallerSpeech(),
        onAudio: (caller, agent, frames) => recording?.push(caller, agent, frames),
        onCalibration,
        onKernelKind: (filterKernel) => set({ filterKernel }),
        onChannelOrder: (channelOrder) => set({ channelOrder }),
        onHoldSource: (source) => set({ musicHold: source === 'music' }),
      });
      deps.session.current = session;
      audioKey = sourcesKey(settings.audio);
      set({ phase: 'listening', problem: null });
      return session;
    } catch (error) {
      set({ phase: 'off', problem: problemOf(error) });
      return null;
    }
  };

  const open = async (): Promise<S | null> => {
    if (deps.session.current) return deps.session.current;
    opening ??= openSession().finally(() => (opening = null));
    return opening;
  };

  const startCall = async (preRollSec = 0): Promise<void> => {
    const session = await open();
    if (!session || session.inCall) return;
    const callId = deps.newId();
    deps.callId.current = callId;
    // Audio is kept only when the user opted in; otherwise the worklet forwards none.
    const record = deps.settings()?.recording.storeAudio === true;
    recording = record ? deps.startRecording(callId, session.sampleRate) : null;
    session.startCall(preRollSec, record);
    set({ inCall: true, banner: 'listening' });
  };

  return {
    getState: () => state,
    subscribe: (listener) => changed.on('change', listener),
    open: async () => (await open()) !== null,
    startCall,
    async endCall() {
      const session = deps.session.current;
      if (!session?.inCall) return null;
      const analysis = await session.endCall();
      const finishing = recording;
      recording = null;
      // Complete the file before the wrap-up saves the session (the host links the session to it).
      if (finishing) await finishing.finish();
      set({ inCall: false, banner: 'idle', heated: false, musicHold: false });
      return analysis;
    },
    async calibrate(on) {
      const session = on ? await open() : deps.session.current;
      session?.calibrate(on);
      set({ calibration: { ...NO_CALIBRATION, running: on && !!session } });
    },
    applySettings(settings) {
      const session = deps.session.current;
      if (!session) return;
      session.updateConfig(sessionConfig(settings));
      const key = sourcesKey(settings.audio);
      if (key !== audioKey) {
        audioKey = key;
        reconnect(session);
        session.recheckChannels();
      }
    },
    devicesChanged() {
      const session = deps.session.current;
      // Still refused (a permission taken away, a device still missing): say why, not "device lost".
      if (session && session.liveTrackCount() === 0) reconnect(session);
    },
    retrySources() {
      const session = deps.session.current;
      if (session) reconnect(session);
      else void startCall();
    },
    swapSides() {
      const settings = deps.settings();
      const patch = settings && swappedSides(settings.audio);
      if (!patch) return;
      set({ channelOrder: 'pending' });
      deps.saveAudio(patch);
    },
    keepSides() {
      deps.session.current?.confirmChannels();
      set({ channelOrder: 'ok' });
    },
    close() {
      void deps.session.current?.close();
    },
  };
}
