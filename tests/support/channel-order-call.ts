/**
 * A call for the channel-order check (renderer/engine/channel-order.ts), from real recorded voices with the
 * truth by construction: the agent on a wideband headset (pocketsphinx's LibriVox reader, a 16 kHz
 * recording) and a caller over a phone line (Asterisk's "June", through 300–3400 Hz 8 kHz μ-law, as in
 * floor-calls.ts). The agent greets, the caller answers at length, turns alternate. Written agent LEFT,
 * caller RIGHT (the app's default), or with `swapped` the other way round: what an agent whose softphone
 * puts the caller on the left hears when Calm Line is set to "my voice on the left".
 */
import { dbToGain, cachedFixture, mixInto, writeWavFile } from './test-audio';
import { FLOOR_SAMPLE_RATE, phoneLine } from './floor-calls';
import { speakerClips, type Clip } from './real-voices';

type Interval = [number, number];

export interface ChannelOrderCall {
  wav: string;
  durationSec: number;
  swapped: boolean;
  /** Where each party really speaks (s). */
  truth: { caller: Interval[]; agent: Interval[] };
  /** The caller's first word (s). */
  callerFirstSpeechSec: number;
}

const AGENT_DBFS = -26;
/** The caller 8 dB above the agent: a normal voice learned from the wrong side could not pass for the agent’s. */
const CALLER_DBFS = -18;

interface Placed {
  clip: Clip;
  at: number;
}

function plan() {
  const sr = FLOOR_SAMPLE_RATE;
  const agentClips = speakerClips('en-librivox', sr, 2, 8);
  const callerClips = speakerClips('fr-june', sr, 1.2, 3.2);
  if (agentClips.length < 4 || callerClips.length < 9)
    throw new Error('channel-order call: not enough recordings of the two speakers');
  const agent: Placed[] = [];
  const caller: Placed[] = [];
  let t = 0.8;
  let ci = 0;
  const place = (list: Placed[], clip: Clip): void => {
    list.push({ clip, at: t - clip.speech[0][0] });
    t += clip.speechSec + 0.25;
  };
  for (let turn = 0; turn < 4; turn++) {
    place(agent, agentClips[turn]);
    t += 0.6;
    for (let k = 0; k < (turn === 0 ? 3 : 2); k++) place(caller, callerClips[ci++]);
    t += 1.2;
  }
  const truthOf = (list: Placed[]): Interval[] =>
    list.flatMap((p) => p.clip.speech.map(([a, b]): Interval => [p.at + a, p.at + b]));
  return {
    agent,
    caller,
    durationSec: Math.ceil((t + 1) * 10) / 10,
    truth: { caller: truthOf(caller), agent: truthOf(agent) },
  };
}

export function channelOrderCall(swapped: boolean): ChannelOrderCall {
  const p = plan();
  const sr = FLOOR_SAMPLE_RATE;
  const n = Math.round(p.durationSec * sr);
  const wav = cachedFixture({ kind: 'channel-order-call', swapped, v: 2 }, (out) => {
    const agentCh = new Float32Array(n);
    const acoustic = new Float32Array(n);
    for (const { clip, at } of p.agent)
      mixInto(agentCh, clip.samples, Math.round(at * sr), dbToGain(AGENT_DBFS));
    for (const { clip, at } of p.caller)
      mixInto(acoustic, clip.samples, Math.round(at * sr), dbToGain(CALLER_DBFS));
    const callerCh = phoneLine(out, acoustic);
    writeWavFile(out, swapped ? [callerCh, agentCh] : [agentCh, callerCh], sr, 16);
  });
  return {
    wav,
    durationSec: p.durationSec,
    swapped,
    truth: p.truth,
    callerFirstSpeechSec: p.truth.caller[0][0],
  };
}
