/**
 * The live coach's state as the agent sees it, driven by a scripted audio session that plays the
 * worklet's part (the messages a real CoachSession sends; the e2e specs play real audio through it).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type AudioSettings,
  type Settings,
} from '../../../preload/contract/settings-schema';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import type { CoachListener } from '../../../renderer/src/live-coach/audio/coach-session';
import {
  MONO_SOURCE_PROBLEM,
  SourceProblemError,
} from '../../../renderer/src/live-coach/audio/source-problems';
import {
  createCoachController,
  swappedSides,
  type CoachSessionLike,
} from '../../../renderer/src/live-coach/coach-controller';
import { agentDeviceKey } from '../../../renderer/src/live-coach/device-key';

class ScriptedSession implements CoachSessionLike {
  inCall = false;
  readonly sampleRate = 48000;
  readonly calls: string[] = [];
  liveTracks = 2;
  connectError: Error | null = null;
  constructor(readonly listener: CoachListener) {}
  startCall(preRollSec: number, record: boolean) {
    this.inCall = true;
    this.calls.push(`start ${preRollSec} ${record}`);
  }
  async endCall(): Promise<CallAnalysis> {
    this.inCall = false;
    this.calls.push('end');
    return { durationSec: 42 } as CallAnalysis;
  }
  calibrate(on: boolean) {
    this.calls.push(`calibrate ${on}`);
  }
  async connectSources() {
    this.calls.push('connect');
    if (this.connectError) throw this.connectError;
  }
  updateConfig() {
    this.calls.push('config');
  }
  recheckChannels() {
    this.calls.push('recheck');
  }
  confirmChannels() {
    this.calls.push('confirm');
  }
  liveTrackCount() {
    return this.liveTracks;
  }
  async close() {
    this.calls.push('close');
  }
}

function setup(
  options: {
    settings?: Settings;
    refuse?: Error;
    onSaveAudio?: (patch: Partial<AudioSettings>) => void;
  } = {},
) {
  let settings = options.settings ?? structuredClone(DEFAULT_SETTINGS);
  const sessions: ScriptedSession[] = [];
  const saved: [string, number][] = [];
  const recordings: { callId: string; pushed: number; finished: boolean }[] = [];
  let spoke = 0;
  let ids = 0;
  const controller = createCoachController<ScriptedSession>({
    openSession: async (_config, listener) => {
      if (options.refuse) throw options.refuse;
      const session = new ScriptedSession(listener);
      sessions.push(session);
      return session;
    },
    settings: () => settings,
    saveCalibration: (key, lufs) => saved.push([key, lufs]),
    saveAudio: options.onSaveAudio ?? (() => undefined),
    startRecording: (callId) => {
      const r = { callId, pushed: 0, finished: false };
      recordings.push(r);
      return { push: () => void r.pushed++, finish: async () => void (r.finished = true) };
    },
    onCallerSpeech: () => void spoke++,
    newId: () => `call-${++ids}`,
    session: { current: null },
    callId: { current: null },
  });
  return {
    controller,
    sessions,
    saved,
    recordings,
    spoke: () => spoke,
    setSettings: (next: Settings) => (settings = next),
  };
}

describe('coach controller', () => {
  it('starts a call: capture opens once, the banner listens, no audio is kept unless opted in', async () => {
    const { controller, sessions, recordings } = setup();
    expect(controller.getState()).toMatchObject({ phase: 'off', inCall: false, banner: 'idle' });
    await Promise.all([controller.startCall(), controller.open()]);
    expect(sessions).toHaveLength(1);
    expect(controller.getState()).toMatchObject({
      phase: 'listening',
      inCall: true,
      banner: 'listening',
    });
    expect(sessions[0].calls).toEqual(['start 0 false']);
    expect(recordings).toEqual([]);
  });

  it('keeps the call’s audio when opted in, and completes the file before the call’s end is reported', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.recording.storeAudio = true;
    const { controller, sessions, recordings } = setup({ settings });
    await controller.startCall(2);
    sessions[0].listener.onAudio?.(new Float32Array(4), new Float32Array(4), 4);
    expect(sessions[0].calls).toEqual(['start 2 true']);
    const analysis = await controller.endCall();
    expect(analysis?.durationSec).toBe(42);
    expect(recordings).toEqual([{ callId: 'call-1', pushed: 1, finished: true }]);
    expect(controller.getState()).toMatchObject({ inCall: false, banner: 'idle', heated: false });
  });

  it('shows the cue the worklet reports during a call, and idle outside one', async () => {
    const { controller, sessions } = setup();
    await controller.startCall();
    sessions[0].listener.onCueState?.(true, 'wait-for-pause', true);
    expect(controller.getState()).toMatchObject({ banner: 'wait-for-pause', heated: true });
    sessions[0].listener.onCueState?.(true, null, false);
    expect(controller.getState()).toMatchObject({ banner: 'listening', heated: false });
    sessions[0].listener.onCueState?.(false, 'talking-over', true);
    expect(controller.getState()).toMatchObject({ banner: 'idle', heated: false });
  });

  it('says why when the microphone is refused, and “Try again” starts the call once it is allowed', async () => {
    const refused = new SourceProblemError({
      kind: 'permission-denied',
      message: 'Microphone blocked',
    });
    const blocked = setup({ refuse: refused });
    await blocked.controller.startCall();
    expect(blocked.controller.getState()).toMatchObject({
      phase: 'off',
      inCall: false,
      problem: { kind: 'permission-denied', message: 'Microphone blocked' },
    });

    const { controller, sessions } = setup();
    controller.retrySources();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sessions).toHaveLength(1);
    expect(controller.getState()).toMatchObject({ inCall: true, problem: null });
    sessions[0].connectError = new SourceProblemError({ kind: 'device-busy', message: 'In use' });
    controller.retrySources();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.getState().problem?.kind).toBe('device-busy');
  });

  it('warns about a mono source and clears it when the channels differ', async () => {
    const { controller, sessions } = setup();
    await controller.open();
    sessions[0].listener.onStereo?.('identical');
    expect(controller.getState().problem).toEqual(MONO_SOURCE_PROBLEM);
    sessions[0].listener.onStereo?.('distinct');
    expect(controller.getState().problem).toBeNull();
  });

  it('saves a calibration once, rounded to 0.1 LU, when it has heard enough of the agent', async () => {
    const { controller, sessions, saved } = setup();
    await controller.calibrate(true);
    expect(controller.getState().calibration).toMatchObject({ running: true, normalLufs: null });
    sessions[0].listener.onCalibration?.(-24.27, 3, false);
    expect(controller.getState().calibration).toMatchObject({ running: true, speechSec: 3 });
    expect(saved).toEqual([]);
    sessions[0].listener.onCalibration?.(-24.26, 8, true);
    sessions[0].listener.onCalibration?.(-24.1, 9, true);
    expect(saved).toEqual([[agentDeviceKey(DEFAULT_SETTINGS.audio), -24.3]]);
    expect(controller.getState().calibration.running).toBe(false);
    expect(sessions[0].calls).toEqual(['calibrate true', 'calibrate false']);
  });

  it('applies new thresholds live and reconnects only when the audio source changes', async () => {
    const { controller, sessions } = setup();
    await controller.open();
    const louder = structuredClone(DEFAULT_SETTINGS);
    louder.cue.tooLoudMarginLu = DEFAULT_SETTINGS.cue.tooLoudMarginLu + 2;
    controller.applySettings(louder);
    expect(sessions[0].calls).toEqual(['config']);
    const otherSource = structuredClone(louder);
    otherSource.audio.mode =
      otherSource.audio.mode === 'two-devices' ? 'stereo-split' : 'two-devices';
    controller.applySettings(otherSource);
    // New sources: whose voice is on which side is checked again.
    expect(sessions[0].calls).toEqual(['config', 'config', 'connect', 'recheck']);
  });

  it('swaps the sides through the settings when the check finds them swapped, without new capture', async () => {
    const saved: unknown[] = [];
    const { controller, sessions } = setup({ onSaveAudio: (patch) => saved.push(patch) });
    await controller.open();
    sessions[0].listener.onChannelOrder?.('swapped');
    expect(controller.getState().channelOrder).toBe('swapped');
    controller.swapSides();
    expect(saved).toEqual([{ agentSide: 'right' }]);
    expect(controller.getState().channelOrder).toBe('pending');
    const swapped = structuredClone(DEFAULT_SETTINGS);
    swapped.audio.agentSide = 'right';
    controller.applySettings(swapped);
    // Only the config (which carries the agent's channel): the worklet checks the sides again itself.
    expect(sessions[0].calls).toEqual(['config']);
    sessions[0].listener.onChannelOrder?.('swapped');
    controller.keepSides();
    expect(sessions[0].calls).toEqual(['config', 'confirm']);
    expect(controller.getState().channelOrder).toBe('ok');
  });

  it('shows music on hold the engine recognised, until it ends or the call does', async () => {
    const { controller, sessions } = setup();
    await controller.startCall();
    const listener = sessions[0].listener;
    listener.onHoldSource?.('music');
    expect(controller.getState().musicHold).toBe(true);
    listener.onHoldSource?.(null);
    expect(controller.getState().musicHold).toBe(false);
    // An event's hold is the call's own notice, not "music".
    listener.onHoldSource?.('event');
    expect(controller.getState().musicHold).toBe(false);
    listener.onHoldSource?.('music');
    await controller.endCall();
    expect(controller.getState().musicHold).toBe(false);
  });

  it('swaps two inputs by exchanging their devices', () => {
    const audio = {
      ...DEFAULT_SETTINGS.audio,
      mode: 'two-devices' as const,
      micDeviceId: 'mic',
      callerDeviceId: 'loop',
    };
    expect(swappedSides(audio)).toEqual({ micDeviceId: 'loop', callerDeviceId: 'mic' });
    expect(swappedSides({ ...audio, mode: 'system-loopback' })).toBeNull();
  });

  it('reconnects when a device comes back, not while the sources are live', async () => {
    const { controller, sessions } = setup();
    await controller.open();
    controller.devicesChanged();
    expect(sessions[0].calls).toEqual([]);
    sessions[0].liveTracks = 0;
    controller.devicesChanged();
    expect(sessions[0].calls).toEqual(['connect']);
  });

  it('hands caller speech outside a call to the view (auto-start)', async () => {
    const { controller, sessions, spoke } = setup();
    await controller.open();
    sessions[0].listener.onCallerSpeech?.();
    expect(spoke()).toBe(1);
  });
});
