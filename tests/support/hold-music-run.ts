/**
 * Runs a hold-music call as the live coach does (the same engine, 128-sample blocks, snapshots read every
 * block) and as the analyser does, and collects what an agent would notice: when "On hold (music)" came
 * and went, the cues that started meanwhile, the venting figure while held, and the analysis.
 */
import {
  analyseDecodedCall,
  type AnalysisReport,
} from '../../renderer/engine/call-analysis-report';
import { CallEngine, createLiveSnapshot } from '../../renderer/engine/call-engine';
import type { CallAnalysis, CueKind } from '../../renderer/engine/call-types';
import type { HoldMusicCall } from './hold-music-calls';
import { readWavFile } from './test-audio';

export interface HoldMusicRun {
  /** Each stretch the coach showed "On hold (music)": [shown, gone] (s of audio). */
  shown: [number, number][];
  /** Cues that started while it showed. */
  cuesWhileShown: { cue: CueKind; time: number }[];
  /** Distinct venting figures seen while it showed. */
  ventingWhileShown: number[];
  live: CallAnalysis;
  offline: AnalysisReport;
}

export function runHoldMusicCall(call: HoldMusicCall): HoldMusicRun {
  const { channels, sampleRate } = readWavFile(call.wav);
  const [agent, caller] = channels;
  const engine = new CallEngine({ sampleRate, recordTimeline: true });
  const snap = createLiveSnapshot();
  const shown: [number, number][] = [];
  const cuesWhileShown: { cue: CueKind; time: number }[] = [];
  const venting = new Set<number>();
  let music = false;
  for (let pos = 0; pos < caller.length; pos += 128) {
    engine.process(caller, agent, pos, Math.min(caller.length, pos + 128));
    engine.snapshot(snap);
    const now = snap.holdSource === 'music';
    if (now && !music) shown.push([snap.timeSec, Infinity]);
    if (!now && music) shown[shown.length - 1][1] = snap.timeSec;
    music = now;
    for (const e of engine.takeEvents())
      if (e.type === 'cue-start' && music) cuesWhileShown.push({ cue: e.cue, time: e.time });
    if (music) venting.add(snap.ventingSec);
  }
  const live = engine.finish();
  const offline = analyseDecodedCall(call.wav, channels, { sampleRate, agentChannel: 'left' });
  return { shown, cuesWhileShown, ventingWhileShown: [...venting], live, offline };
}

/** Seconds of caller speech in `segments` (the analyser's [start, end] pairs). */
export function talkSec(segments: readonly [number, number][]): number {
  return segments.reduce((s, [a, b]) => s + b - a, 0);
}
