/**
 * The live coach's AudioWorklet: runs the very same CallEngine as the offline analyser on the two
 * input channels (agent and caller), 128 samples at a time on the audio thread. It looks at the live state
 * every 10 ms and posts it only when something visible changed: at once for sound starting or stopping
 * and for cues; steady movement at most 10 times a second to the meter worker (the bars' refresh, through
 * a port of its own, so drawing never involves the page) and 4 times a second to the page (readouts,
 * timers). Bundled by Vite as its own module, loaded from 'self'.
 */
import { CallEngine, createLiveSnapshot } from '../../../engine/call-engine';
import type { CueKind, LiveSnapshot } from '../../../engine/call-types';
import { ChannelIdentityCheck } from './channel-identity';
import { PreRoll } from './pre-roll';
import { RecordingTap } from '../../recording/recording-tap';
import { NormalVoiceMeter } from '../../../engine/voice-calibration';
import { engineKernelKind } from '../../../engine/wasm/engine-kernels';
import { DisplayChange, MeterChange, PostPacer } from './display-change';
import type { MeterLevels } from '../meters/meter-protocol';
import {
  COACH_PROCESSOR_NAME,
  type CoachProcessorOptions,
  type FromWorklet,
  type ToWorklet,
} from './coach-protocol';

/** Steady movement is posted to the page (readouts, timers) at most this often. */
const MIN_POST_INTERVAL_SEC = 0.25;
/** …and to the meter worker (the bars) at most this often: it draws at 10 Hz. */
const MIN_METER_INTERVAL_SEC = 0.1;
/** Look at the live state every this many seconds (≈ 4 render quanta at 48 kHz); post it when it shows. */
const STATE_INTERVAL_SEC = 0.01;
/** A recorded call's audio reaches the page in chunks this long. */
const RECORDING_CHUNK_SEC = 0.5;

class CoachProcessor extends AudioWorkletProcessor {
  private options: CoachProcessorOptions;
  private engine: CallEngine;
  private inCall = false;
  private calibration: NormalVoiceMeter | null = null;
  private readonly snapshot = createLiveSnapshot();
  private readonly stereo = new ChannelIdentityCheck(sampleRate);
  private stereoReported: string = 'unknown';
  private readonly silence = new Float32Array(128);
  private samplesSinceState = 0;
  private readonly stateInterval = Math.round(sampleRate * STATE_INTERVAL_SEC);
  private readonly preRoll = new PreRoll(Math.round(sampleRate * 2));
  private callerWasSpeaking = false;
  private bannerShown: CueKind | null = null;
  private readonly display = new DisplayChange();
  private readonly statePace = new PostPacer(MIN_POST_INTERVAL_SEC);
  private recording: RecordingTap | null = null;
  private meterFeed: MessagePort | null = null;
  private readonly meterChange = new MeterChange();
  private readonly meterPace = new PostPacer(MIN_METER_INTERVAL_SEC);
  private readonly levels: MeterLevels = {
    caller: NaN,
    agent: NaN,
    agentNormal: NaN,
    urgent: false,
  };

  constructor(nodeOptions?: AudioWorkletNodeOptions) {
    super(nodeOptions);
    this.options = nodeOptions?.processorOptions as CoachProcessorOptions;
    this.engine = this.newEngine(false);
    this.port.onmessage = (event: MessageEvent<ToWorklet>) => this.command(event.data);
    this.post({ type: 'engine', filterKernel: engineKernelKind() });
  }

  /** A call's engine records its timeline; the one metering between calls must not (it would grow all day). */
  private newEngine(recordTimeline: boolean): CallEngine {
    return new CallEngine({
      sampleRate,
      settings: this.options.settings,
      agentNormalLufs: this.options.agentNormalLufs,
      recordTimeline,
    });
  }

  private newRecording(): RecordingTap {
    return new RecordingTap(
      Math.round(sampleRate * RECORDING_CHUNK_SEC),
      (caller, agent, frames) => {
        const message: FromWorklet = { type: 'audio', caller, agent, frames };
        this.port.postMessage(message, [caller.buffer, agent.buffer]);
      },
    );
  }

  private post(message: FromWorklet): void {
    this.port.postMessage(message);
  }

  private command(message: ToWorklet): void {
    switch (message.type) {
      case 'start-call': {
        const engine = this.newEngine(true);
        const preRollFrames = Math.round(message.preRollSec * sampleRate);
        this.preRoll.replay(preRollFrames, (c, a, start, end) => engine.process(c, a, start, end));
        this.recording = message.record ? this.newRecording() : null;
        if (this.recording && preRollFrames > 0) {
          const tap = this.recording;
          this.preRoll.replay(preRollFrames, (c, a, start, end) => tap.write(c, a, start, end));
        }
        this.engine = engine;
        this.inCall = true;
        break;
      }
      case 'end-call':
        // The last audio goes before 'call-ended', so the page has all of it when the call is over.
        this.recording?.flush();
        this.recording = null;
        if (this.inCall) this.post({ type: 'call-ended', analysis: this.engine.finish() });
        this.inCall = false;
        this.engine = this.newEngine(false);
        break;
      case 'hold':
        if (this.inCall) this.engine.setHeld(message.held);
        break;
      case 'settings':
        this.options = {
          ...this.options,
          settings: message.settings,
          agentNormalLufs: message.agentNormalLufs,
        };
        // Sides swapped: read them the new way from the next block, and check them again.
        this.engine.updateSettings(message.settings);
        this.engine.setAgentNormalLufs(message.agentNormalLufs);
        if (message.agentChannel !== this.options.agentChannel) {
          this.options.agentChannel = message.agentChannel;
          this.engine.recheckChannels();
        }
        break;
      case 'recheck-channels':
        this.engine.recheckChannels();
        break;
      case 'confirm-channels':
        this.engine.confirmChannels();
        break;
      case 'meter-feed':
        this.meterFeed?.close();
        this.meterFeed = message.port;
        this.meterChange.reset();
        break;
      case 'relearn':
        this.engine.relearnVoices();
        break;
      case 'calibrate':
        // Measured exactly as the call engine measures the agent, so "too loud" compares like with like.
        this.calibration = message.on ? new NormalVoiceMeter(sampleRate) : null;
        break;
    }
  }

  process(inputs: Float32Array[][]): boolean {
    // No source connected (yet, or its device or permission went): silence, so a call's clock keeps running.
    const input = inputs[0] ?? [];
    const agentIndex = this.options.agentChannel;
    const agent = input[agentIndex] ?? input[0] ?? this.silence;
    const n = agent.length;
    const silence = this.silence.length >= n ? this.silence : new Float32Array(n);
    const caller = input[1 - agentIndex] ?? silence;
    this.engine.process(caller, agent, 0, n);
    this.preRoll.write(caller, agent, n);
    this.recording?.write(caller, agent, 0, n);

    if (this.calibration) {
      this.calibration.process(agent, 0, n);
      if (this.samplesSinceState + n >= this.stateInterval) {
        const r = this.calibration.reading();
        this.post({
          type: 'calibration',
          normalLufs: r.normalLufs,
          speechSec: r.voicedSec,
          enough: r.enough,
        });
      }
    }

    if (this.options.checkStereo && input.length > 1) {
      const verdict = this.stereo.update(input[0], input[1]);
      if (verdict !== this.stereoReported) {
        this.stereoReported = verdict;
        this.post({ type: 'stereo', verdict });
      }
    }

    // A cue or banner that changed is posted at once, not at the next state interval.
    const events = this.engine.takeEvents();
    let cueChanged = this.engine.bannerCue !== this.bannerShown;
    this.bannerShown = this.engine.bannerCue;
    if (events.length > 0 && this.inCall) {
      this.post({ type: 'events', events });
      cueChanged ||= events.some((e) => e.type === 'cue-start' || e.type === 'cue-end');
    }

    this.samplesSinceState += n;
    if (this.samplesSinceState >= this.stateInterval || cueChanged) {
      this.samplesSinceState = 0;
      const snapshot = this.engine.snapshot(this.snapshot);
      // Movement is posted at the page's rate; sound starting/stopping and cues at once.
      if (this.statePace.due(this.display.changed(snapshot, this.inCall), currentTime)) {
        this.post({ type: 'state', snapshot, inCall: this.inCall });
      }
      if (this.meterFeed) this.feedMeters(this.meterFeed, snapshot);
      if (!this.inCall && snapshot.caller.speaking && !this.callerWasSpeaking)
        this.post({ type: 'caller-speech' });
      this.callerWasSpeaking = snapshot.caller.speaking;
    }
    return true;
  }

  private feedMeters(feed: MessagePort, snapshot: LiveSnapshot): void {
    const change = this.meterChange.changed(snapshot);
    if (!this.meterPace.due(change, currentTime)) return;
    const l = this.levels;
    l.caller = snapshot.caller.momentaryLufs ?? NaN;
    l.agent = snapshot.agent.momentaryLufs ?? NaN;
    l.agentNormal = snapshot.agentNormalLufs ?? NaN;
    l.urgent = change === 2;
    feed.postMessage(l);
  }
}

registerProcessor(COACH_PROCESSOR_NAME, CoachProcessor);
