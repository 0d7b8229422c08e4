/**
 * Channel crosstalk on signals whose answer is known: a caller of noise bursts (speech-like on/off at a
 * talking level), an agent channel of its own quiet noise, with or without a zero-delay copy of the
 * caller in it. The copy is found at its level, nothing is found without it, the measure does not depend
 * on how the stream is cut into blocks, and a recheck of the sides forgets it.
 */
import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../renderer/engine/call-engine';
import { ChannelCrosstalk } from '../../renderer/engine/channel-crosstalk';
import { dbToGain, seededRandom } from '../support/test-audio';

const SR = 16000;

/** White noise at `rmsDbfs`, in bursts of `onSec` every `periodSec` (all of it when onSec ≥ periodSec). */
function bursts(seconds: number, rmsDbfs: number, seed: number, onSec = 1, periodSec = 1.6) {
  const rnd = seededRandom(seed);
  const x = new Float32Array(Math.round(seconds * SR));
  const g = dbToGain(rmsDbfs) * Math.sqrt(3);
  for (let i = 0; i < x.length; i++) {
    const t = (i / SR) % periodSec;
    x[i] = t < onSec ? g * (2 * rnd() - 1) : 0.01 * g * (2 * rnd() - 1);
  }
  return x;
}

function call(copyDb: number | null) {
  const caller = bursts(20, -26, 1);
  const agent = bursts(20, -65, 2, 20, 20);
  if (copyDb !== null) {
    const g = dbToGain(copyDb);
    for (let i = 0; i < agent.length; i++) agent[i] += g * caller[i];
  }
  return { caller, agent };
}

function run(engine: CallEngine, x: { caller: Float32Array; agent: Float32Array }, block: number) {
  for (let p = 0; p < x.caller.length; p += block)
    engine.process(x.caller, x.agent, p, Math.min(x.caller.length, p + block));
}

/** ρ, the agent's and the caller's penalty, frame after frame, fed `block` samples at a time. */
function trace(x: { caller: Float32Array; agent: Float32Array }, block: number): number[] {
  const c = new ChannelCrosstalk(SR, 0.01);
  const out: number[] = [];
  const frame = SR / 100;
  let fill = 0;
  for (let p = 0; p < x.caller.length;) {
    const end = Math.min(x.caller.length, p + block, p + frame - fill);
    c.accumulate(x.caller, x.agent, p, end);
    fill += end - p;
    p = end;
    if (fill === frame) {
      fill = 0;
      c.endFrame();
      out.push(c.rho, c.agentPenaltyDb, c.callerPenaltyDb);
    }
  }
  return out;
}

describe('channel crosstalk', () => {
  it.each([-10, -20, -35])('finds a copy of the caller %d dB down in the agent channel', (db) => {
    const engine = new CallEngine({ sampleRate: SR });
    run(engine, call(db), 128);
    const found = engine.crosstalkFound();
    expect(found.map((m) => `${m.from}→${m.into}`)).toEqual(['caller→agent']);
    expect(found[0].levelDb).toBeCloseTo(db, 0);
    expect(engine.finish().speech.agent).toEqual([]);
  });

  it('finds nothing in independent channels, and takes nothing off their frames', () => {
    const engine = new CallEngine({ sampleRate: SR });
    const x = call(null);
    run(engine, x, 128);
    expect(engine.crosstalkFound()).toEqual([]);
    const penalties = trace(x, 128).filter((_, i) => i % 3 !== 0);
    expect(Math.max(...penalties)).toBe(0);
  });

  it('measures the same whatever the blocks', () => {
    const x = call(-20);
    const whole = trace(x, 4096);
    for (const block of [1, 7, 128]) expect(trace(x, block)).toStrictEqual(whole);
  });

  it('forgets what it found when the sides are checked again (it was measured the other way round)', () => {
    const engine = new CallEngine({ sampleRate: SR });
    run(engine, call(-20), 128);
    expect(engine.crosstalkFound()).toHaveLength(1);
    engine.recheckChannels();
    expect(engine.crosstalkFound()).toEqual([]);
  });
});
