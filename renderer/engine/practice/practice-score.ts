/**
 * A rehearsal's score, per caller turn and overall, in the playbook's words — from the engine's own
 * figures of the rehearsal (its speech segments, overtalk, 100 ms loudness timeline, normal voice and
 * time to calm) and the turns as they were played (practice-run.ts). Nothing here listens again.
 *
 * Per turn:
 *   reply           the agent's speech from the turn's start until the next turn: the first segment that
 *                   goes on past the caller's end or overlaps them for longer than a backchannel ("mm-hm"
 *                   is listening, not answering), to the last segment that starts before the next turn.
 *   waited          the reply started after the caller finished; `waitSec` is how soon (negative: how
 *                   far into the caller's speech the agent started).
 *   answered softly the reply's level (power mean of the agent's momentary loudness inside the reply's
 *                   speech) no higher than the agent's normal voice plus half the "too loud" margin, and
 *                   no higher than the caller's level in that turn — answering softly is answering under
 *                   the wave, not matching it. null without a reply or a level.
 *   talked over     the engine's overtalks (longer than a backchannel) during the caller's speech, and who
 *                   started each: `agentStarted` is the agent cutting in; `callerStarted` the caller coming
 *                   back over a reply.
 * Overall: turns waited for, answered softly and talked over, the median wait, the priorities restated and
 * confirmed (from the priorities pad, against what the scenario's caller wants), and the engine's time to
 * calm.
 */
import { median } from '../call-metrics';
import type { CallAnalysis, SpeechSegment } from '../call-types';
import { DEFAULT_CUE_SETTINGS, type CueSettings } from '../cue-settings';
import type { PlayedTurn } from './practice-run';

/** Momentary loudness looks back 400 ms: a point this far into speech measures speech alone. */
const MOMENTARY_WINDOW_SEC = 0.4;

export interface TurnScore {
  /** The turn's index in the scenario. */
  turn: number;
  callerStart: number;
  callerEnd: number;
  reply: { start: number; end: number } | null;
  waited: boolean;
  /** Reply start minus the caller's end (s); null without a reply. */
  waitSec: number | null;
  answeredSoftly: boolean | null;
  replyLufs: number | null;
  callerLufs: number | null;
  /** The reply against the agent's normal voice and against the caller (LU; negative is softer). */
  overNormalLu: number | null;
  overCallerLu: number | null;
  talkedOver: { agentStarted: number; callerStarted: number; sec: number };
  unanswered: boolean;
}

export interface PracticePriority {
  confirmed: boolean;
}

export interface PracticeScore {
  turns: TurnScore[];
  overall: {
    turns: number;
    waited: number;
    answeredSoftly: number;
    /** Turns the agent cut into (an overtalk they started). */
    talkedOver: number;
    unanswered: number;
    medianWaitSec: number | null;
    priorities: { expected: number; restated: number; confirmed: number };
    timeToCalmSec: number | null;
    agentNormalLufs: number | null;
  };
}

export interface ScoreInput {
  played: readonly PlayedTurn[];
  analysis: CallAnalysis;
  /** What the agent wrote on the priorities pad (restated) and ticked (confirmed). */
  priorities: readonly PracticePriority[];
  /** How many priorities the scenario's caller has. */
  expectedPriorities: number;
  settings?: Partial<CueSettings>;
}

export function scorePractice(input: ScoreInput): PracticeScore {
  const s = { ...DEFAULT_CUE_SETTINGS, ...input.settings };
  const a = input.analysis;
  const normal = a.agentNormalLufs;
  const turns = input.played.map((p): TurnScore => {
    const window = { start: p.start, end: Number.isFinite(p.until) ? p.until : a.durationSec };
    const replySegs = replySegments(a.speech.agent, p, window.end, s.backchannelSec);
    const reply = replySegs.length
      ? { start: replySegs[0].start, end: replySegs[replySegs.length - 1].end }
      : null;
    const replyLufs = reply ? levelOver(a, 'agent', replySegs) : null;
    const callerSpeech = a.speech.caller.filter((c) => c.end > p.start && c.start < p.end);
    const callerLufs = levelOver(a, 'caller', callerSpeech.length ? callerSpeech : [p]);
    const overNormalLu = replyLufs !== null && normal !== null ? replyLufs - normal : null;
    const overCallerLu = replyLufs !== null && callerLufs !== null ? replyLufs - callerLufs : null;
    const overtalk = a.overtalk.filter((o) => o.end > p.start && o.start < window.end);
    return {
      turn: p.index,
      callerStart: p.start,
      callerEnd: p.end,
      reply,
      waited: reply !== null && reply.start >= p.end,
      waitSec: reply ? reply.start - p.end : null,
      answeredSoftly:
        overNormalLu === null && overCallerLu === null
          ? null
          : (overNormalLu === null || overNormalLu <= s.tooLoudMarginLu / 2) &&
            (overCallerLu === null || overCallerLu <= 0),
      replyLufs,
      callerLufs,
      overNormalLu,
      overCallerLu,
      talkedOver: {
        agentStarted: overtalk.filter((o) => o.startedBy === 'agent').length,
        callerStarted: overtalk.filter((o) => o.startedBy === 'caller').length,
        sec: overtalk.reduce((sum, o) => sum + (o.end - o.start), 0),
      },
      unanswered: reply === null,
    };
  });
  const count = (f: (t: TurnScore) => boolean) => turns.filter(f).length;
  return {
    turns,
    overall: {
      turns: turns.length,
      waited: count((t) => t.waited),
      answeredSoftly: count((t) => t.answeredSoftly === true),
      talkedOver: count((t) => t.talkedOver.agentStarted > 0),
      unanswered: count((t) => t.unanswered),
      medianWaitSec: median(turns.flatMap((t) => (t.waitSec === null ? [] : [t.waitSec]))),
      priorities: {
        expected: input.expectedPriorities,
        restated: input.priorities.length,
        confirmed: input.priorities.filter((p) => p.confirmed).length,
      },
      timeToCalmSec: a.metrics.timeToCalmSec,
      agentNormalLufs: normal,
    },
  };
}

function replySegments(
  agent: readonly SpeechSegment[],
  turn: PlayedTurn,
  until: number,
  backchannelSec: number,
): SpeechSegment[] {
  const inWindow = agent.filter((seg) => seg.end > turn.start && seg.start < until);
  const first = inWindow.findIndex(
    (seg) =>
      seg.end > turn.end + backchannelSec ||
      Math.min(seg.end, turn.end) - Math.max(seg.start, turn.start) > backchannelSec,
  );
  return first < 0 ? [] : inWindow.slice(first);
}

/** Power mean of a party's momentary loudness at the timeline points inside the spans' speech (LUFS). */
function levelOver(
  a: CallAnalysis,
  party: 'caller' | 'agent',
  spans: readonly { start: number; end: number }[],
): number | null {
  const tl = a.timeline;
  if (!tl) return null;
  const series = tl[party].momentary;
  let sum = 0;
  let n = 0;
  for (const span of spans) {
    const from = Math.min(span.start + MOMENTARY_WINDOW_SEC, span.end);
    const first = Math.ceil(from / tl.stepSec - 1e-9);
    const last = Math.floor(span.end / tl.stepSec + 1e-9);
    for (let i = Math.max(first, 0); i <= last && i < series.length; i++) {
      const v = series[i];
      if (v === null) continue;
      sum += Math.pow(10, v / 10);
      n++;
    }
  }
  return n === 0 ? null : 10 * Math.log10(sum / n);
}
