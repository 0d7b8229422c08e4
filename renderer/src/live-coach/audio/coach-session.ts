/**
 * The live audio graph: capture sources → one AudioWorkletNode running the call engine, which feeds the
 * meter worker (the bars) directly. Holds the latest live state in a plain field that the readouts and
 * timers read when a frame is drawn (no React per frame); everything else reaches the UI through the
 * listener.
 */
import type { AudioSettings } from '../../../../preload/contract/settings-schema';
import type { CueSettings } from '../../../engine/cue-settings';
import type { CallAnalysis, CueEvent, LiveSnapshot } from '../../../engine/call-types';
import { createLiveSnapshot } from '../../../engine/call-engine';
import type { KernelKind } from '../../../engine/wasm/engine-kernels';
import type { ChannelVerdict } from './channel-identity';
import { monoConstraints, stereoConstraints } from './capture-constraints';
import {
  COACH_PROCESSOR_NAME,
  type CoachProcessorOptions,
  type FromWorklet,
  type ToWorklet,
} from './coach-protocol';
import { describeCaptureError, type SourceProblem } from './source-problems';
import workletUrl from './coach-worklet.ts?worker&url';
import { requestFrame } from '../frame-loop';
import { openMeterFeed } from '../meters/meter-board';

export interface CoachListener {
  onCallEvents?(events: CueEvent[]): void;
  onCallEnded?(analysis: CallAnalysis): void;
  onStereo?(verdict: ChannelVerdict): void;
  onCalibration?(normalLufs: number | null, speechSec: number, enough: boolean): void;
  /** Outside a call, the caller began to speak. */
  onCallerSpeech?(): void;
  onProblem?(problem: SourceProblem | null): void;
  /** Once the worklet runs: which loop filters the samples (WebAssembly SIMD, or the scalar fallback). */
  onKernelKind?(kernel: KernelKind): void;
  /** Called when `inCall` or the banner's primary cue changes (rare), not per frame. */
  onCueState?(inCall: boolean, primaryCue: LiveSnapshot['primaryCue'], callerHeated: boolean): void;
  /** Whose voice is on which side (channel-order.ts), when that changes. */
  onChannelOrder?(order: LiveSnapshot['channelOrder']): void;
  /** The engine's hold changed: music recognised on the caller's line ('music'), an event's, or none. */
  onHoldSource?(source: LiveSnapshot['holdSource']): void;
  /** A recorded call's audio (only for calls started with `record`), in order, about every 0.5 s. */
  onAudio?(caller: Float32Array, agent: Float32Array, frames: number): void;
}

export interface CoachSessionConfig {
  audio: AudioSettings;
  cue: CueSettings;
  agentNormalLufs: number | null;
}

export class CoachSession {
  /** The newest live state, replaced when something shown changed. Read it; don't keep it. */
  latest: LiveSnapshot = createLiveSnapshot();
  inCall = false;
  private streams: MediaStream[] = [];
  private sources: MediaStreamAudioSourceNode[] = [];
  private merger: ChannelMergerNode | null = null;
  private pendingEnd: ((analysis: CallAnalysis) => void) | null = null;
  private lastCueKey = '';

  private constructor(
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    private config: CoachSessionConfig,
    private readonly listener: CoachListener,
    private readonly meterFeed: { port: MessagePort; close(): void },
  ) {
    node.port.onmessage = (event: MessageEvent<FromWorklet>) => this.receive(event.data);
    node.port.postMessage({ type: 'meter-feed', port: meterFeed.port } satisfies ToWorklet, [
      meterFeed.port,
    ]);
  }

  /**
   * Gets the audio graph's slow parts ready before any call: the AudioContext (suspended: no audio thread
   * work until a call opens it) and the worklet's module with its WebAssembly kernel. The first call then
   * waits only for capture: measured on the Twinkle spec, the first start took 200–250 ms longer than the
   * next ones without this. Nothing is captured here. Idempotent.
   */
  static prepare(): void {
    if (prepared) return;
    const ready = createContext();
    prepared = ready;
    // A failure here is met again, and reported, by the open() that awaits it; or a fresh try is made.
    ready.catch(() => {
      if (prepared === ready) prepared = null;
    });
  }

  /** Opens capture for the configured sources and starts metering. Throws a SourceProblem-bearing error. */
  static async open(config: CoachSessionConfig, listener: CoachListener): Promise<CoachSession> {
    const ready = prepared ?? createContext();
    prepared = null;
    const feed = openMeterFeed();
    let context: AudioContext | null = null;
    try {
      context = (await ready).context;
      const processorOptions: CoachProcessorOptions = {
        settings: config.cue,
        agentNormalLufs: config.agentNormalLufs,
        agentChannel: agentChannelOf(config.audio),
        checkStereo: config.audio.mode === 'stereo-split',
      };
      const node = new AudioWorkletNode(context, COACH_PROCESSOR_NAME, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 2,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
        processorOptions,
      });
      node.connect(context.destination); // pulls the graph; the processor writes silence
      const session = new CoachSession(context, node, config, listener, feed);
      await session.connectSources();
      if (context.state !== 'running') await context.resume();
      return session;
    } catch (error) {
      feed.close();
      await context?.close().catch(() => undefined);
      throw error;
    }
  }

  /** (Re)acquires the configured sources into the running engine; the call in progress keeps its data. */
  async connectSources(): Promise<void> {
    this.disconnectSources();
    const { audio } = this.config;
    if (audio.mode === 'stereo-split') {
      const stream = await capture(stereoConstraints(audio.stereoDeviceId));
      this.attach(stream, null);
    } else if (audio.mode === 'two-devices') {
      // Agent on input channel 0, caller on 1 (the processor's agentChannel is 0 in this mode).
      const mic = await capture(monoConstraints(audio.micDeviceId));
      const caller = await capture(monoConstraints(audio.callerDeviceId)).catch(
        (error: unknown) => {
          mic.getTracks().forEach((t) => t.stop());
          throw error;
        },
      );
      this.merger = this.context.createChannelMerger(2);
      this.merger.connect(this.node);
      this.attach(mic, 0);
      this.attach(caller, 1);
    } else {
      const stream = await navigator.mediaDevices
        .getDisplayMedia({ audio: true, video: true })
        .catch((error: unknown) => {
          throw describeCaptureError(error);
        });
      stream.getVideoTracks().forEach((t) => t.stop());
      const mic = await capture(monoConstraints(audio.micDeviceId));
      this.merger = this.context.createChannelMerger(2);
      this.merger.connect(this.node);
      this.attach(mic, 0);
      this.attach(stream, 1);
    }
    this.listener.onProblem?.(null);
  }

  private attach(stream: MediaStream, mergerInput: number | null): void {
    this.streams.push(stream);
    const source = this.context.createMediaStreamSource(stream);
    if (mergerInput === null) source.connect(this.node);
    else if (this.merger) source.connect(this.merger, 0, mergerInput);
    this.sources.push(source);
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', () =>
        this.listener.onProblem?.({
          kind: 'device-lost',
          message:
            'The audio device stopped. The call keeps what it has; metering resumes when the device is back.',
        }),
      );
    }
  }

  private disconnectSources(): void {
    for (const source of this.sources) source.disconnect();
    this.merger?.disconnect();
    for (const stream of this.streams) stream.getTracks().forEach((t) => t.stop());
    this.sources = [];
    this.streams = [];
    this.merger = null;
  }

  /** Device ids currently captured (to tell whether a device-change brought a lost one back). */
  liveTrackCount(): number {
    return this.streams.flatMap((s) => s.getAudioTracks()).filter((t) => t.readyState === 'live')
      .length;
  }

  private send(message: ToWorklet): void {
    this.node.port.postMessage(message);
  }

  /** Starts a call; `preRollSec` > 0 begins it that far back (auto-start keeps the first words). */
  startCall(preRollSec = 0, record = false): void {
    this.inCall = true;
    this.send({ type: 'start-call', preRollSec, record });
  }

  get sampleRate(): number {
    return this.context.sampleRate;
  }

  /** Ends the call; resolves with the engine's analysis of it. */
  endCall(): Promise<CallAnalysis> {
    this.inCall = false;
    return new Promise((resolve) => {
      this.pendingEnd = resolve;
      this.send({ type: 'end-call' });
    });
  }

  /** On hold (music on hold is not a caller venting): the engine shows no cue until resumed. */
  setHeld(held: boolean): void {
    if (this.inCall) this.send({ type: 'hold', held });
  }

  updateConfig(config: CoachSessionConfig): void {
    this.config = config;
    this.send({
      type: 'settings',
      settings: config.cue,
      agentNormalLufs: config.agentNormalLufs,
      agentChannel: agentChannelOf(config.audio),
    });
  }

  /** The sources were replaced: whose voice is on which side is checked again. */
  recheckChannels(): void {
    this.send({ type: 'recheck-channels' });
  }

  /** The agent says the sides are right after all. */
  confirmChannels(): void {
    this.send({ type: 'confirm-channels' });
  }

  /** Learn the agent's normal voice and the caller's baseline again from the next confident speech. */
  relearnVoices(): void {
    this.send({ type: 'relearn' });
  }

  calibrate(on: boolean): void {
    this.send({ type: 'calibrate', on });
  }

  async close(): Promise<void> {
    this.meterFeed.close();
    this.disconnectSources();
    this.node.disconnect();
    await this.context.close();
  }

  private receive(message: FromWorklet): void {
    switch (message.type) {
      case 'state': {
        const s = message.snapshot;
        const before = this.latest;
        this.latest = s;
        // Sound starting or stopping on either side is shown at once; steady movement at the frame limit.
        requestFrame(
          (s.caller.momentaryLufs === null) !== (before.caller.momentaryLufs === null) ||
            (s.agent.momentaryLufs === null) !== (before.agent.momentaryLufs === null),
        );
        const key = `${message.inCall}|${s.primaryCue}|${s.cues['caller-heated']}`;
        if (key !== this.lastCueKey) {
          this.lastCueKey = key;
          this.listener.onCueState?.(message.inCall, s.primaryCue, s.cues['caller-heated']);
        }
        if (s.channelOrder !== before.channelOrder) this.listener.onChannelOrder?.(s.channelOrder);
        if (s.holdSource !== before.holdSource) this.listener.onHoldSource?.(s.holdSource);
        break;
      }
      case 'events':
        this.listener.onCallEvents?.(message.events);
        break;
      case 'call-ended':
        this.pendingEnd?.(message.analysis);
        this.pendingEnd = null;
        this.listener.onCallEnded?.(message.analysis);
        break;
      case 'caller-speech':
        if (!this.inCall) this.listener.onCallerSpeech?.();
        break;
      case 'stereo':
        this.listener.onStereo?.(message.verdict);
        break;
      case 'audio':
        this.listener.onAudio?.(message.caller, message.agent, message.frames);
        break;
      case 'calibration':
        this.listener.onCalibration?.(message.normalLufs, message.speechSec, message.enough);
        break;
      case 'engine':
        this.listener.onKernelKind?.(message.filterKernel);
        break;
    }
  }
}

/** A context with the worklet's module loaded, suspended until a session opens it (see prepare()). */
let prepared: Promise<{ context: AudioContext }> | null = null;

async function createContext(): Promise<{ context: AudioContext }> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  try {
    await context.suspend();
    await context.audioWorklet.addModule(workletUrl);
    return { context };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** The input channel carrying the agent: in the two-source modes the mic is merged in on channel 0. */
function agentChannelOf(audio: CoachSessionConfig['audio']): 0 | 1 {
  return audio.mode === 'stereo-split' && audio.agentSide === 'right' ? 1 : 0;
}

async function capture(constraints: MediaStreamConstraints): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw describeCaptureError(
      new DOMException('getUserMedia is not available', 'NotSupportedError'),
    );
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw describeCaptureError(error);
  }
}
