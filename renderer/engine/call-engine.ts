/**
 * The call engine: caller and agent audio in (any block size), cues, speech and overtalk out. The same
 * code runs in the AudioWorklet (128-sample blocks, snapshot() posted to the UI), in the offline analyser
 * and in the tests.
 *
 * Blocks are cut at the loudness meter's 10 ms sub-block boundaries; at the end of each sub-block (a
 * "frame") both voice detectors decide, the cue rules step and the live statistics update. Results depend
 * only on the samples, never on how they were blocked. Nothing is allocated per block; an object is made
 * per speech segment, overtalk and cue change (events), and per 100 ms timeline point when recording one.
 *
 * Hold (setHeld): what the line carries while the call is on hold is music or silence, not the caller.
 * The meters keep measuring it, but the cue rules, the calm tracker and the talk statistics are not
 * stepped: no cue starts, active cues end when the hold begins, the venting timer stays where it was,
 * and speech detected during a hold is cut from the analysis. The call's clock runs on.
 *
 * Music on hold without an event (hold-music.ts): the caller's line recognised as music holds the call the
 * same way (source 'music'), from the time it was recognised, dated back to where the music began for the
 * analysis; the caller's voice ends it (dated back to their first word). An event hold wins over it.
 */
import {
  CUE_KINDS,
  type CallAnalysis,
  type CueEvent,
  type CueInterval,
  type CueKind,
  type HoldInterval,
  type HoldSource,
  type LiveSnapshot,
  type OvertalkSegment,
  type Party,
  type PartyLiveLevels,
  type SpeechSegment,
} from './call-types';
import { CalmTracker, LiveTalkStats, computeCallMetrics } from './call-metrics';
import { AgentVoiceGate } from './agent-voice-gate';
import { CallerEchoGate, FLOOR_LEAD_SEC } from './caller-echo-gate';
import { CallParty } from './call-party';
import { TimelineRecorder } from './call-timeline';
import { ChannelOrderCheck, type ChannelOrder } from './channel-order';
import { ChannelCrosstalk, type CrosstalkMeasure } from './channel-crosstalk';
import { CueRules, type CueRulesSink } from './cue-rules';
import type { CueSettings } from './cue-settings';
import { mergeCueSettings } from './cue-settings-merge';
import { HoldMusicDetector, type HoldMusicOptions } from './hold-music';
import type { VoiceActivityOptions } from './voice-activity';

const NO_EVENTS: CueEvent[] = Object.freeze([]) as unknown as CueEvent[];

export interface CallEngineOptions {
  sampleRate: number;
  settings?: Partial<CueSettings>;
  /** The agent's calibrated normal voice (LUFS, from measureNormalVoice); else learned in the call. */
  agentNormalLufs?: number | null;
  /** Keep a 100 ms loudness timeline for finish() (offline analysis). */
  recordTimeline?: boolean;
  /** Voice detector tuning (defaults in voice-activity.ts); for experiments and measurements. */
  voiceActivity?: VoiceActivityOptions;
  /** Music-on-hold recognition (hold-music.ts): tuning, or false for none (event holds only). */
  holdMusic?: HoldMusicOptions | false;
}

export class CallEngine {
  readonly sampleRate: number;
  /** Samples per frame (the meter's 10 ms sub-block). */
  readonly frameSamples: number;
  private settingsNow: CueSettings;
  private readonly caller: CallParty;
  private readonly agent: CallParty;
  private readonly agentGate: AgentVoiceGate;
  private readonly echoGate: CallerEchoGate;
  private readonly rules: CueRules;
  private channels: ChannelOrderCheck;
  private readonly crosstalk: ChannelCrosstalk;
  private readonly calm = new CalmTracker();
  private readonly live = new LiveTalkStats();
  private readonly timeline: TimelineRecorder | null;
  private readonly frameSec: number;
  private readonly cues: CueInterval[] = [];
  private readonly overtalk: OvertalkSegment[] = [];
  private events: CueEvent[] = [];
  private samplesDone = 0;
  private frameFill = 0;
  private finished: CallAnalysis | null = null;
  private held = false;
  private holdSource: HoldSource | null = null;
  private heldSince = 0;
  private heldVentingSec = 0;
  private readonly holds: HoldInterval[] = [];
  private readonly music: HoldMusicDetector | null;

  constructor(options: CallEngineOptions) {
    this.sampleRate = options.sampleRate;
    this.settingsNow = mergeCueSettings(undefined, options.settings);
    this.caller = new CallParty('caller', options.sampleRate, options.voiceActivity);
    this.agent = new CallParty('agent', options.sampleRate, options.voiceActivity);
    this.frameSamples = this.caller.meter.subBlockSamples;
    this.frameSec = this.frameSamples / this.sampleRate;
    this.rules = new CueRules(
      this.settingsNow,
      this.frameSec,
      this.sink,
      options.agentNormalLufs ?? null,
    );
    this.channels = new ChannelOrderCheck(options.sampleRate, this.frameSec);
    this.rules.setAgentSideTrusted(!this.channels.running);
    this.crosstalk = new ChannelCrosstalk(options.sampleRate, this.frameSec);
    this.agentGate = new AgentVoiceGate(this.frameSec);
    this.echoGate = new CallerEchoGate(this.frameSec);
    this.agentGate.setCalibration(options.agentNormalLufs ?? null);
    this.timeline = options.recordTimeline ? new TimelineRecorder(options.sampleRate) : null;
    this.music =
      options.holdMusic === false
        ? null
        : new HoldMusicDetector(options.sampleRate, options.holdMusic ?? undefined);
  }

  /** Feeds caller[start, end) and agent[start, end) — the same instants of both sides. */
  process(caller: Float32Array, agent: Float32Array, start = 0, end = caller.length): void {
    if (this.finished)
      throw new Error('CallEngine.process() after finish(): start a new engine for a new call.');
    if (end > caller.length || end > agent.length || start < 0 || start > end) {
      throw new RangeError(
        `Block [${start}, ${end}) is outside the caller (${caller.length}) or agent (${agent.length}) samples.`,
      );
    }
    let pos = start;
    while (pos < end) {
      const room = this.frameSamples - this.frameFill;
      const chunkEnd = end - pos < room ? end : pos + room;
      CallParty.accumulateBoth(this.caller, this.agent, caller, agent, pos, chunkEnd);
      if (this.music?.collecting) this.music.accumulate(caller, pos, chunkEnd);
      this.crosstalk.accumulate(caller, agent, pos, chunkEnd);
      // The channel check weighs speech only: digital silence on both sides (the last frame's) is skipped.
      if (this.channels.running && !(this.caller.vad.noSignal && this.agent.vad.noSignal))
        this.channels.accumulate(caller, agent, pos, chunkEnd);
      this.samplesDone += chunkEnd - pos;
      this.frameFill += chunkEnd - pos;
      pos = chunkEnd;
      if (this.frameFill === this.frameSamples) {
        this.frameFill = 0;
        this.endFrame();
      }
    }
  }

  get timeSec(): number {
    return this.samplesDone / this.sampleRate;
  }

  get settings(): Readonly<CueSettings> {
    return this.settingsNow;
  }

  updateSettings(settings: Partial<CueSettings>): void {
    this.settingsNow = mergeCueSettings(this.settingsNow, settings);
    this.rules.updateSettings(this.settingsNow);
  }

  setAgentNormalLufs(lufs: number | null): void {
    const normal = lufs !== null && Number.isFinite(lufs) ? lufs : null;
    this.rules.setAgentNormalLufs(normal);
    this.agentGate.setCalibration(normal);
  }

  /** The agent asked to relearn: the voices' baselines and the agent gate's learned level start again (a calibration stays). */
  relearnVoices(): void {
    this.rules.relearn();
    this.agentGate.relearn();
  }

  /**
   * The phone software put the call on hold or took it off (see the header); repeating the current state
   * does nothing. It takes over a hold on music from there (its resume ends its own hold only).
   */
  setHeld(held: boolean): void {
    if (this.finished || held === (this.holdSource === 'event')) return;
    const t = this.timeSec;
    if (held) this.beginHold('event', t);
    else if (this.held) {
      this.endHold(t);
      this.music?.reset();
    }
  }

  get isHeld(): boolean {
    return this.held;
  }

  private beginHold(source: HoldSource, start: number): void {
    const t = this.timeSec;
    if (this.held) this.endHold(t);
    else {
      // Music recognised late: the venting figure as it was where the music began.
      this.heldVentingSec = Math.max(0, this.rules.callerTurnSec() - (t - start));
      this.rules.suspend(t, this.caller.frame, this.agent.frame);
    }
    const lastEnd = this.holds.length ? this.holds[this.holds.length - 1].end : 0;
    this.heldSince = Math.max(start, lastEnd);
    this.held = true;
    this.holdSource = source;
  }

  /** Music recognised; `resumed`: the music hold that ended last goes on (its release was the music's). */
  private beginMusicHold(start: number, resumed: boolean): void {
    const last = this.holds[this.holds.length - 1];
    if (!resumed || last?.source !== 'music') {
      this.beginHold('music', start);
      return;
    }
    this.holds.pop();
    const venting = this.heldVentingSec;
    this.beginHold('music', last.start);
    this.heldVentingSec = venting;
  }

  private endHold(end: number): void {
    if (end > this.heldSince && this.holdSource)
      this.holds.push({ start: this.heldSince, end, source: this.holdSource });
    this.held = false;
    this.holdSource = null;
  }

  /** The call's holds so far (s), an open one up to now. */
  holdIntervals(): HoldInterval[] {
    const all = this.holds.slice();
    if (this.holdSource && this.timeSec > this.heldSince)
      all.push({ start: this.heldSince, end: this.timeSec, source: this.holdSource });
    return all;
  }

  /** The agent's voice coming back on the caller's line, as measured (caller-echo-gate.ts); null when none. */
  get echoPath(): { delaySec: number; lossDb: number } | null {
    return this.echoGate.echoPath(this.frameSec);
  }

  /** Whose voice is on which side (channel-order.ts): pending, ok, or swapped. */
  get channelOrder(): ChannelOrder {
    return this.channels.verdict;
  }

  /**
   * The sides were swapped (or their sources changed) mid-call: whose voice is where is checked again, and
   * the voices' learned levels start again — what was learned came from the other side.
   */
  recheckChannels(): void {
    this.channels = new ChannelOrderCheck(this.sampleRate, this.frameSec);
    this.echoGate.reset();
    this.crosstalk.relearn(); // its directions were measured the other way round
    this.relearnVoices(); // forgets the learned normal voice too
    this.rules.setAgentSideTrusted(!this.channels.running);
  }

  /** Crosstalk between the channels measured so far (channel-crosstalk.ts): the directions found. */
  crosstalkFound(): CrosstalkMeasure[] {
    return this.crosstalk.detected();
  }

  /** What the banner shows now (the rules' held primary cue), without a snapshot. */
  get bannerCue(): CueKind | null {
    return this.rules.primaryCue();
  }

  /** The agent says the channels are right (after a "swapped" verdict): their side's voice counts again. */
  confirmChannels(): void {
    this.channels.verdict = 'ok';
    this.rules.setAgentSideTrusted(true);
  }

  isCueActive(cue: CueKind): boolean {
    return this.rules.isActive(cue);
  }

  /** Everything the live view shows; fills `out` without allocating when given. */
  snapshot(out: LiveSnapshot = createLiveSnapshot()): LiveSnapshot {
    out.timeSec = this.timeSec;
    this.fillParty(out.caller, this.caller, 'caller');
    this.fillParty(out.agent, this.agent, 'agent');
    const bits = this.rules.activeBits;
    out.activeCueBits = bits;
    for (let i = 0; i < CUE_KINDS.length; i++) out.cues[CUE_KINDS[i]] = (bits & (1 << i)) !== 0;
    out.primaryCue = this.rules.primaryCue();
    out.ventingSec = this.held ? this.heldVentingSec : this.rules.callerTurnSec();
    out.held = this.held;
    out.holdSource = this.holdSource;
    out.talkRatio = this.live.talkRatio();
    out.callerTalkSec = this.live.callerTalkSec;
    out.agentTalkSec = this.live.agentTalkSec;
    out.overtalkCount = this.overtalk.length;
    out.agentNormalLufs = this.rules.agentNormalLufs();
    out.agentNormalCalibrated = this.rules.agentNormalCalibrated;
    out.callerBaselineLufs = this.rules.callerBaselineLufs();
    out.channelOrder = this.channels.verdict;
    return out;
  }

  /**
   * Cue starts/ends, finished speech segments and overtalks since the last call. Allocates nothing when
   * there is nothing new (the shared empty array is returned; do not push into it).
   */
  takeEvents(): CueEvent[] {
    if (this.events.length === 0) return NO_EVENTS;
    const taken = this.events;
    this.events = [];
    return taken;
  }

  /** Ends the call: closes open speech, overlaps and cues, and returns the whole analysis. Idempotent. */
  finish(): CallAnalysis {
    if (this.finished) return this.finished;
    const t = this.timeSec;
    this.recordSegment(this.caller.flush());
    this.recordSegment(this.agent.flush());
    this.rules.finish(t, this.caller.frame, this.agent.frame);
    const holds = this.holdIntervals();
    this.held = false;
    this.holdSource = null;
    const s = this.settingsNow;
    const cues = cutHolds(this.cues, holds).sort(
      (a, b) => a.start - b.start || CUE_KINDS.indexOf(a.cue) - CUE_KINDS.indexOf(b.cue),
    );
    const speech = {
      caller: cutHolds(this.caller.segments, holds),
      agent: cutHolds(this.agent.segments, holds),
    };
    this.finished = {
      sampleRate: this.sampleRate,
      durationSec: t,
      speech,
      overtalk: this.overtalk,
      cues,
      loudness: { caller: partyLoudness(this.caller), agent: partyLoudness(this.agent) },
      metrics: computeCallMetrics({
        ...speech,
        overtalk: this.overtalk,
        cues,
        pauseSec: s.pauseSec,
        timeToCalmSec: this.calm.timeToCalmSec,
      }),
      timeline: this.timeline ? this.timeline.result() : null,
      agentNormalLufs: this.rules.agentNormalLufs(),
      holds,
    };
    return this.finished;
  }

  private endFrame(): void {
    const t = this.samplesDone / this.sampleRate;
    this.crosstalk.endFrame(this.caller, this.agent);
    const cp = this.caller.frame;
    const ap = this.agent.frame;
    const callerHasFloor =
      cp.speaking && (!ap.speaking || cp.segmentStartSec + FLOOR_LEAD_SEC <= ap.segmentStartSec);
    this.recordSegment(
      this.caller.endFrame(
        this.samplesDone,
        this.echoGate.gateFor(callerHasFloor, this.caller.vad.floorDb),
      ),
    );
    const gate = this.agentGate.beforeAgentFrame(
      this.caller.vad.frameDb,
      this.agent.vad.speaking,
      this.caller.vad.speaking,
    );
    this.recordSegment(this.agent.endFrame(this.samplesDone, gate));
    this.agentGate.afterAgentFrame(this.agent.vad, this.caller.vad);
    this.crosstalk.afterFrame(this.caller.vad.voiced, this.agent.vad.voiced);
    const cv = this.caller.vad;
    this.echoGate.afterFrames(
      cv.frameDb,
      cv.floorDb,
      this.agent.vad.frameDb,
      this.agent.vad.voiced,
    );
    const cf = this.caller.frame;
    const af = this.agent.frame;
    const music = this.music;
    if (music) {
      music.endFrame(this.samplesDone, cf.voiced, this.caller.vad.frameDb);
      if (music.started && !this.held) this.beginMusicHold(music.startSec, music.resumed);
      if (music.ended && this.holdSource === 'music') this.endHold(music.endSec);
    }
    if (this.channels.running && this.channels.endFrame(cf.voiced && !this.held, af.voiced)) {
      const swapped = this.channels.verdict === 'swapped';
      this.rules.setAgentSideTrusted(!swapped, swapped);
    }
    if (this.held) {
      if (this.timeline)
        this.timeline.record(this.samplesDone, this.caller.meter, this.agent.meter);
      return;
    }
    this.rules.step(t, cf, af);
    this.calm.step(
      t,
      this.rules.isActive('caller-heated'),
      this.rules.callerCalmStartSec(),
      cf.voiced,
      this.frameSec,
    );
    this.live.step(cf, af);
    if (this.timeline) this.timeline.record(this.samplesDone, this.caller.meter, this.agent.meter);
  }

  private recordSegment(seg: SpeechSegment | null): void {
    if (seg) this.events.push({ type: 'speech', party: seg.party, start: seg.start, end: seg.end });
  }

  private readonly sink: CueRulesSink = {
    cueStarted: (cue, time) => {
      this.events.push({ type: 'cue-start', cue, time });
    },
    cueEnded: (cue, start, time) => {
      this.events.push({ type: 'cue-end', cue, start, time });
      this.cues.push({ cue, start, end: time });
    },
    overtalk: (start, end, startedBy) => {
      this.overtalk.push({ start, end, startedBy });
      this.events.push({ type: 'overtalk', start, end, startedBy });
    },
  };

  private fillParty(out: PartyLiveLevels, side: CallParty, party: Party): void {
    const m = side.meter;
    out.momentaryLufs = m.momentaryLufs();
    out.shortTermLufs = m.shortTermLufs();
    out.fastLevelDb = m.fastLevelDb();
    out.peakDbfs = m.samplePeakDbfs();
    out.speechLufs = this.rules.speechLevelLufs(party);
    out.speaking = side.frame.speaking;
    out.muted = side.frame.muted;
  }
}

/**
 * Speech segments (or cue intervals) with the parts inside holds taken out (one across a hold's edge is cut
 * there). Only music holds can hold a cue: it ran while the music was being recognised.
 */
export function cutHolds<T extends { start: number; end: number }>(
  segments: readonly T[],
  holds: readonly { start: number; end: number }[],
): T[] {
  if (holds.length === 0) return segments as T[];
  let pieces = segments.slice();
  for (const h of holds) {
    const next: T[] = [];
    for (const seg of pieces) {
      if (seg.end <= h.start || seg.start >= h.end) next.push(seg);
      else {
        if (seg.start < h.start) next.push({ ...seg, end: h.start });
        if (seg.end > h.end) next.push({ ...seg, start: h.end });
      }
    }
    pieces = next;
  }
  return pieces;
}

function partyLoudness(side: CallParty) {
  const m = side.meter;
  return {
    integratedLufs: m.integratedLufs(),
    maxMomentaryLufs: m.maxMomentaryLufs(),
    maxShortTermLufs: m.maxShortTermLufs(),
    peakDbfs: m.samplePeakDbfs(),
  };
}

function createPartyLevels(): PartyLiveLevels {
  return {
    momentaryLufs: null,
    shortTermLufs: null,
    fastLevelDb: null,
    peakDbfs: null,
    speechLufs: null,
    speaking: false,
    muted: false,
  };
}

export function createLiveSnapshot(): LiveSnapshot {
  const cues = {} as Record<CueKind, boolean>;
  for (const c of CUE_KINDS) cues[c] = false;
  return {
    timeSec: 0,
    caller: createPartyLevels(),
    agent: createPartyLevels(),
    cues,
    activeCueBits: 0,
    primaryCue: null,
    ventingSec: 0,
    held: false,
    holdSource: null,
    talkRatio: null,
    callerTalkSec: 0,
    agentTalkSec: 0,
    overtalkCount: 0,
    agentNormalLufs: null,
    agentNormalCalibrated: false,
    channelOrder: 'pending',
    callerBaselineLufs: null,
  };
}
