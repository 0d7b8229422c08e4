/**
 * A rehearsal run offline with a scripted agent: PracticeRun plays the scenario's turns and a microphone
 * answers each one when the script says, from the turn as played (its start or end). What comes out — the
 * microphone track, where each reply was put, the turns as played and the engine's analysis — is the truth
 * the tests hold a rehearsal to, and the microphone track is what Chromium's fake capture plays in the e2e
 * run (the same turns follow from the same replies).
 */
import type { CallAnalysis } from '../../renderer/engine/call-types';
import { PracticeRun, type PlayedTurn } from '../../renderer/engine/practice/practice-run';
import type { ScenarioTurn } from '../../renderer/engine/practice/scenario-turns';
import { dbToGain, mixInto } from './test-audio';

export interface ScriptedAgent {
  /** When the reply to a turn starts (s), from the turn as played. */
  replyAt(turn: { start: number; end: number }): number;
  /** The replies' gain over the clips' level (dB). */
  gainDb: number;
}

export interface ScriptedRehearsal {
  mic: Float32Array;
  /** Where each reply was put on the microphone: [start, end] s. */
  replies: [number, number][];
  played: PlayedTurn[];
  analysis: CallAnalysis;
}

export function scriptedRehearsal(
  scenario: { sampleRate: number; audio: Float32Array; turns: ScenarioTurn[] },
  clips: readonly Float32Array[],
  agent: ScriptedAgent,
  options: { sampleRate: number; agentNormalLufs: number | null; maxSec?: number },
): ScriptedRehearsal {
  const sr = options.sampleRate;
  const run = new PracticeRun({
    sampleRate: sr,
    scenario,
    agentNormalLufs: options.agentNormalLufs,
  });
  const total = Math.round((options.maxSec ?? 90) * sr);
  const mic = new Float32Array(total);
  const callerOut = new Float32Array(total);
  const replies: [number, number][] = [];
  let pos = 0;
  for (; pos < total && run.phase !== 'done'; pos += 128) {
    while (replies.length < run.played.length) {
      const k = replies.length;
      const at = Math.round(agent.replyAt(run.played[k]) * sr);
      if (at <= pos) throw new Error(`the script answers turn ${k + 1} in the past`);
      mixInto(mic, clips[k], at, dbToGain(agent.gainDb));
      replies.push([at / sr, (at + clips[k].length) / sr]);
    }
    run.process(mic, callerOut, pos, Math.min(total, pos + 128));
  }
  if (run.phase !== 'done') throw new Error('the rehearsal did not finish');
  return { mic: mic.slice(0, pos + sr), replies, played: run.played, analysis: run.finish() };
}
