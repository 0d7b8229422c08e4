/**
 * What the agent's channel knows that a plain voice detector does not: it is a close microphone, and the
 * caller's channel says what the earpiece is playing. Per frame it gives the agent's voice detector a
 * minimum energy (dB, band-limited mean square, the detector's own scale) below which a frame is not the
 * agent speaking:
 *
 * Close talk. The agent's own speech is by far the loudest voice in a boom mic: neighbours on an open floor
 * arrive 25–45 dB below it. The gate is CLOSE_TALK_SPAN_DB under the agent's speech level, which is
 *   - the calibration when there is one (it wins),
 *   - else learned in the call: the mean power of the agent's first LEARN_SEC of voiced frames in
 *     confirmed speech, then following it slowly (ADAPT_SEC, each frame clamped to ±6 dB so a shout or a
 *     whisper moves it little);
 *   - before anything is learned, PRIOR_SPEECH_DB: a headset mic at ordinary gain puts conversational
 *     speech near −26 dBFS (ITU-T P.56 active level, the telephony norm), about −27 dB in the detector's
 *     250–3600 Hz band. The prior gate (−42 dB) admits agents down to about −38 dBFS; quieter set-ups need
 *     the calibration.
 *   Babble peaks sit 6–8 dB over its average, so 15 dB keeps neighbours 25 dB down out while the agent's
 *   own vowels, 0–10 dB under their level, pass; once their level is known, a start must come within
 *   KNOWN_ONSET_SPAN_DB of it (closer voices stay out), FRESH_ONSET_SPAN_DB to break into the caller's speech;
 *   once the agent speaks, CLOSE_TALK_HOLD_SPAN_DB lets their sentence ends fade out for FADE_SEC; weak
 *   consonants in between are bridged by the hangover.
 *
 * Earpiece leak. A delayed, attenuated copy of the caller is leak, not the agent (an echo canceller's
 * double-talk question, answered the Geigel way on frame energies): the gate is the loudest caller frame
 * of the last LEAK_WINDOW_SEC (leak arrives 0–150 ms late) plus the measured coupling plus LEAK_MARGIN_DB,
 * and never more than LEAK_MIN_DOWN_DB under that loudest frame. The coupling (agent energy minus that
 * caller maximum while the caller speaks) is tracked as its 90th percentile over frames that are clearly
 * not the agent (not speaking, under their close-talk gate, under −12 dB): a leaking headset measures near
 * its leak level, a tight one near the mic's noise. Until measured it is LEAK_PRIOR_DB, so any sound 15 dB
 * or more under the caller is leak.
 * The agent breaking in is louder than that by far and counts from their first word.
 *
 * The room as the mic hears it now. A headset's automatic gain control lifts everything the mic hears in
 * the agent's silences — up to 18 dB — so neighbours who sat well under the close-talk gate reach it; a
 * neighbour close by does the same without any AGC. A close voice starts with a jump over the room the mic
 * is hearing, whatever its gain: so the agent's speech must also start BG_ONSET_DB over the room's median
 * level of the last BG_WINDOW_SEC they were not speaking, and goes on only BG_HOLD_DB over that level (held
 * from before they spoke: while they speak the AGC turns down and the room with it). Babble's frames sit
 * within a few dB of its median; a quiet room leaves this gate far under the close-talk one.
 *
 * Pure, allocation-free, stepped once per 10 ms frame.
 */
import { SpeechBaseline } from './speech-level';
import type { VoiceActivityDetector } from './voice-activity';

export const CLOSE_TALK_SPAN_DB = 15;
/**
 * Once the agent is speaking, a frame may be this far under their level and still continue their speech:
 * the weak last syllables of a sentence fall 15–25 dB under its vowels. Measured on the floor calls: the
 * 15 dB gate alone cut 0.1–0.2 s off sentence ends; 25 dB let neighbours 25 dB down prolong the agent's
 * speech (two false overtalks) and moved more boundaries with the frame phase; 20 dB does neither. Used
 * only once the agent's level is known (before that, the prior is a guess).
 */
export const CLOSE_TALK_HOLD_SPAN_DB = 20;
export const PRIOR_SPEECH_DB = -27;
/**
 * Once the agent's level is known (calibrated or learned), their speech starts within this much of it: a
 * close voice's syllables open 0–10 dB under its level, while a neighbour who calls out 10 dB under it, or a
 * room an AGC has lifted to 12 dB under it, does not reach it. (Measured on the floor and path calls: 15 dB
 * let the AGC +12 dB room speak for the agent — accuracy 0.96, a pause in four cued; 10 dB: 1.00, every
 * pause — and left the floor table as it was; the prior still uses CLOSE_TALK_SPAN_DB, a guess wants room.)
 */
export const KNOWN_ONSET_SPAN_DB = 10;
/**
 * A fresh start during the caller's speech — the agent silent for FRESH_AFTER_SEC or more, so it would be
 * an interruption — must come within this much of their level: an agent breaking in does so at their voice,
 * while a neighbour calling out 10 dB under it peaks 3–7 dB under, and a room an AGC lifted by 18 dB in the
 * agent's silence reaches it in bursts. In the caller's pauses the agent's turn opens at KNOWN_ONSET_SPAN_DB:
 * answering softly, as "your turn" asks, must count at once. Measured on the path calls (the floor table
 * unchanged): 10 dB → callout-10 agent accuracy 0.90 with 3 false overtalks, AGC +18 dB 0.89 with 3; 5 dB →
 * 0.98 and 0.99, none; 6 dB left one each. Applied in pauses too, 5 dB made a reply 8 dB soft start 0.35 s
 * late (the practice score's wait). Speech resumed within FRESH_AFTER_SEC (a breath, a clause) keeps
 * KNOWN_ONSET_SPAN_DB.
 */
export const FRESH_ONSET_SPAN_DB = 5;
export const FRESH_AFTER_SEC = 1;
/**
 * Speech goes on at CLOSE_TALK_HOLD_SPAN_DB only within FADE_SEC of the agent's last voiced frame within
 * CLOSE_TALK_SPAN_DB of their level: a sentence's end fades for a few hundred milliseconds, a room of
 * neighbours 15–20 dB down does not fade at all and kept the agent "speaking" for 1–5 s after they stopped
 * (babble-15 agent accuracy 0.87, babble-20 0.95, a false overtalk each; with FADE_SEC 0.5 s: 0.96 and
 * 0.98, none; the floor table unchanged).
 */
export const FADE_SEC = 0.5;
export const LEARN_SEC = 1;
export const ADAPT_SEC = 30;
export const LEAK_WINDOW_SEC = 0.15;
export const LEAK_MARGIN_DB = 8;
export const LEAK_MIN_DOWN_DB = 15;
export const LEAK_PRIOR_DB = -LEAK_MIN_DOWN_DB - LEAK_MARGIN_DB;
/** The room's level: the median 20 ms energy of the agent's last BG_WINDOW_SEC not speaking (dB). */
export const BG_WINDOW_SEC = 1;
export const BG_QUANTILE = 0.5;
/** Frames heard between two takes of the room's median (100 ms: sorting a second of frames each frame cost the engine 15 %). */
const ROOM_EVERY_FRAMES = 10;
/**
 * The agent's speech starts this far over the room as the mic hears it now, and goes on BG_HOLD_DB over it.
 * An AGC's room at +18 dB peaks 10.5 dB over its median (the path call agc-18, 6 s after the agent's last
 * word): at 10 dB one such peak opened the agent's turn in the caller's pause as soon as the call was band-
 * limited (8 kHz, Opus 64 kbit/s: agent accuracy 0.97, the pause's "your turn" lost). Swept on the floor,
 * path and recording-format tables: 11–16 dB leave every PCM row as it was and give 0.99 and every pause at
 * 8 kHz; 18 dB cuts the agent's own onsets (agc-18 at 48 kHz 0.91, an interruption missed). 13 dB sits in
 * the middle.
 */
export const BG_ONSET_DB = 13;
export const BG_HOLD_DB = 4;
/** Sound on the mic during this much of the caller's speech (the agent silent) shows the mic can hear the earpiece. */
const MIC_LIVE_SEC = 0.3;
/** Agent frames this close to the caller's loudest (or louder) may be double talk: not used for the coupling. */
const DOUBLE_TALK_DB = -12;
/** Step of the coupling's quantile tracker (dB per frame) and its quantile. */
const COUPLING_STEP_DB = 1;
const COUPLING_QUANTILE = 0.9;
/** The caller counts as speaking for the coupling only this far over their floor. */
const CALLER_OVER_FLOOR_DB = 10;
/** K-weighted LUFS of a calibration vs the band-limited dB scale: LUFS = −0.691 + 10 log10(power). */
const LUFS_OFFSET_DB = 0.691;

export class AgentVoiceGate {
  private readonly level: SpeechBaseline;
  private readonly callerDb: Float64Array;
  private callerPos = 0;
  private coupling = LEAK_PRIOR_DB;
  /** Frames in which the mic carried sound while the caller spoke and the agent did not: a live acoustic path. */
  private liveFrames = 0;
  private readonly micLiveFrames: number;
  private calibratedDb: number | null = null;
  private readonly bg: Float64Array;
  private readonly bgSorted: Float64Array;
  private bgPos = 0;
  private bgFill = 0;
  /** The room's median level (dB) as last taken, and the frames heard since. */
  private roomDb = -Infinity;
  private sinceRoom = 0;
  /** Frames since the agent was last speaking, and since their last voiced frame near their level. */
  private sinceSpoke = Infinity;
  private sinceStrong = Infinity;
  private readonly freshAfterFrames: number;
  private readonly fadeFrames: number;
  /** The gate for the frame being decided (dB). */
  gateDb = -Infinity;

  constructor(frameSec: number) {
    this.level = new SpeechBaseline(Math.round(LEARN_SEC / frameSec), frameSec, ADAPT_SEC);
    this.micLiveFrames = Math.round(MIC_LIVE_SEC / frameSec);
    this.freshAfterFrames = Math.round(FRESH_AFTER_SEC / frameSec);
    this.fadeFrames = Math.round(FADE_SEC / frameSec);
    this.bg = new Float64Array(Math.round(BG_WINDOW_SEC / frameSec));
    this.bgSorted = new Float64Array(this.bg.length);
    this.callerDb = new Float64Array(Math.max(1, Math.round(LEAK_WINDOW_SEC / frameSec) + 1)).fill(
      -Infinity,
    );
  }

  /** The agent's calibrated normal voice (LUFS), or null to learn it in the call. */
  setCalibration(lufs: number | null): void {
    this.calibratedDb = lufs === null ? null : lufs + LUFS_OFFSET_DB;
  }

  /** The agent's speech level in use (dB, band-limited): calibrated, learned, or the prior. */
  speechLevelDb(): number {
    if (this.calibratedDb !== null) return this.calibratedDb;
    const learned = this.level.lufs();
    return learned === null ? PRIOR_SPEECH_DB : learned + LUFS_OFFSET_DB;
  }

  /**
   * Before the agent's frame is decided: the caller's frame energy (dB) of the same instant, whether the agent
   * and the caller are speaking; sets gateDb.
   */
  beforeAgentFrame(callerFrameDb: number, agentSpeaking = false, callerSpeaking = false): number {
    const ring = this.callerDb;
    ring[this.callerPos] = callerFrameDb;
    this.callerPos = this.callerPos + 1 === ring.length ? 0 : this.callerPos + 1;
    const known = this.calibratedDb !== null || this.level.lufs() !== null;
    const closeTalk =
      this.speechLevelDb() -
      (!known
        ? CLOSE_TALK_SPAN_DB
        : agentSpeaking && this.sinceStrong <= this.fadeFrames
          ? CLOSE_TALK_HOLD_SPAN_DB
          : this.sinceSpoke > this.freshAfterFrames && callerSpeaking
            ? FRESH_ONSET_SPAN_DB
            : KNOWN_ONSET_SPAN_DB);
    const leak =
      this.liveFrames >= this.micLiveFrames
        ? this.callerMaxDb() + Math.min(this.coupling + LEAK_MARGIN_DB, -LEAK_MIN_DOWN_DB)
        : -Infinity;
    let gate = closeTalk > leak ? closeTalk : leak;
    const bg = this.roomDb;
    const room = bg + (agentSpeaking ? BG_HOLD_DB : BG_ONSET_DB);
    if (room > gate) gate = room;
    this.gateDb = gate;
    return this.gateDb;
  }

  /**
   * After the agent's frame was decided: learns the speech level from confident speech (voiced, in a
   * confirmed segment) and the coupling from the caller's speech.
   */
  afterAgentFrame(agent: VoiceActivityDetector, caller: VoiceActivityDetector): void {
    this.sinceSpoke = agent.speaking ? 0 : this.sinceSpoke + 1;
    this.sinceStrong =
      agent.voiced && agent.frameDb >= this.speechLevelDb() - CLOSE_TALK_SPAN_DB
        ? 0
        : this.sinceStrong + 1;
    if (agent.noSignal) {
      this.bgFill = 0;
      this.roomDb = -Infinity;
    } else if (!agent.speaking) {
      this.bg[this.bgPos] = agent.frameDb;
      this.bgPos = this.bgPos + 1 === this.bg.length ? 0 : this.bgPos + 1;
      if (this.bgFill < this.bg.length) this.bgFill++;
      // The median moves slowly: taken again every ROOM_EVERY_FRAMES frames heard, not every frame.
      if (++this.sinceRoom >= ROOM_EVERY_FRAMES) {
        this.sinceRoom = 0;
        this.roomDb = this.backgroundDb();
      }
    }
    if (agent.noSignal) {
      // A muted mic hears no earpiece: nothing to learn, and no leak to judge until it has sound again.
      if (agent.muted) this.liveFrames = 0;
      return;
    }
    const agentFrameDb = agent.frameDb;
    if (agent.voiced && agent.speaking) this.level.push(Math.pow(10, agentFrameDb / 10), false);
    // Evidence about the earpiece comes only from sound that is clearly not the agent: not speaking, and
    // under their close-talk gate (the agent's own first syllables are neither leak nor a tight mic).
    const notTheAgent = !agent.speaking && agentFrameDb < this.speechLevelDb() - CLOSE_TALK_SPAN_DB;
    if (notTheAgent && !caller.noSignal && caller.frameDb > caller.floorDb + CALLER_OVER_FLOOR_DB) {
      this.liveFrames++;
      const d = agentFrameDb - this.callerMaxDb();
      if (d < DOUBLE_TALK_DB)
        this.coupling +=
          d > this.coupling
            ? COUPLING_STEP_DB * COUPLING_QUANTILE
            : -COUPLING_STEP_DB * (1 - COUPLING_QUANTILE);
    }
  }

  /** Forgets what was learned in the call (not the calibration). */
  relearn(): void {
    this.level.set(null);
    this.coupling = LEAK_PRIOR_DB;
    this.liveFrames = 0;
  }

  /** The room as the mic hears it now: a low quantile of the agent's 20 ms energies over their last BG_WINDOW_SEC not speaking. */
  private backgroundDb(): number {
    if (this.bgFill < this.bg.length) return -Infinity;
    const sorted = this.bgSorted;
    sorted.set(this.bg);
    sorted.sort();
    return sorted[Math.floor(BG_QUANTILE * (sorted.length - 1))];
  }

  private callerMaxDb(): number {
    let m = -Infinity;
    const ring = this.callerDb;
    for (let i = 0; i < ring.length; i++) if (ring[i] > m) m = ring[i];
    return m;
  }
}
