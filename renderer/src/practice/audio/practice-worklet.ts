/**
 * The Practice screen's AudioWorklet: the agent's microphone in, the scenario's caller out to the headset,
 * with PracticeRun (renderer/engine/practice) between them — the same CallEngine and cues as a call. It
 * posts the live state at most 4 times a second (and at once when the rehearsal's phase or a cue changes),
 * and the analysis when the last reply has finished or the page stops it. Bundled by Vite as its own module.
 */
import { createLiveSnapshot } from '../../../engine/call-engine';
import type { CueKind } from '../../../engine/call-types';
import { PracticeRun, type PracticePhase } from '../../../engine/practice/practice-run';
import {
  PRACTICE_PROCESSOR_NAME,
  type FromPracticeWorklet,
  type PracticeProcessorOptions,
  type ToPracticeWorklet,
} from './practice-protocol';

const STATE_INTERVAL_SEC = 0.25;

class PracticeProcessor extends AudioWorkletProcessor {
  private readonly run: PracticeRun;
  private readonly agentChannel: 0 | 1;
  private readonly snapshot = createLiveSnapshot();
  private readonly silence = new Float32Array(128);
  private readonly caller = new Float32Array(128);
  private readonly stateInterval = Math.round(sampleRate * STATE_INTERVAL_SEC);
  private samplesSinceState = 0;
  private phaseShown: PracticePhase | null = null;
  private bannerShown: CueKind | null = null;
  private finished = false;

  constructor(nodeOptions?: AudioWorkletNodeOptions) {
    super(nodeOptions);
    const options = nodeOptions?.processorOptions as PracticeProcessorOptions;
    this.agentChannel = options.agentChannel;
    this.run = new PracticeRun({
      sampleRate,
      scenario: options.scenario,
      settings: options.settings,
      agentNormalLufs: options.agentNormalLufs,
    });
    this.port.onmessage = (event: MessageEvent<ToPracticeWorklet>) => {
      if (event.data.type === 'stop') this.finish();
    };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.finished) return false;
    const input = inputs[0] ?? [];
    const mic = input[this.agentChannel] ?? input[0] ?? this.silence;
    const n = mic.length;
    const caller = n === this.caller.length ? this.caller : new Float32Array(n);
    this.run.process(mic, caller, 0, n);
    for (const channel of outputs[0] ?? []) channel.set(caller.subarray(0, channel.length));

    const events = this.run.takeEvents();
    if (events.length > 0) this.post({ type: 'events', events });
    this.samplesSinceState += n;
    const phase = this.run.phase;
    this.run.snapshot(this.snapshot);
    const changed = phase !== this.phaseShown || this.snapshot.primaryCue !== this.bannerShown;
    if (changed || this.samplesSinceState >= this.stateInterval) {
      this.samplesSinceState = 0;
      this.phaseShown = phase;
      this.bannerShown = this.snapshot.primaryCue;
      this.post({ type: 'state', snapshot: this.snapshot, phase, turn: this.run.turn });
    }
    if (phase === 'done') this.finish();
    return !this.finished;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    const analysis = this.run.finish();
    this.post({ type: 'finished', analysis, played: this.run.played });
  }

  private post(message: FromPracticeWorklet): void {
    this.port.postMessage(message);
  }
}

registerProcessor(PRACTICE_PROCESSOR_NAME, PracticeProcessor);
