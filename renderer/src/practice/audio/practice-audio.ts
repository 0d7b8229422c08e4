/**
 * The audio of one rehearsal: the agent's microphone (the device of their settings) into the practice
 * worklet, the worklet's caller voice out to the default output (the headset). `stop()` ends it early;
 * either way `finished` resolves with the engine's analysis and the turns as played, and everything is
 * closed (tracks stopped, context closed).
 */
import type { AudioSettings } from '../../../../preload/contract/settings-schema';
import type { CallAnalysis, CueEvent, LiveSnapshot } from '../../../engine/call-types';
import type { CueSettings } from '../../../engine/cue-settings';
import type { PlayedTurn, PracticePhase } from '../../../engine/practice/practice-run';
import type { ScenarioTurn } from '../../../engine/practice/scenario-turns';
import { monoConstraints, stereoConstraints } from '../../live-coach/audio/capture-constraints';
import workletUrl from './practice-worklet.ts?worker&url';
import {
  PRACTICE_PROCESSOR_NAME,
  type FromPracticeWorklet,
  type PracticeProcessorOptions,
} from './practice-protocol';

export interface PracticeAudioConfig {
  audio: AudioSettings;
  settings: CueSettings;
  agentNormalLufs: number | null;
  scenario: { sampleRate: number; audio: Float32Array; turns: ScenarioTurn[] };
}

export interface PracticeAudioListener {
  onState(snapshot: LiveSnapshot, phase: PracticePhase, turn: number): void;
  onEvents?(events: CueEvent[]): void;
}

export interface PracticeRehearsalAudio {
  readonly finished: Promise<{ analysis: CallAnalysis; played: PlayedTurn[] }>;
  stop(): void;
}

export async function openPracticeAudio(
  config: PracticeAudioConfig,
  listener: PracticeAudioListener,
): Promise<PracticeRehearsalAudio> {
  const stereo = config.audio.mode === 'stereo-split';
  // The worklet is loaded before the microphone opens, so the rehearsal's clock starts with its first sample.
  const context = new AudioContext({ latencyHint: 'interactive' });
  let stream: MediaStream | null = null;
  const close = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    void context.close().catch(() => undefined);
  };
  try {
    await context.audioWorklet.addModule(workletUrl);
    stream = await navigator.mediaDevices.getUserMedia(
      stereo
        ? stereoConstraints(config.audio.stereoDeviceId)
        : monoConstraints(config.audio.micDeviceId),
    );
    const processorOptions: PracticeProcessorOptions = {
      settings: config.settings,
      agentNormalLufs: config.agentNormalLufs,
      agentChannel: stereo && config.audio.agentSide === 'right' ? 1 : 0,
      scenario: config.scenario,
    };
    const node = new AudioWorkletNode(context, PRACTICE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions,
    });
    context.createMediaStreamSource(stream).connect(node);
    node.connect(context.destination);
    const finished = new Promise<{ analysis: CallAnalysis; played: PlayedTurn[] }>((resolve) => {
      node.port.onmessage = (event: MessageEvent<FromPracticeWorklet>) => {
        const message = event.data;
        if (message.type === 'state')
          listener.onState(message.snapshot, message.phase, message.turn);
        else if (message.type === 'events') listener.onEvents?.(message.events);
        else {
          close();
          resolve({ analysis: message.analysis, played: message.played });
        }
      };
    });
    await context.resume();
    return { finished, stop: () => node.port.postMessage({ type: 'stop' }) };
  } catch (error) {
    close();
    throw error;
  }
}
