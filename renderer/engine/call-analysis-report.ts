/**
 * A recorded call → the analysis document (the analyser CLI prints it; the renderer's "Open a recorded
 * call…" shows it). Pure: decoded channels in, plain JSON-ready object out. Feed the file's channels block
 * by block (CallAnalyser.push) so an 8-hour recording never has to be held as floats.
 *
 * Document (times in seconds from the start of the file, rounded to 1 ms; levels in LUFS/dBFS rounded to
 * 0.01; null wherever a level is below the absolute gate or there is no signal, never -Infinity):
 *   file, sampleRate, durationSec, agentChannel ('left' | 'right', null for a mono file), note (only when
 *   something needs saying: a mono file, a repaired file), speech {caller, agent: [[start, end], …]},
 *   overtalk [{start, end, startedBy}], cues [{cue, start, end}], loudness {caller, agent: {integratedLufs,
 *   maxMomentaryLufs, maxShortTermLufs, peakDbfs}}, metrics {callerTalkSec, agentTalkSec, talkRatio,
 *   overtalkCount, overtalkSec, longestCallerTurnSec, medianResponseGapSec, timeToCalmSec, cueCounts},
 *   warnings (only when there is one) [{kind: 'crosstalk', from, into, levelDb}] — a channel carries a
 *   zero-delay copy of the other (channel-crosstalk.ts), levelDb its level under the original; the
 *   copy is not taken for that party's speech,
 *   holds (only when there is one) [{start, end, source: 'music' | 'event'}] — music on hold recognised on
 *   the caller's line (hold-music.ts); speech and cues inside are not counted,
 *   series (only when asked) {stepSec, caller, agent: {momentary, shortTerm}} — value i at i × stepSec.
 */
import { CallEngine } from './call-engine';
import type { CrosstalkMeasure } from './channel-crosstalk';
import { roundLevel, roundSec, summariseCall } from './call-summary';
import type {
  CallAnalysis,
  CallMetrics,
  CueKind,
  HoldSource,
  Party,
  PartyLoudness,
  SpeechSegment,
} from './call-types';
import type { CueSettings } from './cue-settings';

export type AgentChannel = 'left' | 'right';

export const MONO_NOTE = 'mono file: analysed as the caller alone';

export interface AnalysisReport {
  file: string;
  sampleRate: number;
  durationSec: number;
  agentChannel: AgentChannel | null;
  note?: string;
  speech: { caller: [number, number][]; agent: [number, number][] };
  overtalk: { start: number; end: number; startedBy: Party }[];
  cues: { cue: CueKind; start: number; end: number }[];
  loudness: { caller: PartyLoudness; agent: PartyLoudness };
  metrics: CallMetrics;
  /** Music on hold recognised on the caller's line (only when there is some). */
  holds?: { start: number; end: number; source: HoldSource }[];
  /** What makes the recording itself doubtful (only when something does). */
  warnings?: RecordingWarning[];
  series?: {
    stepSec: number;
    caller: { momentary: (number | null)[]; shortTerm: (number | null)[] };
    agent: { momentary: (number | null)[]; shortTerm: (number | null)[] };
  };
}

/** One channel carries an attenuated copy of the other (a codec's joint stereo, a recorder's crosstalk). */
export interface CrosstalkWarning {
  kind: 'crosstalk';
  from: Party;
  into: Party;
  /** The copy's level relative to the original (dB). */
  levelDb: number;
}

export type RecordingWarning = CrosstalkWarning;

export interface CallAnalyserOptions {
  sampleRate: number;
  /** Channels in the file: 1 (the caller alone) or 2. */
  channelCount: 1 | 2;
  /** Which stereo channel is the agent (default left). Ignored for mono. */
  agentChannel?: AgentChannel;
  agentNormalLufs?: number | null;
  settings?: Partial<CueSettings>;
  /** Include the 100 ms loudness series. */
  series?: boolean;
}

export class CallAnalyser {
  private readonly engine: CallEngine;
  private readonly options: CallAnalyserOptions;
  private readonly agentIndex: number;
  private silence = new Float32Array(0);

  constructor(options: CallAnalyserOptions) {
    if (options.channelCount !== 1 && options.channelCount !== 2)
      throw new RangeError(`A call has 1 or 2 channels, not ${options.channelCount}.`);
    this.options = options;
    this.agentIndex = (options.agentChannel ?? 'left') === 'left' ? 0 : 1;
    this.engine = new CallEngine({
      sampleRate: options.sampleRate,
      settings: options.settings,
      agentNormalLufs: options.agentNormalLufs ?? null,
      recordTimeline: options.series === true,
    });
  }

  /** Feeds frames [start, end) of the file's channels (as decoded: left first). */
  push(channels: ArrayLike<Float32Array>, start: number, end: number): void {
    if (this.options.channelCount === 2) {
      this.engine.process(channels[1 - this.agentIndex], channels[this.agentIndex], start, end);
      return;
    }
    if (this.silence.length < end)
      this.silence = new Float32Array(Math.max(end, 2 * this.silence.length));
    this.engine.process(channels[0], this.silence, start, end);
  }

  /** Ends the analysis; `notes` (repairs made while reading, say) join the document's note. */
  finish(file: string, notes: readonly string[] = []): AnalysisReport {
    const mono = this.options.channelCount === 1;
    const note = [...(mono ? [MONO_NOTE] : []), ...notes].join(' ');
    return buildAnalysisReport(this.engine.finish(), {
      file,
      agentChannel: mono ? null : (this.options.agentChannel ?? 'left'),
      note: note || undefined,
      series: this.options.series === true,
      warnings: mono ? [] : crosstalkWarnings(this.engine.crosstalkFound()),
    });
  }
}

/** Analyses a call already decoded in memory (the renderer's "Open a recorded call…"). */
export function analyseDecodedCall(
  file: string,
  channels: Float32Array[],
  options: Omit<CallAnalyserOptions, 'channelCount'>,
  notes: readonly string[] = [],
): AnalysisReport {
  const analyser = new CallAnalyser({ ...options, channelCount: channels.length === 1 ? 1 : 2 });
  const length = channels[0].length;
  const block = 1 << 16;
  for (let p = 0; p < length; p += block) analyser.push(channels, p, Math.min(length, p + block));
  return analyser.finish(file, notes);
}

export interface ReportMeta {
  file: string;
  agentChannel: AgentChannel | null;
  note?: string;
  series: boolean;
  warnings?: RecordingWarning[];
}

/** The engine's crosstalk measures as the document's warnings (level to 0.1 dB). */
export function crosstalkWarnings(found: readonly CrosstalkMeasure[]): CrosstalkWarning[] {
  return found.map((m) => ({
    kind: 'crosstalk',
    from: m.from,
    into: m.into,
    levelDb: Math.round(m.levelDb * 10) / 10,
  }));
}

export function buildAnalysisReport(a: CallAnalysis, meta: ReportMeta): AnalysisReport {
  const { durationSec, overtalk, cues, loudness, metrics } = summariseCall(a);
  const segments = (list: SpeechSegment[]) =>
    list.map((s): [number, number] => [roundSec(s.start), roundSec(s.end)]);
  const report: AnalysisReport = {
    file: meta.file,
    sampleRate: a.sampleRate,
    durationSec,
    agentChannel: meta.agentChannel,
    ...(meta.note ? { note: meta.note } : {}),
    speech: { caller: segments(a.speech.caller), agent: segments(a.speech.agent) },
    overtalk,
    cues,
    loudness,
    metrics,
    ...(a.holds.length
      ? {
          holds: a.holds.map((h) => ({
            start: roundSec(h.start),
            end: roundSec(h.end),
            source: h.source,
          })),
        }
      : {}),
    ...(meta.warnings?.length ? { warnings: meta.warnings } : {}),
  };
  if (meta.series && a.timeline) {
    const tl = a.timeline;
    report.series = {
      stepSec: tl.stepSec,
      caller: {
        momentary: tl.caller.momentary.map(roundLevel),
        shortTerm: tl.caller.shortTerm.map(roundLevel),
      },
      agent: {
        momentary: tl.agent.momentary.map(roundLevel),
        shortTerm: tl.agent.shortTerm.map(roundLevel),
      },
    };
  }
  return report;
}
