/**
 * The cue state machine on scripted frame sequences: each party's speech is given as intervals with a
 * level, turned into the frames an ideal voice detector would produce (voiced inside the intervals,
 * onset after 3 frames, 300 ms hangover), so every expected time is exact.
 */
import { describe, expect, it } from 'vitest';
import type {
  CueInterval,
  CueKind,
  OvertalkSegment,
  Party,
} from '../../renderer/engine/call-types';
import { CueRules, createPartyFrame, type PartyFrame } from '../../renderer/engine/cue-rules';
import { DEFAULT_CUE_SETTINGS, type CueSettings } from '../../renderer/engine/cue-settings';
import { lufsToPower } from '../../renderer/engine/loudness-meter';

const FRAME = 0.01;
const ONSET = 3;
const HANGOVER = 30;

interface Speech {
  start: number;
  end: number;
  lufs: number;
}

class IdealVoice {
  private readonly frames: PartyFrame;
  private speaking = false;
  private lastVoiced = -1;
  private run = 0;
  private runStart = 0;

  constructor(private readonly speech: Speech[]) {
    this.frames = createPartyFrame();
  }

  /** The frame ending at frame index f + 1. */
  step(f: number): PartyFrame {
    const t0 = f * FRAME;
    const mid = t0 + FRAME / 2;
    const s = this.speech.find((x) => mid >= x.start && mid < x.end);
    const fr = this.frames;
    fr.voiced = s !== undefined;
    fr.power = s ? lufsToPower(s.lufs) : 1e-9;
    fr.segmentStarted = false;
    fr.segmentEnded = false;
    if (this.speaking) {
      if (fr.voiced) {
        this.lastVoiced = f;
        fr.lastVoicedEndSec = (f + 1) * FRAME;
      } else if (f - this.lastVoiced >= HANGOVER) {
        this.speaking = false;
        fr.segmentEnded = true;
      }
    } else if (fr.voiced) {
      if (this.run === 0) this.runStart = t0;
      if (++this.run >= ONSET) {
        this.speaking = true;
        fr.segmentStarted = true;
        fr.segmentStartSec = this.runStart;
        this.lastVoiced = f;
        fr.lastVoicedEndSec = (f + 1) * FRAME;
        this.run = 0;
      }
    } else this.run = 0;
    fr.speaking = this.speaking;
    return fr;
  }
}

interface Run {
  cues: CueInterval[];
  overtalk: OvertalkSegment[];
  rules: CueRules;
  /** Time-ordered [t, cue, on] transitions. */
  transitions: [number, CueKind, boolean][];
}

function run(
  caller: Speech[],
  agent: Speech[],
  seconds: number,
  settings: Partial<CueSettings> = {},
  agentNormalLufs: number | null = null,
): Run {
  const cues: CueInterval[] = [];
  const overtalk: OvertalkSegment[] = [];
  const transitions: [number, CueKind, boolean][] = [];
  const rules = new CueRules(
    { ...DEFAULT_CUE_SETTINGS, ...settings },
    FRAME,
    {
      cueStarted: (cue, t) => transitions.push([t, cue, true]),
      cueEnded: (cue, start, t) => {
        transitions.push([t, cue, false]);
        cues.push({ cue, start, end: t });
      },
      overtalk: (start, end, startedBy: Party) => overtalk.push({ start, end, startedBy }),
    },
    agentNormalLufs,
  );
  const c = new IdealVoice(caller);
  const a = new IdealVoice(agent);
  const frames = Math.round(seconds / FRAME);
  let cf = createPartyFrame();
  let af = createPartyFrame();
  for (let f = 0; f < frames; f++) {
    cf = c.step(f);
    af = a.step(f);
    rules.step((f + 1) * FRAME, cf, af);
  }
  rules.finish(frames * FRAME, cf, af);
  return { cues, overtalk, rules, transitions };
}

const of = (r: Run, cue: CueKind) => r.cues.filter((c) => c.cue === cue);

describe('your-turn and wait-for-pause', () => {
  it('prompts exactly pauseSec after the end of caller speech, and shows wait-for-pause until then', () => {
    const r = run([{ start: 1, end: 3, lufs: -25 }], [], 6);
    const turn = of(r, 'your-turn');
    expect(turn).toHaveLength(1);
    expect(turn[0].start).toBeCloseTo(3 + DEFAULT_CUE_SETTINGS.pauseSec, 5);
    const wait = of(r, 'wait-for-pause');
    expect(wait).toHaveLength(1);
    expect(wait[0].start).toBeCloseTo(1 + ONSET * FRAME, 5);
    expect(wait[0].end).toBeCloseTo(turn[0].start, 5);
  });

  it('follows the pauseSec setting, including a change during the call', () => {
    const caller = [
      { start: 1, end: 2, lufs: -25 },
      { start: 5, end: 6, lufs: -25 },
    ];
    const r1 = run(caller, [], 9, { pauseSec: 1.5 });
    expect(of(r1, 'your-turn').map((c) => +c.start.toFixed(3))).toEqual([3.5, 7.5]);
    const r2 = run(caller, [], 9, { pauseSec: 0.4 });
    expect(of(r2, 'your-turn').map((c) => +c.start.toFixed(3))).toEqual([2.4, 6.4]);
  });

  it('does not prompt in a pause shorter than pauseSec, nor when the agent answers first', () => {
    const caller = [
      { start: 1, end: 2, lufs: -25 },
      { start: 2.6, end: 4, lufs: -25 }, // 0.6 s pause: still the caller's turn
    ];
    const agent = [{ start: 4.5, end: 6, lufs: -24 }]; // answers after 0.5 s
    const r = run(caller, agent, 8);
    expect(of(r, 'your-turn')).toHaveLength(0);
    const wait = of(r, 'wait-for-pause');
    expect(wait).toHaveLength(1);
    expect(wait[0].end).toBeCloseTo(4.5 + ONSET * FRAME, 5);
  });

  it('ends when the agent speaks, after at least minHold', () => {
    const r = run([{ start: 1, end: 2, lufs: -25 }], [{ start: 2.9, end: 4, lufs: -24 }], 5);
    const turn = of(r, 'your-turn');
    expect(turn).toHaveLength(1);
    expect(turn[0].start).toBeCloseTo(2.8, 5);
    // The agent's speech is confirmed at 2.93, but the cue has to stay up for minHold (0.5 s).
    expect(turn[0].end).toBeCloseTo(2.8 + DEFAULT_CUE_SETTINGS.minHoldSec, 5);
  });
});

describe('talking-over', () => {
  it('flags an agent interruption longer than backchannelSec, started by the agent', () => {
    const r = run([{ start: 1, end: 5, lufs: -25 }], [{ start: 2, end: 3, lufs: -24 }], 7);
    expect(r.overtalk).toEqual([{ start: 2, end: expect.closeTo(3, 5), startedBy: 'agent' }]);
    const over = of(r, 'talking-over');
    expect(over).toHaveLength(1);
    expect(over[0].start).toBeCloseTo(2 + DEFAULT_CUE_SETTINGS.backchannelSec + FRAME, 5);
  });

  it('says the caller started it when the caller cuts into the agent', () => {
    const r = run([{ start: 3, end: 4.5, lufs: -25 }], [{ start: 1, end: 5, lufs: -24 }], 7);
    expect(r.overtalk).toEqual([{ start: 3, end: expect.closeTo(4.5, 5), startedBy: 'caller' }]);
  });

  it('keeps one overlap when the interrupting agent draws breath', () => {
    const r = run(
      [{ start: 1, end: 6, lufs: -25 }],
      [
        { start: 2, end: 3, lufs: -24 },
        { start: 3.4, end: 4.5, lufs: -24 },
      ],
      8,
    );
    expect(r.overtalk).toEqual([{ start: 2, end: expect.closeTo(4.5, 5), startedBy: 'agent' }]);
    expect(of(r, 'talking-over')).toHaveLength(1);
  });

  it('ignores a backchannel shorter than backchannelSec and honours the setting', () => {
    const caller = [{ start: 1, end: 5, lufs: -25 }];
    const agent = [{ start: 2, end: 2.25, lufs: -24 }];
    expect(of(run(caller, agent, 7), 'talking-over')).toHaveLength(0);
    expect(run(caller, agent, 7).overtalk).toHaveLength(0);
    expect(of(run(caller, agent, 7, { backchannelSec: 0.2 }), 'talking-over')).toHaveLength(1);
  });
});

describe('caller-heated', () => {
  // Baseline learned from the first 3 s of voiced speech at -30 LUFS.
  const calm = [
    { start: 0.5, end: 2.5, lufs: -30 },
    { start: 3.5, end: 5.5, lufs: -30 },
  ];

  it('comes on when the caller is heatedMarginLu above their baseline and holds through their silence', () => {
    const r = run([...calm, { start: 7, end: 9, lufs: -22 }], [], 14);
    const heated = of(r, 'caller-heated');
    expect(heated).toHaveLength(1);
    expect(heated[0].start).toBeGreaterThanOrEqual(7);
    expect(heated[0].start).toBeLessThan(7.5);
    expect(heated[0].end).toBeCloseTo(14, 5); // never calmed: ends with the call
  });

  it('does not come on below the margin', () => {
    const r = run([...calm, { start: 7, end: 9, lufs: -25 }], [], 12);
    expect(of(r, 'caller-heated')).toHaveLength(0);
  });

  it('uses hysteresis: a level that dips just under the switch-on point keeps it on', () => {
    // on at > -24 (baseline -30 + 6); off only below -26 (hysteresis 2).
    const caller = [
      ...calm,
      { start: 7, end: 9, lufs: -22 },
      { start: 10, end: 12, lufs: -25 },
      { start: 13, end: 15, lufs: -23 },
    ];
    const r = run(caller, [], 17);
    expect(of(r, 'caller-heated')).toHaveLength(1);
    const calmer = [...calm, { start: 7, end: 9, lufs: -22 }, { start: 10, end: 12.5, lufs: -28 }];
    const r2 = run(calmer, [], 14);
    const heated = of(r2, 'caller-heated');
    expect(heated).toHaveLength(1);
    // Off once the caller's last 2 s of speech averages under -26: 1.6 s into the calmer speech
    // (2 s × (1 − 0.398) / (1 − 0.25) in power), while the calm itself started at 10 s.
    expect(heated[0].end).toBeGreaterThan(11.55);
    expect(heated[0].end).toBeLessThan(11.7);
    expect(r2.rules.callerCalmStartSec()).toBeGreaterThanOrEqual(10);
    expect(r2.rules.callerCalmStartSec()).toBeLessThan(10.5);
  });

  it('does not go off on one softer sentence ending when the last 2 s of speech are still loud', () => {
    const caller = [
      ...calm,
      { start: 7, end: 9, lufs: -22 },
      { start: 9.2, end: 9.5, lufs: -29 },
      { start: 11, end: 13, lufs: -22 },
    ];
    expect(of(run(caller, [], 15), 'caller-heated')).toHaveLength(1);
  });

  it('follows a calm caller slowly but never raises the baseline while heated', () => {
    const heated = run([...calm, { start: 7, end: 60, lufs: -22 }], [], 62);
    expect(of(heated, 'caller-heated')).toHaveLength(1);
    // Only the frames before the cue came on count (a fraction of a second).
    expect(Math.abs(heated.rules.callerBaselineLufs()! + 30)).toBeLessThan(0.2);
    const warmer = run([...calm, { start: 7, end: 60, lufs: -26 }], [], 62);
    expect(of(warmer, 'caller-heated')).toHaveLength(0);
    expect(warmer.rules.callerBaselineLufs()!).toBeGreaterThan(-29);
    expect(warmer.rules.callerBaselineLufs()!).toBeLessThan(-26.5);
  });
});

describe('too-loud', () => {
  const caller = [{ start: 0.2, end: 0.8, lufs: -30 }];
  const normal = [
    { start: 1, end: 2.6, lufs: -24 },
    { start: 3, end: 4.6, lufs: -24 },
  ];

  it('learns the normal voice from the first 3 s and flags a reply tooLoudMarginLu above it', () => {
    const r = run(
      caller,
      [...normal, { start: 6, end: 8, lufs: -14 }, { start: 9, end: 11, lufs: -24 }],
      12,
    );
    expect(r.rules.agentNormalLufs()).toBeCloseTo(-24, 3);
    const loud = of(r, 'too-loud');
    expect(loud).toHaveLength(1);
    expect(loud[0].start).toBeGreaterThanOrEqual(6.25);
    expect(loud[0].start).toBeLessThan(6.4);
    // Held through pauses shorter than FLOOR_BRIDGE_SEC (0.5 s) so two loud sentences make one cue.
    expect(loud[0].end).toBeCloseTo(8.5, 5);
  });

  it('keeps one cue over two loud sentences with a short pause between them', () => {
    const agent = [...normal, { start: 6, end: 7.5, lufs: -14 }, { start: 7.9, end: 9, lufs: -14 }];
    expect(of(run(caller, agent, 11), 'too-loud')).toHaveLength(1);
  });

  it('uses a calibration from the first word and says nothing while learning without one', () => {
    const agent = [
      { start: 1, end: 3, lufs: -14 },
      ...normal.map((s) => ({ ...s, start: s.start + 3, end: s.end + 3 })),
    ];
    expect(of(run(caller, agent, 9), 'too-loud')).toHaveLength(0);
    const calibrated = run(caller, agent, 9, {}, -24);
    expect(of(calibrated, 'too-loud')).toHaveLength(1);
    expect(of(calibrated, 'too-loud')[0].start).toBeLessThan(1.4);
  });

  it('is stricter while the caller is heated: half the margin', () => {
    const heatedCaller = [
      { start: 0.2, end: 2.2, lufs: -30 },
      { start: 2.4, end: 4.4, lufs: -30 },
      { start: 5, end: 7, lufs: -20 },
    ];
    const agent = [{ start: 8, end: 10, lufs: -20 }]; // +4 LU over a -24 calibration
    expect(of(run(heatedCaller, agent, 11, {}, -24), 'too-loud')).toHaveLength(1);
    expect(of(run(caller, agent, 11, {}, -24), 'too-loud')).toHaveLength(0);
  });
});

describe('hold', () => {
  it('keeps every cue on at least minHoldSec', () => {
    const caller = [
      { start: 1, end: 1.1, lufs: -25 },
      { start: 4, end: 4.05, lufs: -25 },
    ];
    for (const minHoldSec of [0.5, 1.5]) {
      const r = run(caller, [{ start: 1.95, end: 2.2, lufs: -24 }], 7, { minHoldSec });
      expect(r.cues.length).toBeGreaterThan(0);
      for (const c of r.cues) expect(c.end - c.start).toBeGreaterThanOrEqual(minHoldSec - 1e-9);
    }
  });
});
