/**
 * The scenario file: what a team lead exports comes back the same on another machine, and what is not a
 * scenario Calm Line wrote — foreign, cut short, padded, hostile — is refused with a sentence saying why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SCENARIO_MAX_BYTES,
  ScenarioFileError,
  decodeScenario,
  encodeScenario,
  type Scenario,
  type ScenarioFileProblem,
} from '../../../renderer/engine/practice/scenario-file';
import { cutScenarioTurns } from '../../../renderer/engine/practice/scenario-turns';
import { buildDialogue } from '../../support/dialogues';
import { callerScenarioCall } from './practice-scripts';

const SR = 16000;
let scenario: Scenario;

beforeAll(() => {
  const caller = buildDialogue(callerScenarioCall(SR)).caller;
  scenario = {
    title: 'Factura duplicada — cliente enfadado 😠',
    sampleRate: SR,
    audio: caller,
    turns: cutScenarioTurns(caller, SR).map((t, i) => ({ ...t, gainDb: i * 3, pace: 1 + i / 10 })),
    priorities: ['Refund the double charge', 'Waive the late fee', 'Call back by Friday'],
    source: { kind: 'call-file', credit: 'espeak-ng voice en-gb+f3 (GPL-3.0)' },
  };
});

/** The file's parts, to build foreign and hostile variants of a good file. */
function parts(bytes: Uint8Array): { header: Record<string, unknown>; audio: Uint8Array } {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(18, true);
  const json = String.fromCharCode(...bytes.subarray(22, 22 + headerLength));
  return { header: JSON.parse(json), audio: bytes.subarray(22 + headerLength) };
}

function assemble(header: unknown, audio: Uint8Array, magic = 'CALMLINE SCENARIO\n'): Uint8Array {
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  // As the encoder writes it: characters past ASCII escaped; control bytes left in to be refused.
  const json = text
    .split('')
    .map((c) =>
      c.charCodeAt(0) > 0x7e ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
    )
    .join('');
  const out = new Uint8Array(magic.length + 4 + json.length + audio.length);
  for (let i = 0; i < magic.length; i++) out[i] = magic.charCodeAt(i);
  new DataView(out.buffer).setUint32(magic.length, json.length, true);
  for (let i = 0; i < json.length; i++) out[magic.length + 4 + i] = json.charCodeAt(i);
  out.set(audio, magic.length + 4 + json.length);
  return out;
}

function refusal(bytes: Uint8Array): { code: ScenarioFileProblem; message: string } {
  try {
    decodeScenario(bytes);
  } catch (error) {
    if (error instanceof ScenarioFileError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('a scenario exported and imported', () => {
  it('comes back with the same title, turns, priorities, source and caller', () => {
    const back = decodeScenario(encodeScenario(scenario));
    expect(back.title).toBe(scenario.title);
    expect(back.turns).toEqual(scenario.turns);
    expect(back.priorities).toEqual(scenario.priorities);
    expect(back.source).toEqual(scenario.source);
    expect(back.sampleRate).toBe(SR);
    expect(back.audio.length).toBe(scenario.audio.length);
    let worst = 0;
    for (let i = 0; i < back.audio.length; i++)
      worst = Math.max(worst, Math.abs(back.audio[i] - scenario.audio[i]));
    expect(worst).toBeLessThanOrEqual(1 / 32767);
  });

  it('cuts into the same turns when the engine listens to the imported caller again', () => {
    const back = decodeScenario(encodeScenario(scenario));
    const again = cutScenarioTurns(back.audio, SR);
    expect(again.map((t) => [t.start, t.end])).toEqual(scenario.turns.map((t) => [t.start, t.end]));
  });

  it('is written as text a person can recognise, then the caller alone as 16-bit PCM', () => {
    const bytes = encodeScenario(scenario);
    expect(String.fromCharCode(...bytes.subarray(0, 18))).toBe('CALMLINE SCENARIO\n');
    const { header, audio } = parts(bytes);
    expect(header.sampleCount).toBe(scenario.audio.length);
    expect(audio.length).toBe(scenario.audio.length * 2);
  });
});

describe('a file that is not a good scenario', () => {
  let good: Uint8Array;
  let header: Record<string, unknown>;
  let audio: Uint8Array;
  beforeAll(() => {
    good = encodeScenario(scenario);
    ({ header, audio } = parts(good));
  });
  const turnsWith = (i: number, patch: object) =>
    (header.turns as object[]).map((t, k) => (k === i ? { ...t, ...patch } : t));

  it.each<[string, () => Uint8Array, ScenarioFileProblem, RegExp]>([
    [
      'a WAV file',
      () => new Uint8Array([...'RIFF\0\0\0\0WAVEfmt '].map((c) => c.charCodeAt(0))),
      'not-a-scenario',
      /not a Calm Line scenario/,
    ],
    ['an empty file', () => new Uint8Array(0), 'not-a-scenario', /not a Calm Line scenario/],
    [
      'another program’s JSON',
      () => assemble({ ...header, format: 'other' }, audio),
      'not-a-scenario',
      /not a Calm Line scenario/,
    ],
    ['a file cut short', () => good.subarray(0, good.length - 1000), 'bad-audio', /cut short/],
    [
      'a file with bytes added',
      () => assemble(header, new Uint8Array([...audio, 1, 2])),
      'bad-audio',
      /something added/,
    ],
    [
      'a newer version',
      () => assemble({ ...header, version: 2 }, audio),
      'newer-version',
      /newer Calm Line/,
    ],
    ['a version 0', () => assemble({ ...header, version: 0 }, audio), 'bad-header', /version/],
    [
      'a header length past the end',
      () => {
        const b = good.slice();
        new DataView(b.buffer).setUint32(18, 0xffffffff, true);
        return b;
      },
      'bad-header',
      /header/,
    ],
    [
      'a header that is not JSON',
      () => assemble('{"format":', audio),
      'bad-header',
      /not valid JSON/,
    ],
    [
      'a header with control bytes',
      () => assemble(JSON.stringify(header).replace('Refund', 'Ref\u0001und'), audio),
      'bad-header',
      /not text/,
    ],
    [
      'an unknown field',
      () => assemble({ ...header, agentAudio: 'x' }, audio),
      'bad-header',
      /unknown fields: agentAudio/,
    ],
    [
      'a missing field',
      () => assemble({ ...header, priorities: undefined }, audio),
      'bad-header',
      /lacks priorities/,
    ],
    [
      'a rate no phone uses',
      () => assemble({ ...header, sampleRate: 12345 }, audio),
      'bad-audio',
      /sample rate/,
    ],
    [
      'a caller too short',
      () => assemble({ ...header, sampleCount: 100 }, audio.subarray(0, 200)),
      'bad-audio',
      /must last/,
    ],
    [
      'no turns',
      () => assemble({ ...header, turns: [] }, audio),
      'bad-turns',
      /1 to 200 caller turns/,
    ],
    [
      'turns that overlap',
      () => assemble({ ...header, turns: turnsWith(1, { start: 0.5 }) }, audio),
      'bad-turns',
      /Turn 2 overlaps/,
    ],
    [
      'a turn past the audio',
      () => assemble({ ...header, turns: turnsWith(2, { end: 1000 }) }, audio),
      'bad-turns',
      /Turn 3 .*outside the audio/,
    ],
    [
      'a turn 40 dB louder',
      () => assemble({ ...header, turns: turnsWith(0, { gainDb: 40 }) }, audio),
      'bad-turns',
      /Turn 1’s gain/,
    ],
    [
      'a turn at ten times the pace',
      () => assemble({ ...header, turns: turnsWith(0, { pace: 10 }) }, audio),
      'bad-turns',
      /Turn 1’s pace/,
    ],
    [
      'a turn time that is text',
      () => assemble({ ...header, turns: turnsWith(0, { start: '0' }) }, audio),
      'bad-turns',
      /Turn 1’s start is not a number/,
    ],
    [
      'a source of another kind',
      () => assemble({ ...header, source: { kind: 'web', credit: '' } }, audio),
      'bad-header',
      /where its caller came from/,
    ],
  ])('refuses %s', (_name, make, code, message) => {
    const r = refusal(make());
    expect(r.code).toBe(code);
    expect(r.message).toMatch(message);
  });

  it('refuses a file over the size cap before reading it', () => {
    const huge = new Uint8Array(SCENARIO_MAX_BYTES + 1);
    huge.set(good.subarray(0, 64));
    expect(refusal(huge)).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/at most/),
    });
  });

  it('will not write a scenario it would refuse', () => {
    expect(() => encodeScenario({ ...scenario, turns: [] })).toThrow(ScenarioFileError);
    expect(() => encodeScenario({ ...scenario, title: '' })).toThrow(/title/);
  });
});
