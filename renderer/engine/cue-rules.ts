/**
 * The de-escalation cues: one state machine over both channels, stepped once per 10 ms frame with each
 * party's voice-activity decision and K-weighted frame power. Every threshold comes from CueSettings.
 *
 *   wait-for-pause  the caller holds the floor: from the start of their speech until they have been silent
 *                   for `pauseSec` (measured from the end of their last voiced frame) or the agent starts
 *                   speaking in their pause. Breaths and gaps between sentences do not switch it off.
 *   your-turn       the caller's turn ended with `pauseSec` of silence and the agent is not speaking: it
 *                   follows wait-for-pause without a gap. Ends when either party starts speaking again.
 *   talking-over    agent and caller speech overlap for more than `backchannelSec` (counted on voiced
 *                   frames, from the later of the two true speech starts). `startedBy` is whoever started
 *                   speaking second. A shorter overlap ("mm-hm") is a backchannel and shows nothing. A pause of
 *                   either party shorter than FLOOR_BRIDGE_SEC (0.5 s: a breath, a comma) does not end it.
 *   too-loud        the agent holds the floor (speaking, or paused for less than FLOOR_BRIDGE_SEC, e.g. between
 *                   two sentences) and their speech-gated level (speech-level.ts) is more than
 *                   `tooLoudMarginLu` above their normal voice — or, while the caller is heated, more than
 *                   half that margin: raising one's voice along with an angry caller is the escalation this
 *                   cue exists to stop. Normal voice = the calibration when given, else the mean level of the
 *                   agent's first 3 s of voiced speech in the call (nothing fires while it is being learned).
 *                   The agent's level window restarts after each such turn, so a loud answer does not make the
 *                   next, normal one look loud.
 *   caller-heated   the caller's speech-gated level is more than `heatedMarginLu` above their baseline for
 *                   this call: learned from their first 3 s of voiced speech, then following their voice with
 *                   a 60 s time constant — never upwards while they are heated. It comes on from the 1.5 s
 *                   level once that holds HEATED_MIN_VOICED_SEC of speech (a raised voice shows within
 *                   a second; one stressed first syllable does not) and goes off only when both that and
 *                   the level of the caller's last 2 s of voiced speech (whenever spoken) are `hysteresisLu`
 *                   below the switch-on point: one softer sentence ending or a breath does not end it, and it
 *                   holds through the caller's silences until they speak calmly again.
 *
 * Level cues switch off `hysteresisLu` below their switch-on threshold, and every cue stays on at least
 * `minHoldSec` (cue-hold.ts) — together they keep the banner from flickering.
 *
 * Levels: speech-gated, K-weighted energy of the voiced frames in the last 1.5 s, valid once 0.25 s of voiced
 * frames are in the window. 1.5 s is long enough to average over several syllables (single vowels vary by
 * ±5 dB), short enough that a raised voice shows within half a second.
 *
 * Banner priority (PRIMARY_CUE_ORDER): talking-over (stop now) > too-loud (lower your voice) > your-turn
 * (speak, softly) > caller-heated (context) > wait-for-pause (the default while the caller speaks). The
 * banner itself holds each state it shows `minHoldSec` too (banner-hold.ts).
 *
 * No allocation per frame; an event object per cue change or overtalk goes to the sink.
 */
import { CUE_KINDS, type CueKind, type Party } from './call-types';
import { BannerHold } from './banner-hold';
import { CueHold, type CueTransitionSink } from './cue-hold';
import type { CueSettings } from './cue-settings';
import { SpeechBaseline, SpeechLevelWindow } from './speech-level';

export const LEVEL_WINDOW_SEC = 1.5;
export const LEVEL_MIN_VOICED_SEC = 0.25;
/**
 * Caller-heated waits for this much voiced speech in its 1.5 s window: the first stressed syllable of a
 * sentence often stands 5–7 LU over the voice's average (measured on real recorded callers), a raised voice
 * stays up for the whole phrase.
 */
export const HEATED_MIN_VOICED_SEC = 0.4;
export const LEARN_VOICED_SEC = 3;
/**
 * The normal voice is used from the agent's first NORMAL_PROVISIONAL_SEC of voiced speech (the mean so far),
 * and goes on being learned to LEARN_VOICED_SEC — from speech not flagged too loud — so a third reply raised
 * after one normal sentence is cued.
 */
export const NORMAL_PROVISIONAL_SEC = 1;
/**
 * A reply this far under the normal voice learned so far (LU, its 1.5 s level) is the agent speaking softly,
 * not their normal voice: not learned. Measured on the path calls: a second reply 6 dB softer pulled the
 * normal voice 2–3 LU down and the next normal reply read "too loud" (soft-6); 3 LU: none, the floor table and
 * the raised-12 call unchanged.
 */
export const SOFT_REPLY_LU = 3;
/** A pause shorter than this (a breath, a comma, between two sentences) does not end an overlap or a loud answer. */
export const FLOOR_BRIDGE_SEC = 0.5;
/** The caller's recent speech (voiced frames only, however far back) that must be calm to end caller-heated. */
export const CALM_VOICED_SEC = 2;
export const BASELINE_ADAPT_SEC = 60;
/** A change of the caller's floor this large (dB) is the line's level stepping; smaller is the floor's own wobble. */
export const LINE_STEP_MIN_DB = 3;
/** A floor step larger than this (dB) is the background changing, not the line's gain (a handset is 10–15 dB over a speakerphone). */
export const LINE_STEP_MAX_DB = 15;
/** A floor under this (dB) is no background to follow (digital silence, a clean recording). */
const MIN_LINE_FLOOR_DB = -100;

export const PRIMARY_CUE_ORDER: readonly CueKind[] = Object.freeze([
  'talking-over',
  'too-loud',
  'your-turn',
  'caller-heated',
  'wait-for-pause',
] as const);

const WAIT = CUE_KINDS.indexOf('wait-for-pause');
const TURN = CUE_KINDS.indexOf('your-turn');
const OVER = CUE_KINDS.indexOf('talking-over');
const LOUD = CUE_KINDS.indexOf('too-loud');
const HEATED = CUE_KINDS.indexOf('caller-heated');
const PRIMARY_INDEX = PRIMARY_CUE_ORDER.map((c) => CUE_KINDS.indexOf(c));

/** One party's voice-activity result for the frame just ended (times in seconds). Reused every frame. */
export interface PartyFrame {
  voiced: boolean;
  speaking: boolean;
  segmentStarted: boolean;
  segmentStartSec: number;
  segmentEnded: boolean;
  /** End of the last voiced frame of the current or latest segment; -1 before any speech. */
  lastVoicedEndSec: number;
  /** K-weighted mean square of the frame. */
  power: number;
  /** The channel has been digital silence for a while (a muted or silent mic, no capture yet). */
  muted: boolean;
  /** The voice detector's noise floor (dB, band-limited): the line's background; -Infinity while only assumed. */
  floorDb: number;
}

export function createPartyFrame(): PartyFrame {
  return {
    voiced: false,
    speaking: false,
    segmentStarted: false,
    segmentStartSec: 0,
    segmentEnded: false,
    lastVoicedEndSec: -1,
    power: 0,
    muted: false,
    floorDb: -Infinity,
  };
}

export interface CueRulesSink extends CueTransitionSink {
  overtalk(start: number, end: number, startedBy: Party): void;
}

export class CueRules {
  private settings: CueSettings;
  private readonly sink: CueRulesSink;
  private readonly hold = new CueHold();
  private readonly banner = new BannerHold();
  private readonly callerLevel: SpeechLevelWindow;
  private readonly callerRecentSpeech: SpeechLevelWindow;
  private readonly agentLevel: SpeechLevelWindow;
  private readonly callerBaseline: SpeechBaseline;
  private readonly agentNormal: SpeechBaseline;
  private readonly normalProvisionalFrames: number;
  private agentCalibrated = false;
  /** The agent's side is known to carry the agent (channel-order.ts): a learned normal voice counts. */
  private agentSideTrusted = true;
  private readonly heatedMinFrames: number;

  private callerSegStart = 0;
  private agentSegStart = 0;
  private overlapOpen = false;
  private overlapStart = 0;
  private overlapBy: Party = 'agent';
  private overlapQualified = false;

  private turnOpen = false;
  private turnStart = 0;
  private callerLastVoicedEnd = -1;
  private yourTurn = false;
  private loud = false;
  private heated = false;
  private calmSince = -1;
  private calmStart = -1;
  /** The caller's floor when their baseline was last set (dB): a step in it moves the baseline. */
  private callerFloorRef = 0;

  constructor(
    settings: CueSettings,
    frameSec: number,
    sink: CueRulesSink,
    agentNormalLufs: number | null = null,
  ) {
    this.settings = { ...settings };
    this.sink = sink;
    const windowFrames = Math.round(LEVEL_WINDOW_SEC / frameSec);
    const minVoiced = Math.round(LEVEL_MIN_VOICED_SEC / frameSec);
    const learnFrames = Math.round(LEARN_VOICED_SEC / frameSec);
    this.callerLevel = new SpeechLevelWindow(windowFrames, minVoiced);
    this.heatedMinFrames = Math.round(HEATED_MIN_VOICED_SEC / frameSec);
    this.callerRecentSpeech = new SpeechLevelWindow(
      Math.round(CALM_VOICED_SEC / frameSec),
      minVoiced,
    );
    this.agentLevel = new SpeechLevelWindow(windowFrames, minVoiced);
    this.callerBaseline = new SpeechBaseline(learnFrames, frameSec, BASELINE_ADAPT_SEC);
    this.agentNormal = new SpeechBaseline(learnFrames, frameSec, 0);
    this.normalProvisionalFrames = Math.round(NORMAL_PROVISIONAL_SEC / frameSec);
    this.setAgentNormalLufs(agentNormalLufs);
  }

  updateSettings(settings: CueSettings): void {
    this.settings = { ...settings };
  }

  /** A calibrated normal voice (LUFS), or null to learn it from the agent's first seconds of speech. */
  setAgentNormalLufs(lufs: number | null): void {
    this.agentCalibrated = lufs !== null;
    this.agentNormal.set(lufs);
  }

  /** Forgets the caller's baseline and the learned normal voice (a calibration stays): learned again from the next confident speech. */
  relearn(): void {
    this.callerBaseline.set(null);
    if (!this.agentCalibrated) this.agentNormal.set(null);
  }

  /**
   * Whether the agent's side may be taken for the agent's voice. Until it may, a normal voice learned from
   * it is kept aside (no "too loud", none shown); when the side turns out to carry the caller, it is
   * forgotten — the caller's voice is never the agent's normal voice. A calibration always counts.
   */
  setAgentSideTrusted(trusted: boolean, forgetLearned = false): void {
    this.agentSideTrusted = trusted;
    if (forgetLearned && !this.agentCalibrated) this.agentNormal.set(null);
  }

  get agentNormalCalibrated(): boolean {
    return this.agentCalibrated;
  }

  /** Advances one frame ending at `t` (s). */
  step(t: number, caller: PartyFrame, agent: PartyFrame): void {
    const s = this.settings;

    // Levels and references.
    this.callerLevel.push(caller.power, caller.voiced);
    this.agentLevel.push(agent.power, agent.voiced);
    this.followCallerLine(caller);
    if (caller.voiced) {
      this.callerRecentSpeech.push(caller.power, true);
      this.callerBaseline.push(caller.power, this.heated);
    }
    // A reply already flagged too loud is not the normal voice being learned, nor one clearly softer than
    // it so far: the agent answering softly, as "your turn" asks, would make their next normal one look loud.
    if (agent.voiced && !this.agentCalibrated && !this.loud && !this.agentSofter())
      this.agentNormal.push(agent.power, false);
    if (caller.segmentStarted) this.callerSegStart = caller.segmentStartSec;
    this.callerLastVoicedEnd = caller.lastVoicedEndSec;
    if (agent.segmentStarted) this.agentSegStart = agent.segmentStartSec;

    this.stepOverlap(t, caller, agent);
    this.stepTurn(t, caller, agent);

    // caller-heated: caller speech level against their own baseline, with hysteresis; held through silence.
    const base = this.callerBaseline.lufs();
    const callerLevel = this.callerLevel.levelLufs();
    const recent = this.callerRecentSpeech.levelLufs();
    if (base !== null) {
      const on = base + s.heatedMarginLu;
      const off = on - s.hysteresisLu;
      if (!this.heated)
        this.heated =
          callerLevel !== null &&
          this.callerLevel.voicedFrames >= this.heatedMinFrames &&
          callerLevel > on;
      else {
        // Since when the caller's 1.5 s level has been back under the switch-off point (for time to calm).
        if (callerLevel !== null && callerLevel > off) this.calmSince = -1;
        else if (this.calmSince < 0 && callerLevel !== null) this.calmSince = t;
        this.heated =
          (callerLevel !== null && callerLevel > off) || (recent !== null && recent > off);
        if (!this.heated) {
          this.calmStart = this.calmSince >= 0 ? this.calmSince : t;
          this.calmSince = -1;
        }
      }
    }

    // too-loud: agent speech level against their normal voice, only while they speak.
    const normal = this.agentNormalLufs();
    const agentLevel = this.agentLevel.levelLufs();
    const agentInTurn =
      agent.speaking ||
      (agent.lastVoicedEndSec >= 0 && t - agent.lastVoicedEndSec < FLOOR_BRIDGE_SEC);
    if (!agentInTurn) {
      this.loud = false;
      if (this.agentLevel.voicedFrames > 0) this.agentLevel.clear();
    } else if (normal === null) this.loud = false;
    else if (agentLevel !== null) {
      const margin = this.hold.isOn(HEATED) ? s.tooLoudMarginLu / 2 : s.tooLoudMarginLu;
      const on = normal + margin;
      this.loud = this.loud ? agentLevel > on - s.hysteresisLu : agentLevel > on;
    }

    const h = this.hold;
    const hold = s.minHoldSec;
    h.update(WAIT, this.turnOpen, t, hold, this.sink);
    h.update(TURN, this.yourTurn, t, hold, this.sink);
    h.update(OVER, this.overlapOpen && this.overlapQualified, t, hold, this.sink);
    h.update(LOUD, this.loud, t, hold, this.sink);
    h.update(HEATED, this.heated, t, hold, this.sink);
    this.banner.update(this.activePrimary(), t, hold);
  }

  /** End of the call at `t`: closes an open overlap and ends every active cue. */
  finish(t: number, caller: PartyFrame, agent: PartyFrame): void {
    if (this.overlapOpen) this.closeOverlap(caller, agent);
    this.hold.endAll(t, this.sink);
    this.banner.clear(t);
    this.yourTurn = false;
    this.turnOpen = false;
    this.loud = false;
  }

  /**
   * The call went on hold at `t`: an open overlap closes, every active cue ends (whatever its hold) and the
   * caller's turn is over. Not stepped while held; the next step() after the hold starts from here.
   */
  suspend(t: number, caller: PartyFrame, agent: PartyFrame): void {
    this.finish(t, caller, agent);
  }

  isActive(cue: CueKind): boolean {
    return this.hold.isOn(CUE_KINDS.indexOf(cue));
  }

  /** Bit i set when CUE_KINDS[i] is on. */
  get activeBits(): number {
    return this.hold.activeBits;
  }

  /** What the banner shows (banner-hold.ts): the highest active cue, each state held `minHoldSec`. */
  primaryCue(): CueKind | null {
    return this.banner.cue;
  }

  private activePrimary(): CueKind | null {
    for (let i = 0; i < PRIMARY_INDEX.length; i++)
      if (this.hold.isOn(PRIMARY_INDEX[i])) return PRIMARY_CUE_ORDER[i];
    return null;
  }

  /** Length of the caller's current turn (s, start to their latest voiced frame); 0 when they do not hold the floor. */
  callerTurnSec(): number {
    return this.turnOpen ? Math.max(0, this.callerLastVoicedEnd - this.turnStart) : 0;
  }

  /**
   * When the caller last calmed down: at the latest switch-off of caller-heated, the moment their 1.5 s
   * speech level had come back under the switch-off point (the switch-off itself waits for their last 2 s
   * of speech to agree). -1 before any.
   */
  callerCalmStartSec(): number {
    return this.calmStart;
  }

  speechLevelLufs(party: Party): number | null {
    return party === 'caller' ? this.callerLevel.levelLufs() : this.agentLevel.levelLufs();
  }

  callerBaselineLufs(): number | null {
    return this.callerBaseline.lufs();
  }

  /** The agent's level now is SOFT_REPLY_LU or more under the normal voice learned so far. */
  private agentSofter(): boolean {
    const normal = this.agentNormal.provisionalLufs(this.normalProvisionalFrames);
    const level = this.agentLevel.levelLufs();
    return normal !== null && level !== null && level < normal - SOFT_REPLY_LU;
  }

  /** The normal voice in use: calibrated, or learned on a side known to be the agent's; else null. */
  agentNormalLufs(): number | null {
    return this.agentCalibrated || this.agentSideTrusted
      ? this.agentNormal.provisionalLufs(this.normalProvisionalFrames)
      : null;
  }

  /**
   * A caller line whose level steps (the phone moved, the handset picked up) moves the caller's background
   * with their voice: the floor between their words rises or falls, while a raised voice leaves it where it
   * was. After such a step the baseline is learned again from the caller's next LEARN_VOICED_SEC of speech
   * (the floor's own step understates the voice's: the line's noise does not step), so a louder line is not
   * a heated caller. A floor step of more than LINE_STEP_MAX_DB is taken as a new background instead. Judged while the caller is silent and not heated (a floor read between shouted words is
   * not trusted).
   */
  private followCallerLine(caller: PartyFrame): void {
    if (caller.muted || !(caller.floorDb > MIN_LINE_FLOOR_DB)) return;
    if (this.callerBaseline.lufs() === null) {
      this.callerFloorRef = caller.floorDb;
      return;
    }
    if (caller.speaking || this.heated) return;
    const d = caller.floorDb - this.callerFloorRef;
    const step = d < 0 ? -d : d;
    if (step < LINE_STEP_MIN_DB) return;
    // Beyond what moving a phone does, the background itself changed (a line's noise, not its gain).
    if (step <= LINE_STEP_MAX_DB) this.callerBaseline.set(null);
    this.callerFloorRef = caller.floorDb;
  }

  private stepOverlap(t: number, caller: PartyFrame, agent: PartyFrame): void {
    const bridge = this.overlapOpen ? FLOOR_BRIDGE_SEC : 0;
    const callerOn = caller.speaking || (bridge > 0 && t - caller.lastVoicedEndSec < bridge);
    const agentOn = agent.speaking || (bridge > 0 && t - agent.lastVoicedEndSec < bridge);
    if (callerOn && agentOn) {
      if (!this.overlapOpen) {
        this.overlapOpen = true;
        this.overlapQualified = false;
        const agentLater = this.agentSegStart >= this.callerSegStart;
        this.overlapStart = agentLater ? this.agentSegStart : this.callerSegStart;
        this.overlapBy = agentLater ? 'agent' : 'caller';
      }
      // Only voiced time counts: both parties' last voiced frames bound the overlap.
      const end = Math.min(caller.lastVoicedEndSec, agent.lastVoicedEndSec);
      if (end - this.overlapStart > this.settings.backchannelSec + 1e-9)
        this.overlapQualified = true;
    } else if (this.overlapOpen) {
      this.closeOverlap(caller, agent);
    }
  }

  private closeOverlap(caller: PartyFrame, agent: PartyFrame): void {
    this.overlapOpen = false;
    const end = Math.min(caller.lastVoicedEndSec, agent.lastVoicedEndSec);
    if (this.overlapQualified && end > this.overlapStart)
      this.sink.overtalk(this.overlapStart, end, this.overlapBy);
    this.overlapQualified = false;
  }

  private stepTurn(t: number, caller: PartyFrame, agent: PartyFrame): void {
    if (caller.segmentStarted) {
      this.yourTurn = false;
      if (!this.turnOpen) {
        this.turnOpen = true;
        this.turnStart = caller.segmentStartSec;
      }
    }
    if (agent.segmentStarted) {
      this.yourTurn = false;
      // The agent took the floor after the caller stopped: the caller's turn is over, already answered.
      // While the caller still speaks (a gap between their words is not a stop), it is a backchannel or
      // an interruption, and the caller keeps the floor.
      if (this.turnOpen && !caller.speaking) this.turnOpen = false;
    }
    if (this.turnOpen && t - caller.lastVoicedEndSec >= this.settings.pauseSec - 1e-9) {
      this.turnOpen = false;
      // An agent still speaking from before the pause holds the floor: no prompt.
      if (!agent.speaking) this.yourTurn = true;
    }
  }
}
