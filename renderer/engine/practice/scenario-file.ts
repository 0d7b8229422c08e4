/**
 * The scenario file (`.calmscenario`): what a team lead exports and every agent imports. One file, three
 * parts, nothing else:
 *
 *   magic      the 18 ASCII bytes "CALMLINE SCENARIO\n" (a text editor shows what the file is)
 *   header     u32 little-endian byte length, then that many bytes of JSON, ASCII only (other characters
 *              written as \uXXXX escapes): format, version, title, sampleRate, sampleCount, turns,
 *              priorities, source
 *   audio      the caller's channel alone: sampleCount samples of 16-bit little-endian mono PCM, to the
 *              end of the file. The agent's voice is never in a scenario — it stays in the recording it
 *              came from.
 *
 * The decoder is strict, as every import is: a file too large, not a scenario, of a newer version, with a
 * rate or length out of bounds, a header with unknown or missing fields, audio bytes that do not match the
 * header, or turns that overlap, run backwards or lie outside the audio is refused with one sentence that
 * says why (ScenarioFileError, with a code the page turns into its own words).
 */
import { TURN_GAIN_LIMITS, TURN_PACE_LIMITS, type ScenarioTurn } from './scenario-turns';

export const SCENARIO_FILE_VERSION = 1;
export const SCENARIO_FILE_EXTENSION = '.calmscenario';
const MAGIC = 'CALMLINE SCENARIO\n';
const FORMAT = 'calm-line-scenario';

/** Rates a scenario may have: the rates phones and recorders use. */
export const SCENARIO_SAMPLE_RATES: readonly number[] = Object.freeze([
  8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000,
]);
export const SCENARIO_MIN_SEC = 1;
/** Ten minutes of a caller is a long rehearsal. */
export const SCENARIO_MAX_SEC = 600;
/** And 16 MB of audio at most: ten minutes of a phone line at 8 kHz, 8 at 16 kHz, under 3 at 48 kHz. */
export const SCENARIO_MAX_SAMPLES = 8_000_000;
const MAX_HEADER_BYTES = 64 * 1024;
export const SCENARIO_MAX_BYTES = MAGIC.length + 4 + MAX_HEADER_BYTES + SCENARIO_MAX_SAMPLES * 2;
export const SCENARIO_MAX_TURNS = 200;
export const SCENARIO_MAX_PRIORITIES = 20;
const MAX_TITLE_CHARS = 120;
const MAX_PRIORITY_CHARS = 200;
const MAX_CREDIT_CHARS = 400;

/** Where a scenario's caller came from: a kept recording, a recorded call file, or shipped with the app. */
export type ScenarioSourceKind = 'recording' | 'call-file' | 'shipped';
const SOURCE_KINDS: readonly ScenarioSourceKind[] = ['recording', 'call-file', 'shipped'];

export interface Scenario {
  title: string;
  sampleRate: number;
  /** The caller's channel, mono. */
  audio: Float32Array;
  turns: ScenarioTurn[];
  /** What the caller wants, in the words the agent should restate (the rehearsal's priorities). */
  priorities: string[];
  /** Where the voice came from and, for shipped scenarios, its licence. */
  source: { kind: ScenarioSourceKind; credit: string };
}

export type ScenarioFileProblem =
  'too-large' | 'not-a-scenario' | 'newer-version' | 'bad-header' | 'bad-audio' | 'bad-turns';

export class ScenarioFileError extends Error {
  readonly code: ScenarioFileProblem;
  constructor(code: ScenarioFileProblem, message: string) {
    super(message);
    this.name = 'ScenarioFileError';
    this.code = code;
  }
}

const HEADER_KEYS = [
  'format',
  'version',
  'title',
  'sampleRate',
  'sampleCount',
  'turns',
  'priorities',
  'source',
] as const;
const TURN_KEYS = ['start', 'end', 'answerPauseSec', 'gainDb', 'pace'] as const;

/** The scenario as file bytes (the check that decodes it runs first, so nothing invalid is written). */
export function encodeScenario(scenario: Scenario): Uint8Array {
  checkScenario(scenario);
  const header = {
    format: FORMAT,
    version: SCENARIO_FILE_VERSION,
    title: scenario.title,
    sampleRate: scenario.sampleRate,
    sampleCount: scenario.audio.length,
    turns: scenario.turns.map((t) => ({
      start: t.start,
      end: t.end,
      answerPauseSec: t.answerPauseSec,
      gainDb: t.gainDb,
      pace: t.pace,
    })),
    priorities: scenario.priorities,
    source: { kind: scenario.source.kind, credit: scenario.source.credit },
  };
  const json = JSON.stringify(header).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const out = new Uint8Array(MAGIC.length + 4 + json.length + scenario.audio.length * 2);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (let i = 0; i < MAGIC.length; i++) out[pos++] = MAGIC.charCodeAt(i);
  view.setUint32(pos, json.length, true);
  pos += 4;
  for (let i = 0; i < json.length; i++) out[pos++] = json.charCodeAt(i);
  const audio = scenario.audio;
  for (let i = 0; i < audio.length; i++, pos += 2) {
    const v = Math.max(-1, Math.min(1, audio[i]));
    view.setInt16(pos, Math.round(v < 0 ? v * 32768 : v * 32767), true);
  }
  return out;
}

/** File bytes → the scenario, or a ScenarioFileError saying why the file is refused. */
export function decodeScenario(bytes: Uint8Array): Scenario {
  if (bytes.length > SCENARIO_MAX_BYTES)
    fail(
      'too-large',
      `The file is ${mib(bytes.length)} MiB; a scenario is at most ${mib(SCENARIO_MAX_BYTES)} MiB.`,
    );
  if (bytes.length < MAGIC.length + 4 || !startsWithMagic(bytes))
    fail('not-a-scenario', 'This is not a Calm Line scenario file.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const headerStart = MAGIC.length + 4;
  if (
    headerLength === 0 ||
    headerLength > MAX_HEADER_BYTES ||
    headerStart + headerLength > bytes.length
  )
    fail('bad-header', 'The scenario’s header is missing, cut short or too long.');
  let text = '';
  for (let i = headerStart; i < headerStart + headerLength; i++) {
    const b = bytes[i];
    if (b < 0x20 || b > 0x7e)
      fail('bad-header', 'The scenario’s header holds bytes that are not text.');
    text += String.fromCharCode(b);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail('bad-header', 'The scenario’s header is not valid JSON.');
  }
  const header = record(parsed, 'The scenario’s header');
  if (header.format !== FORMAT) fail('not-a-scenario', 'This is not a Calm Line scenario file.');
  if (typeof header.version === 'number' && header.version > SCENARIO_FILE_VERSION)
    fail(
      'newer-version',
      `This scenario was made by a newer Calm Line (file version ${header.version}); this one reads version ${SCENARIO_FILE_VERSION}.`,
    );
  if (header.version !== SCENARIO_FILE_VERSION)
    fail('bad-header', 'The scenario’s file version is not one Calm Line wrote.');
  exactKeys(header, HEADER_KEYS, 'The scenario’s header');
  const sampleRate = header.sampleRate;
  if (typeof sampleRate !== 'number' || !SCENARIO_SAMPLE_RATES.includes(sampleRate))
    fail(
      'bad-audio',
      `The scenario’s sample rate must be one of ${SCENARIO_SAMPLE_RATES.join(', ')} Hz.`,
    );
  const sampleCount = header.sampleCount;
  if (
    typeof sampleCount !== 'number' ||
    !Number.isInteger(sampleCount) ||
    sampleCount < SCENARIO_MIN_SEC * sampleRate ||
    sampleCount > maxSamplesAt(sampleRate)
  )
    fail(
      'bad-audio',
      `The scenario’s caller must last ${SCENARIO_MIN_SEC} s to ${maxMinutesAt(sampleRate)} minutes at ${sampleRate} Hz.`,
    );
  const audioStart = headerStart + headerLength;
  if (bytes.length - audioStart !== sampleCount * 2)
    fail(
      'bad-audio',
      `The scenario’s audio is ${bytes.length - audioStart} bytes where its header says ${sampleCount * 2}: the file is cut short or has something added.`,
    );
  const audio = new Float32Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) {
    const v = view.getInt16(audioStart + i * 2, true);
    audio[i] = v / 32768;
  }
  if (!Array.isArray(header.turns)) fail('bad-turns', 'The scenario has no list of turns.');
  if (header.turns.length > SCENARIO_MAX_TURNS)
    fail('bad-turns', `A scenario has 1 to ${SCENARIO_MAX_TURNS} caller turns.`);
  const source = record(header.source, 'The scenario’s source');
  exactKeys(source, ['kind', 'credit'], 'The scenario’s source');
  const scenario: Scenario = {
    title: header.title as string,
    sampleRate,
    audio,
    turns: (header.turns as unknown[]).map((t, i) => readTurn(t, i)),
    priorities: header.priorities as string[],
    source: { kind: source.kind as ScenarioSourceKind, credit: source.credit as string },
  };
  checkScenario(scenario);
  return scenario;
}

/** What encodeScenario and decodeScenario both insist on. */
export function checkScenario(s: Scenario): void {
  if (!isText(s.title, 1, MAX_TITLE_CHARS))
    fail('bad-header', `A scenario’s title is 1 to ${MAX_TITLE_CHARS} characters of text.`);
  if (
    !Array.isArray(s.priorities) ||
    s.priorities.length > SCENARIO_MAX_PRIORITIES ||
    !s.priorities.every((p) => isText(p, 1, MAX_PRIORITY_CHARS))
  )
    fail(
      'bad-header',
      `A scenario has at most ${SCENARIO_MAX_PRIORITIES} priorities of 1 to ${MAX_PRIORITY_CHARS} characters.`,
    );
  if (
    typeof s.source !== 'object' ||
    s.source === null ||
    !SOURCE_KINDS.includes(s.source.kind) ||
    !isText(s.source.credit, 0, MAX_CREDIT_CHARS)
  )
    fail('bad-header', 'The scenario does not say where its caller came from.');
  if (!SCENARIO_SAMPLE_RATES.includes(s.sampleRate))
    fail(
      'bad-audio',
      `The scenario’s sample rate must be one of ${SCENARIO_SAMPLE_RATES.join(', ')} Hz.`,
    );
  const durationSec = s.audio.length / s.sampleRate;
  if (durationSec < SCENARIO_MIN_SEC || s.audio.length > maxSamplesAt(s.sampleRate))
    fail(
      'bad-audio',
      `The scenario’s caller must last ${SCENARIO_MIN_SEC} s to ${maxMinutesAt(s.sampleRate)} minutes at ${s.sampleRate} Hz.`,
    );
  if (s.turns.length === 0 || s.turns.length > SCENARIO_MAX_TURNS)
    fail('bad-turns', `A scenario has 1 to ${SCENARIO_MAX_TURNS} caller turns.`);
  let previousEnd = 0;
  s.turns.forEach((t, i) => {
    const n = i + 1;
    if (!(t.start >= previousEnd && t.end > t.start && t.end <= durationSec + 1e-6))
      fail('bad-turns', `Turn ${n} overlaps another, runs backwards or lies outside the audio.`);
    if (!(t.answerPauseSec >= 0 && t.answerPauseSec <= durationSec))
      fail('bad-turns', `Turn ${n}’s answer pause is out of bounds.`);
    if (!(t.gainDb >= TURN_GAIN_LIMITS.min && t.gainDb <= TURN_GAIN_LIMITS.max))
      fail(
        'bad-turns',
        `Turn ${n}’s gain is outside ${TURN_GAIN_LIMITS.min} to +${TURN_GAIN_LIMITS.max} dB.`,
      );
    if (!(t.pace >= TURN_PACE_LIMITS.min && t.pace <= TURN_PACE_LIMITS.max))
      fail(
        'bad-turns',
        `Turn ${n}’s pace is outside ${TURN_PACE_LIMITS.min}× to ${TURN_PACE_LIMITS.max}×.`,
      );
    previousEnd = t.end;
  });
}

function readTurn(value: unknown, index: number): ScenarioTurn {
  const t = record(value, `Turn ${index + 1}`);
  exactKeys(t, TURN_KEYS, `Turn ${index + 1}`);
  for (const key of TURN_KEYS)
    if (typeof t[key] !== 'number' || !Number.isFinite(t[key]))
      fail('bad-turns', `Turn ${index + 1}’s ${key} is not a number.`);
  return {
    start: t.start as number,
    end: t.end as number,
    answerPauseSec: t.answerPauseSec as number,
    gainDb: t.gainDb as number,
    pace: t.pace as number,
  };
}

function startsWithMagic(bytes: Uint8Array): boolean {
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('bad-header', `${what} is not an object.`);
  return value as Record<string, unknown>;
}

function exactKeys(value: Record<string, unknown>, keys: readonly string[], what: string): void {
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !(k in value));
  if (extra.length || missing.length)
    fail(
      'bad-header',
      `${what} ${missing.length ? `lacks ${missing.join(', ')}` : `has unknown fields: ${extra.join(', ')}`}.`,
    );
}

/** A string of min…max characters with no control character (no line breaks in a title). */
function isText(value: unknown, min: number, max: number): value is string {
  if (typeof value !== 'string' || value.length < min || value.length > max) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/** The longest caller a scenario holds at this rate (samples). */
export function maxSamplesAt(sampleRate: number): number {
  return Math.min(SCENARIO_MAX_SEC * sampleRate, SCENARIO_MAX_SAMPLES);
}

function maxMinutesAt(sampleRate: number): string {
  return (maxSamplesAt(sampleRate) / sampleRate / 60).toFixed(1).replace(/\.0$/, '');
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function fail(code: ScenarioFileProblem, message: string): never {
  throw new ScenarioFileError(code, message);
}
