/**
 * One rehearsal, block by block: the agent's microphone in, the caller's voice out (to the headset), the
 * same CallEngine as a real call between them. Pure and allocation-free per block, so the AudioWorklet
 * runs it as it runs the coach, and the tests run it on scripted replies.
 *
 * How the caller behaves (the rules a real caller's turn-taking follows, simplified):
 *   - a turn plays to its end whatever the agent does: talking over the caller does not stop them;
 *   - after a turn the caller waits for the agent's reply: the reply is the agent's speech going on at or
 *     starting after the turn's end (the engine's voice detector decides what is speech) — or, when the
 *     agent cut in during the turn (CUT_IN_SEC of speech, more than a backchannel) and stopped before its
 *     end, what they said;
 *   - the next turn starts once the reply has finished: the agent silent for the pause threshold (the
 *     cue settings' `pauseSec`, 0.8 s — the same silence that says "your turn" to the agent), plus the
 *     caller's reaction time;
 *   - a caller left without an answer for `maxWaitSec` goes on (the turn is scored as unanswered).
 *
 * Each turn plays the scenario's samples [start − lead, end + tail] at the turn's gain and pace (pace by
 * linear interpolation: a faster caller, a little higher). Between turns the line is not digital silence but
 * the recording's own line after the turn (its noise, read back and forth): against silence the engine's
 * voice detector would take a turn's last breath of line noise for voice. Times in `played` are on the rehearsal's clock
 * (s from its first sample): where the caller's speech of each turn started and ended as played.
 */
import { CallEngine, createLiveSnapshot } from '../call-engine';
import type { CallAnalysis, LiveSnapshot } from '../call-types';
import type { CueSettings } from '../cue-settings';
import type { ScenarioTurn } from './scenario-turns';

export interface PlayedTurn {
  /** The turn's index in the scenario. */
  index: number;
  /** Where the caller's speech started and ended, as played (s on the rehearsal's clock). */
  start: number;
  end: number;
  /** When the next turn was started, or the rehearsal ended (s). */
  until: number;
  /** The caller gave up waiting: no reply within maxWaitSec. */
  unanswered: boolean;
}

export interface PracticeRunOptions {
  sampleRate: number;
  /** The scenario's caller (mono, at its own rate) and turns. */
  scenario: { sampleRate: number; audio: Float32Array; turns: readonly ScenarioTurn[] };
  settings?: Partial<CueSettings>;
  /** The agent's calibrated normal voice (LUFS); the score's "softly" compares against it. */
  agentNormalLufs?: number | null;
  /** Silence before the first turn (s). */
  leadInSec?: number;
  /** The caller's reaction time after the agent's reply has finished (s). */
  reactionSec?: number;
  /** How long the caller waits for an answer that does not come (s). */
  maxWaitSec?: number;
}

export type PracticePhase = 'lead-in' | 'caller' | 'waiting' | 'reply' | 'done';

const EDGE_LEAD_SEC = 0.05;
const EDGE_TAIL_SEC = 0.15;
/** A line stretch shorter than this is not looped (silence instead). */
const MIN_LINE_SEC = 0.2;
/**
 * The agent speaking this long during a caller's turn (the voice detector's speaking time, its 0.3 s
 * hangover included) cut in with words, not an "mm-hm" (0.2–0.4 s of voice, under 0.7 s with the hangover).
 */
const CUT_IN_SEC = 1;

export class PracticeRun {
  readonly sampleRate: number;
  readonly played: PlayedTurn[] = [];
  private readonly engine: CallEngine;
  private readonly turns: readonly ScenarioTurn[];
  private readonly source: Float32Array;
  /** Scenario samples per output sample at pace 1 (the rates may differ). */
  private readonly rateRatio: number;
  private readonly snap: LiveSnapshot = createLiveSnapshot();
  private readonly pauseSec: number;
  private readonly reactionSec: number;
  private readonly maxWaitSec: number;
  private phaseNow: PracticePhase = 'lead-in';
  private samplesDone = 0;
  private turnIndex = -1;
  /** Read position in the scenario (fractional sample) and the end of the current clip. */
  private readPos = 0;
  private clipEnd = 0;
  private step = 1;
  /** The line between turns: where in the scenario it reads (fractional samples), and which way. */
  private lineFrom = 0;
  private lineTo = 0;
  private linePos = 0;
  private lineStep = 1;
  private gain = 1;
  private waitFrom = 0;
  private agentSilentSince = 0;
  /** How long the agent spoke during the caller's current turn (s). */
  private agentSpokeSec = 0;
  private nextAt: number;
  private finished: CallAnalysis | null = null;

  constructor(options: PracticeRunOptions) {
    this.sampleRate = options.sampleRate;
    this.turns = options.scenario.turns;
    this.source = options.scenario.audio;
    this.rateRatio = options.scenario.sampleRate / options.sampleRate;
    this.engine = new CallEngine({
      sampleRate: options.sampleRate,
      settings: options.settings,
      agentNormalLufs: options.agentNormalLufs ?? null,
      recordTimeline: true,
      holdMusic: false,
    });
    this.pauseSec = this.engine.settings.pauseSec;
    this.reactionSec = options.reactionSec ?? 0.4;
    this.maxWaitSec = options.maxWaitSec ?? 12;
    this.nextAt = options.leadInSec ?? 1;
    if (this.turns.length === 0) this.phaseNow = 'done';
    else this.setLine(0, this.turns[0].start - EDGE_LEAD_SEC);
  }

  get phase(): PracticePhase {
    return this.phaseNow;
  }

  get timeSec(): number {
    return this.samplesDone / this.sampleRate;
  }

  /** The turn playing or last played (its index in the scenario), -1 before the first. */
  get turn(): number {
    return this.turnIndex;
  }

  /** What the live coach shows (the engine's snapshot), filled into `out`. */
  snapshot(out: LiveSnapshot): LiveSnapshot {
    return this.engine.snapshot(out);
  }

  /** The engine's cue and speech events since the last call (CallEngine.takeEvents). */
  takeEvents() {
    return this.engine.takeEvents();
  }

  /**
   * The agent's microphone mic[start, end) in; the caller's voice for the same instants written to
   * callerOut[start, end) (silence between turns); both fed to the engine.
   */
  process(mic: Float32Array, callerOut: Float32Array, start = 0, end = mic.length): void {
    if (this.finished) throw new Error('PracticeRun.process() after finish().');
    const frame = this.engine.frameSamples;
    let pos = start;
    while (pos < end) {
      const room = frame - (this.samplesDone % frame);
      const chunkEnd = Math.min(end, pos + room);
      this.render(callerOut, pos, chunkEnd);
      this.engine.process(callerOut, mic, pos, chunkEnd);
      this.samplesDone += chunkEnd - pos;
      pos = chunkEnd;
      if (this.samplesDone % frame === 0) this.afterFrame();
    }
  }

  /** Ends the rehearsal: the engine's analysis of it (speech, overtalk, cues, timeline). Idempotent. */
  finish(): CallAnalysis {
    if (this.finished) return this.finished;
    const last = this.played[this.played.length - 1];
    if (last && this.phaseNow !== 'done') last.until = this.timeSec;
    this.phaseNow = 'done';
    this.finished = this.engine.finish();
    return this.finished;
  }

  private render(out: Float32Array, start: number, end: number): void {
    const src = this.source;
    const playing = this.phaseNow === 'caller';
    for (let i = start; i < end; i++) {
      const p = this.readPos;
      if (!playing || p >= this.clipEnd - 1) {
        out[i] = this.lineSample() * this.gain;
        continue;
      }
      const k = Math.floor(p);
      const f = p - k;
      out[i] = (src[k] * (1 - f) + src[k + 1] * f) * this.gain;
      this.readPos = p + this.step;
    }
  }

  /** The caller's line between turns: the recording's own silence after the turn, read back and forth. */
  private lineSample(): number {
    if (this.lineTo <= this.lineFrom) return 0;
    let p = this.linePos + this.lineStep;
    if (p >= this.lineTo || p < this.lineFrom) {
      this.lineStep = -this.lineStep;
      p = this.linePos + this.lineStep;
    }
    this.linePos = p;
    const k = Math.floor(p);
    const f = p - k;
    return this.source[k] * (1 - f) + this.source[k + 1] * f;
  }

  /** The stretch of the scenario (s) the line plays until the next turn; none when shorter than 0.2 s. */
  private setLine(fromSec: number, toSec: number): void {
    const srcRate = this.sampleRate * this.rateRatio;
    this.lineFrom = Math.max(0, fromSec * srcRate);
    this.lineTo = Math.min(this.source.length - 2, toSec * srcRate);
    if (this.lineTo - this.lineFrom < MIN_LINE_SEC * srcRate) this.lineTo = this.lineFrom;
    this.linePos = this.lineFrom;
    this.lineStep = this.rateRatio;
  }

  private afterFrame(): void {
    const t = this.timeSec;
    const agentSpeaking = this.engine.snapshot(this.snap).agent.speaking;
    switch (this.phaseNow) {
      case 'lead-in':
        if (t >= this.nextAt) this.startTurn(0, t);
        return;
      case 'caller':
        if (agentSpeaking) this.agentSpokeSec += this.engine.frameSamples / this.sampleRate;
        if (this.readPos >= this.clipEnd - 1) {
          // An agent who cut in and stopped before the caller finished has answered already.
          const answered = agentSpeaking || this.agentSpokeSec >= CUT_IN_SEC;
          this.phaseNow = answered ? 'reply' : 'waiting';
          this.waitFrom = t;
          this.agentSilentSince = t;
        }
        return;
      case 'waiting':
        if (agentSpeaking) this.phaseNow = 'reply';
        else if (t - this.waitFrom >= this.maxWaitSec) {
          this.played[this.played.length - 1].unanswered = true;
          this.nextTurn(t);
        }
        return;
      case 'reply':
        if (agentSpeaking) this.agentSilentSince = t;
        else if (t - this.agentSilentSince >= this.pauseSec + this.reactionSec) this.nextTurn(t);
        return;
      case 'done':
        return;
    }
  }

  private nextTurn(t: number): void {
    this.played[this.played.length - 1].until = t;
    if (this.turnIndex + 1 < this.turns.length) this.startTurn(this.turnIndex + 1, t);
    else this.phaseNow = 'done';
  }

  private startTurn(index: number, t: number): void {
    const turn = this.turns[index];
    const rate = this.rateRatio;
    const srcRate = this.sampleRate * rate;
    const from = Math.max(0, turn.start - EDGE_LEAD_SEC);
    const next = index + 1 < this.turns.length ? this.turns[index + 1].start : Infinity;
    const to = Math.min(turn.end + EDGE_TAIL_SEC, next, this.source.length / srcRate);
    this.turnIndex = index;
    this.agentSpokeSec = 0;
    this.readPos = from * srcRate;
    this.clipEnd = to * srcRate;
    this.setLine(to, Math.min(next - EDGE_LEAD_SEC, this.source.length / srcRate));
    this.step = rate * turn.pace;
    this.gain = Math.pow(10, turn.gainDb / 20);
    // The clip starts playing at the next sample: t on the rehearsal's clock.
    const outSec = (sec: number) => t + (sec - from) / turn.pace;
    this.played.push({
      index,
      start: outSec(turn.start),
      end: outSec(turn.end),
      until: Infinity,
      unanswered: false,
    });
    this.phaseNow = 'caller';
  }
}
