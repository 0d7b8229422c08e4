/**
 * Hostile WAV files, built byte by byte: a catalogue of named cases (truncated, lying sizes, odd formats,
 * odd chunk layouts, NaN/Inf samples) with what a reader must do with each, and seeded random mutations
 * of a valid file. Everything is deterministic: a case name or a (seed, index) pair rebuilds the same bytes.
 */
import { A_LAW_TABLE, MU_LAW_TABLE } from '../../renderer/engine/codecs/g711';
import { encodeWav } from '../../renderer/engine/wav-codec';
import { seededRandom } from './test-audio';

// ---------------------------------------------------------------------------------------------- bytes

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number): number[] => [
  v & 0xff,
  (v >>> 8) & 0xff,
  (v >>> 16) & 0xff,
  (v >>> 24) & 0xff,
];

export interface ChunkSpec {
  id: string;
  body: Uint8Array;
  /** Declared size (default: the body's length). */
  size?: number;
  /** Write the pad byte after an odd-sized body (default true). */
  pad?: boolean;
}

/** A RIFF/WAVE file from chunks; `riffSize` overrides the RIFF header's size field. */
export function riffFile(
  chunks: ChunkSpec[],
  riffSize?: number,
  head = 'RIFF',
  form = 'WAVE',
): Uint8Array {
  const parts: number[] = [];
  for (const c of chunks) {
    parts.push(...ascii(c.id), ...u32(c.size ?? c.body.length));
    for (let i = 0; i < c.body.length; i++) parts.push(c.body[i]);
    if (c.body.length % 2 === 1 && c.pad !== false) parts.push(0);
  }
  return new Uint8Array([
    ...ascii(head),
    ...u32(riffSize ?? parts.length + 4),
    ...ascii(form),
    ...parts,
  ]);
}

export interface FmtSpec {
  tag: number;
  channels: number;
  rate: number;
  bits: number;
  blockAlign?: number;
  byteRate?: number;
  /** Bytes after the 16 basic ones (cbSize and the extension are up to the caller). */
  extra?: number[] | Uint8Array;
}

export function fmtBody({
  tag,
  channels,
  rate,
  bits,
  blockAlign,
  byteRate,
  extra = [],
}: FmtSpec): Uint8Array {
  const align = blockAlign ?? (channels * bits) / 8;
  return new Uint8Array([
    ...u16(tag),
    ...u16(channels),
    ...u32(rate),
    ...u32(byteRate ?? rate * align),
    ...u16(align),
    ...u16(bits),
    ...extra,
  ]);
}

/** The 40-byte WAVE_FORMAT_EXTENSIBLE body (cbSize 22) with `subTag` as the sub-format. */
export function extensibleFmtBody(
  channels: number,
  rate: number,
  bits: number,
  subTag: number,
): Uint8Array {
  const tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
  return fmtBody({
    tag: 0xfffe,
    channels,
    rate,
    bits,
    extra: [...u16(22), ...u16(bits), ...u32(channels === 2 ? 3 : 4), ...u16(subTag), ...tail],
  });
}

/** Interleaved little-endian 16-bit PCM of the channels (values clipped to the format). */
export function pcm16Interleaved(channels: Float32Array[]): Uint8Array {
  const frames = channels[0].length;
  const out = new Uint8Array(frames * channels.length * 2);
  const view = new DataView(out.buffer);
  for (let f = 0, at = 0; f < frames; f++) {
    for (const ch of channels) {
      view.setInt16(at, Math.max(-32768, Math.min(32767, Math.round(ch[f] * 32768))), true);
      at += 2;
    }
  }
  return out;
}

export function float32Interleaved(channels: Float32Array[]): Uint8Array {
  const frames = channels[0].length;
  const samples = new Float32Array(frames * channels.length);
  for (let f = 0, at = 0; f < frames; f++) for (const ch of channels) samples[at++] = ch[f];
  return new Uint8Array(samples.buffer);
}

// ---------------------------------------------------------------------------------------------- catalogue

/** What a reader must do with a file. */
export type WavExpectation =
  /** Refuse it with a one-sentence message matching the pattern. */
  | { kind: 'error'; pattern: RegExp }
  /** Read it as exactly these channels (the audio the file really holds). */
  | { kind: 'audio'; channels: Float32Array[]; sampleRate: number };

export interface HostileWav {
  name: string;
  bytes: Uint8Array;
  /** What decodeWav (whole file in memory) must do. */
  decoder: WavExpectation;
  /** What the analyser CLI (reads from disk, refuses data cut short) must do. */
  cli: WavExpectation;
}

const TRUNCATED = /truncated|not a WAV|no fmt chunk|no data chunk/i;

/**
 * The named hostile files, built around `channels` (stereo, the clean audio) at `sampleRate` (16-bit PCM
 * unless the case says otherwise). Cases that a reader can read correctly expect the audio they hold.
 */
export function hostileWavCatalogue(channels: Float32Array[], sampleRate: number): HostileWav[] {
  const [left] = channels;
  const frames = left.length;
  const pcm = pcm16Interleaved(channels);
  const quantized = channels.map((c) =>
    c.map((v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768))) / 32768),
  );
  const audio = (chs: Float32Array[] = quantized, rate = sampleRate): WavExpectation => ({
    kind: 'audio',
    channels: chs,
    sampleRate: rate,
  });
  const prefix = (n: number): Float32Array[] => quantized.map((c) => c.slice(0, n));
  const error = (pattern: RegExp): WavExpectation => ({ kind: 'error', pattern });
  /** G.711 bytes as the standard's table expands them (the table itself is checked against ffmpeg). */
  const g711 = (bytes: Uint8Array, table: Float32Array): Float32Array =>
    Float32Array.from(bytes, (b) => table[b]);
  const both = (name: string, bytes: Uint8Array, expect: WavExpectation): HostileWav => ({
    name,
    bytes,
    decoder: expect,
    cli: expect,
  });
  const fmt = (over: Partial<FmtSpec> = {}) =>
    fmtBody({ tag: 1, channels: 2, rate: sampleRate, bits: 16, ...over });
  const clean = riffFile([
    { id: 'fmt ', body: fmt() },
    { id: 'data', body: pcm },
  ]);
  const headerBytes = clean.length - pcm.length;
  const cases: HostileWav[] = [];

  // Truncated anywhere in the header.
  // (The CLI reads other formats too: it tells an empty file, and three bytes that are not "RIFF", apart.)
  for (const at of [0, 3, 4, 8, 11, 12, 16, 20, 27, 35, 36, 40, 43, 44]) {
    const decoder = error(at >= 44 ? /no audio|empty/i : TRUNCATED);
    cases.push({
      name: `cut after ${at} bytes`,
      bytes: clean.slice(0, at),
      decoder,
      cli: at === 0 ? error(/empty/) : at < 4 ? error(/not an audio file we read/) : decoder,
    });
  }
  // Cut inside the audio, mid-frame: the decoder keeps the whole frames present and says so; the CLI refuses.
  const keptFrames = Math.floor(frames / 3);
  cases.push({
    name: 'cut inside the audio, mid-frame',
    bytes: clean.slice(0, headerBytes + keptFrames * 4 + 3),
    decoder: audio(prefix(keptFrames)),
    cli: error(/truncated/),
  });

  // Sizes that lie.
  const withDataSize = (size: number) =>
    riffFile([
      { id: 'fmt ', body: fmt() },
      { id: 'data', body: pcm, size },
    ]);
  cases.push(
    both(
      'RIFF size 0',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        0,
      ),
      audio(),
    ),
  );
  cases.push(
    both(
      'RIFF size 0xFFFFFFFF',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        0xffffffff,
      ),
      audio(),
    ),
  );
  cases.push(
    both(
      'RIFF size smaller than the header',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        4,
      ),
      audio(),
    ),
  );
  cases.push(both('data size 0 (streamed)', withDataSize(0), audio()));
  cases.push(both('data size 0xFFFFFFFF (streamed)', withDataSize(0xffffffff), audio()));
  cases.push({
    name: 'data size one frame beyond the file',
    bytes: withDataSize(pcm.length + 4),
    decoder: audio(),
    cli: error(/truncated/),
  });
  cases.push({
    name: 'data size 2 GB on a small file',
    bytes: withDataSize(0x7ffffffe),
    decoder: audio(),
    cli: error(/truncated/),
  });
  cases.push(
    both(
      'data size half the audio',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'data', body: pcm.subarray(0, Math.floor(frames / 2) * 4) },
        {
          id: 'junk',
          body: pcm.subarray(Math.floor(frames / 2) * 4, Math.floor(frames / 2) * 4 + 64),
        },
      ]),
      audio(prefix(Math.floor(frames / 2))),
    ),
  );
  cases.push(
    both(
      'data size not a whole number of frames',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'data', body: pcm.subarray(0, pcm.length - 1) },
      ]),
      audio(prefix(frames - 1)),
    ),
  );
  cases.push(
    both(
      'byte rate wrong (ignored)',
      riffFile([
        { id: 'fmt ', body: fmt({ byteRate: 7 }) },
        { id: 'data', body: pcm },
      ]),
      audio(),
    ),
  );

  // G.711 is read (µ-law and A-law, plain or extensible); the formats after it are not.
  const tone8 = new Uint8Array(2000).map((_, i) => 128 + Math.round(60 * Math.sin(i / 5)));
  cases.push(
    both(
      '8-bit PCM',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 1, channels: 1, rate: sampleRate, bits: 8 }) },
        { id: 'data', body: tone8 },
      ]),
      error(/Unsupported encoding: 8-bit PCM/i),
    ),
  );
  cases.push(
    both(
      'A-law',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 6, channels: 1, rate: 8000, bits: 8, extra: u16(0) }) },
        { id: 'fact', body: new Uint8Array(u32(2000)) },
        { id: 'data', body: tone8 },
      ]),
      audio([g711(tone8, A_LAW_TABLE)], 8000),
    ),
  );
  cases.push(
    both(
      'µ-law',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 7, channels: 1, rate: 8000, bits: 8 }) },
        { id: 'data', body: tone8 },
      ]),
      audio([g711(tone8, MU_LAW_TABLE)], 8000),
    ),
  );
  cases.push(
    both(
      'IMA ADPCM',
      riffFile([
        {
          id: 'fmt ',
          body: fmtBody({ tag: 0x11, channels: 1, rate: 8000, bits: 4, blockAlign: 256 }),
        },
        { id: 'data', body: tone8 },
      ]),
      error(/ADPCM/),
    ),
  );
  cases.push(
    both(
      'MP3 in a WAV',
      riffFile([
        {
          id: 'fmt ',
          body: fmtBody({ tag: 0x55, channels: 2, rate: 44100, bits: 0, blockAlign: 1 }),
        },
        { id: 'data', body: tone8 },
      ]),
      error(/MP3/),
    ),
  );
  cases.push(
    both(
      '12-bit PCM',
      riffFile([
        { id: 'fmt ', body: fmt({ bits: 12, blockAlign: 4 }) },
        { id: 'data', body: pcm },
      ]),
      error(/12-bit PCM/),
    ),
  );
  cases.push(
    both(
      '0-bit PCM',
      riffFile([
        { id: 'fmt ', body: fmt({ bits: 0, blockAlign: 0 }) },
        { id: 'data', body: pcm },
      ]),
      error(/0-bit PCM/),
    ),
  );
  cases.push(
    both(
      '64-bit float',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 3, channels: 2, rate: sampleRate, bits: 64 }) },
        { id: 'data', body: pcm },
      ]),
      error(/64-bit float/),
    ),
  );
  cases.push(
    both(
      'format code 0',
      riffFile([
        { id: 'fmt ', body: fmt({ tag: 0 }) },
        { id: 'data', body: pcm },
      ]),
      error(/format code 0/),
    ),
  );
  cases.push(
    both(
      'extensible A-law',
      riffFile([
        { id: 'fmt ', body: extensibleFmtBody(1, 8000, 8, 6) },
        { id: 'data', body: tone8 },
      ]),
      audio([g711(tone8, A_LAW_TABLE)], 8000),
    ),
  );
  cases.push(
    both(
      'extensible fmt cut to 18 bytes',
      riffFile([
        {
          id: 'fmt ',
          body: fmtBody({ tag: 0xfffe, channels: 2, rate: sampleRate, bits: 16, extra: u16(0) }),
        },
        { id: 'data', body: pcm },
      ]),
      error(/EXTENSIBLE.*truncated|truncated.*EXTENSIBLE/i),
    ),
  );

  // Channels and block align.
  for (const n of [0, 3, 6, 65535]) {
    const align = n === 0 ? 4 : Math.min(65535, n * 2);
    cases.push(
      both(
        `${n} channels`,
        riffFile([
          { id: 'fmt ', body: fmt({ channels: n, blockAlign: align }) },
          { id: 'data', body: pcm },
        ]),
        error(new RegExp(`${n} channels`)),
      ),
    );
  }
  for (const align of [0, 3, 2, 8, 65535]) {
    cases.push(
      both(
        `block align ${align} for 16-bit stereo`,
        riffFile([
          { id: 'fmt ', body: fmt({ blockAlign: align }) },
          { id: 'data', body: pcm },
        ]),
        error(/block align/),
      ),
    );
  }

  // Sample rates.
  for (const rate of [0, 1, 7999, 96001, 192000, 4_000_000_000, 0xffffffff]) {
    cases.push(
      both(
        `sample rate ${rate}`,
        riffFile([
          { id: 'fmt ', body: fmt({ rate, byteRate: 0 }) },
          { id: 'data', body: pcm },
        ]),
        error(/sample rate/i),
      ),
    );
  }
  const at8k = channels.map((c) => c.slice(0, Math.min(c.length, 8000)));
  const q8k = at8k.map((c) =>
    c.map((v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768))) / 32768),
  );
  cases.push(
    both(
      'sample rate 8000 (lowest)',
      riffFile([
        { id: 'fmt ', body: fmt({ rate: 8000 }) },
        { id: 'data', body: pcm16Interleaved(at8k) },
      ]),
      audio(q8k, 8000),
    ),
  );
  cases.push(
    both(
      'sample rate 96000 (highest)',
      riffFile([
        { id: 'fmt ', body: fmt({ rate: 96000 }) },
        { id: 'data', body: pcm },
      ]),
      audio(quantized, 96000),
    ),
  );

  // Chunk layout.
  const oddList = {
    id: 'LIST',
    body: new Uint8Array([...ascii('INFOISFT'), ...u32(7), ...ascii('sox 14'), 0, 0x41]),
  }; // 17 bytes
  cases.push(
    both(
      'odd-sized chunk with its pad byte',
      riffFile([{ id: 'fmt ', body: fmt() }, oddList, { id: 'data', body: pcm }]),
      audio(),
    ),
  );
  cases.push(
    both(
      'odd-sized chunk without its pad byte',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { ...oddList, pad: false },
        { id: 'data', body: pcm },
      ]),
      audio(),
    ),
  );
  cases.push(
    both(
      'data before fmt',
      riffFile([
        { id: 'data', body: pcm },
        { id: 'fmt ', body: fmt() },
      ]),
      audio(),
    ),
  );
  cases.push(
    both(
      'data before fmt, streamed size',
      riffFile([
        { id: 'data', body: pcm, size: 0xffffffff },
        { id: 'fmt ', body: fmt() },
      ]),
      error(/no fmt chunk before its sample data/),
    ),
  );
  const bigExtension = new Uint8Array(2 * 1024 * 1024 + 6);
  bigExtension.set(u16(bigExtension.length - 2), 0);
  cases.push(
    both(
      'fmt chunk of 2 MB (honest size)',
      riffFile([
        { id: 'fmt ', body: fmt({ extra: bigExtension }) },
        { id: 'data', body: pcm },
      ]),
      audio(),
    ),
  );
  cases.push(
    both(
      'metadata chunk of 3 MB before the data',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'junk', body: new Uint8Array(3 * 1024 * 1024 + 1) },
        { id: 'data', body: pcm },
      ]),
      audio(),
    ),
  );
  cases.push(
    both(
      'fmt chunk claiming 2 GB',
      riffFile([
        { id: 'fmt ', body: fmt(), size: 0x7ffffff0 },
        { id: 'data', body: pcm },
      ]),
      error(/no data chunk|truncated/i),
    ),
  );
  cases.push(
    both(
      'fmt chunk claiming 14 bytes',
      riffFile([
        { id: 'fmt ', body: fmt(), size: 14 },
        { id: 'data', body: pcm },
      ]),
      error(/truncated/),
    ),
  );
  cases.push(
    both(
      'unknown chunk claiming 4 GB before fmt',
      riffFile([
        { id: 'junk', body: new Uint8Array(10), size: 0xfffffff0 },
        { id: 'fmt ', body: fmt() },
        { id: 'data', body: pcm },
      ]),
      error(/no fmt chunk/),
    ),
  );
  const empties: ChunkSpec[] = Array.from({ length: 20_000 }, () => ({
    id: 'pad ',
    body: new Uint8Array(0),
  }));
  cases.push(
    both(
      '20,000 empty chunks before the audio',
      riffFile([{ id: 'fmt ', body: fmt() }, ...empties, { id: 'data', body: pcm }]),
      audio(),
    ),
  );
  cases.push(both('no fmt chunk', riffFile([{ id: 'data', body: pcm }]), error(/no fmt chunk/)));
  cases.push(
    both(
      'no data chunk',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'LIST', body: new Uint8Array(8) },
      ]),
      error(/no data chunk/),
    ),
  );
  cases.push(
    both(
      '0-length data',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'data', body: new Uint8Array(0) },
      ]),
      error(/no audio|empty/i),
    ),
  );
  cases.push(
    both(
      'data shorter than one frame',
      riffFile([
        { id: 'fmt ', body: fmt() },
        { id: 'data', body: new Uint8Array(3) },
      ]),
      error(/no audio|empty/i),
    ),
  );
  cases.push(both('RIFF header only', riffFile([]), error(/truncated|no fmt/i)));

  // Not WAV at all.
  cases.push(
    both(
      'RIFX (big-endian)',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        undefined,
        'RIFX',
      ),
      error(/RIFX/),
    ),
  );
  cases.push(
    both(
      'RF64',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        undefined,
        'RF64',
      ),
      error(/RF64/),
    ),
  );
  cases.push(
    both(
      'RIFF AVI',
      riffFile(
        [
          { id: 'fmt ', body: fmt() },
          { id: 'data', body: pcm },
        ],
        undefined,
        'RIFF',
        'AVI ',
      ),
      error(/not a WAV/),
    ),
  );
  // Not WAV files: the decoder says so; the CLI (which reads MP3, Ogg Opus and FLAC too) says what it is.
  cases.push({
    name: 'an MP3 file with no audio frames',
    bytes: new Uint8Array([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0x21, ...new Array(200).fill(0xff)]),
    decoder: error(/not a WAV/),
    cli: error(/MP3 (stream is damaged|file holds no audio)/),
  });
  cases.push({
    name: 'a text file',
    bytes: new TextEncoder().encode('hello, I am a wav file, honest\n'.repeat(20)),
    decoder: error(/not a WAV/),
    cli: error(/not an audio file we read: it looks like text/),
  });
  cases.push({
    name: 'invalid UTF-8 and NUL bytes',
    bytes: new Uint8Array(4096).map((_, i) => (i * 37) & 0xff),
    decoder: error(/not a WAV/),
    cli: error(/not an audio file we read/),
  });

  // Valid but unusual encodings: read exactly.
  cases.push(
    both(
      '24-bit mono, WAVE_FORMAT_EXTENSIBLE',
      encodeWav([left], sampleRate, 24, { extensible: true }),
      audio([
        left.map((v) => Math.max(-8388608, Math.min(8388607, Math.round(v * 8388608))) / 8388608),
      ]),
    ),
  );
  cases.push(
    both(
      '32-bit integer stereo',
      encodeWav(channels, sampleRate, 32),
      audio(
        channels.map((c) =>
          c.map(
            (v) =>
              Math.max(-2147483648, Math.min(2147483647, Math.round(v * 2147483648))) / 2147483648,
          ),
        ),
      ),
    ),
  );

  // Float samples that are not numbers: read as silence, the rest exactly.
  const poisoned = channels.map((c) => c.slice());
  const spots = [0, 17, Math.floor(frames / 3), Math.floor(frames / 2), frames - 1];
  const bad = [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  spots.forEach((at, i) => {
    poisoned[0][at] = bad[i];
    poisoned[1][(at + 1) % frames] = bad[(i + 2) % bad.length];
  });
  const cleaned = poisoned.map((c) => c.map((v) => (Number.isFinite(v) ? v : 0)));
  cases.push(
    both(
      'float with NaN and ±Infinity samples',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 3, channels: 2, rate: sampleRate, bits: 32 }) },
        { id: 'data', body: float32Interleaved(poisoned) },
      ]),
      audio(cleaned),
    ),
  );
  const allNaN = new Float32Array(frames).fill(Number.NaN);
  cases.push(
    both(
      'float, every sample NaN',
      riffFile([
        { id: 'fmt ', body: fmtBody({ tag: 3, channels: 2, rate: sampleRate, bits: 32 }) },
        { id: 'data', body: float32Interleaved([allNaN, allNaN]) },
      ]),
      audio([new Float32Array(frames), new Float32Array(frames)]),
    ),
  );
  return cases;
}

// ---------------------------------------------------------------------------------------------- random mutations

/** Offsets of the header fields of a plain 44-byte-header file, and values that break readers. */
const FIELDS: { at: number; bytes: 2 | 4 }[] = [
  { at: 4, bytes: 4 }, // RIFF size
  { at: 16, bytes: 4 }, // fmt size
  { at: 20, bytes: 2 }, // format tag
  { at: 22, bytes: 2 }, // channels
  { at: 24, bytes: 4 }, // sample rate
  { at: 28, bytes: 4 }, // byte rate
  { at: 32, bytes: 2 }, // block align
  { at: 34, bytes: 2 }, // bits
  { at: 40, bytes: 4 }, // data size
];
const EDGE_VALUES = [
  0, 1, 2, 3, 4, 7, 8, 16, 24, 32, 0xff, 0xfffe, 0xffff, 8000, 96000, 0x7fffffff, 0x80000000,
  0xfffffffe, 0xffffffff,
];
const CHUNK_IDS = [
  'LIST',
  'junk',
  'fact',
  'fmt ',
  'data',
  'bext',
  'PAD ',
  '\0\0\0\0',
  'id3 ',
  'smpl',
];

export interface WavMutation {
  /** What was done, for the failure message. */
  readonly steps: string[];
  readonly bytes: Uint8Array;
}

/** 1–4 random edits of `base` (a file with the plain 44-byte header), chosen by `seed`. */
export function mutateWav(base: Uint8Array, seed: number): WavMutation {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  let bytes: Uint8Array = base.slice();
  const steps: string[] = [];
  for (let k = 1 + int(4); k > 0; k--) {
    const op = rnd();
    if (op < 0.3) {
      const f = pick(FIELDS);
      const value = rnd() < 0.7 ? pick(EDGE_VALUES) : int(0x100000000);
      if (f.at + f.bytes <= bytes.length) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (f.bytes === 2) view.setUint16(f.at, value & 0xffff, true);
        else view.setUint32(f.at, value >>> 0, true);
        steps.push(`set u${f.bytes * 8}@${f.at}=${f.bytes === 2 ? value & 0xffff : value >>> 0}`);
      }
    } else if (op < 0.45) {
      // Truncate, usually in the header or near it.
      const at = rnd() < 0.6 ? int(Math.min(bytes.length, 128)) : int(bytes.length);
      bytes = bytes.slice(0, at);
      steps.push(`truncate at ${at}`);
    } else if (op < 0.65) {
      // Insert a chunk (maybe lying about its size, maybe odd, maybe without pad) at a chunk boundary or anywhere.
      const at = rnd() < 0.7 ? pick([12, 36]) : 12 + int(Math.max(1, bytes.length - 12));
      const len = pick([0, 1, 3, 4, 17, 100, 4096]);
      const lie = rnd() < 0.3 ? pick([0, 1, len + 1, 0x7fffffff, 0xffffffff]) : len;
      const id = pick(CHUNK_IDS);
      const chunk = new Uint8Array(8 + len + (len & 1 && rnd() < 0.5 ? 1 : 0));
      for (let i = 0; i < 4; i++) chunk[i] = id.charCodeAt(i);
      new DataView(chunk.buffer).setUint32(4, lie >>> 0, true);
      for (let i = 8; i < chunk.length; i++) chunk[i] = int(256);
      const out = new Uint8Array(bytes.length + chunk.length);
      out.set(bytes.subarray(0, Math.min(at, bytes.length)));
      out.set(chunk, Math.min(at, bytes.length));
      out.set(
        bytes.subarray(Math.min(at, bytes.length)),
        Math.min(at, bytes.length) + chunk.length,
      );
      bytes = out;
      steps.push(
        `insert "${id.replace(/\0/g, '\\0')}" chunk of ${len} bytes declaring ${lie >>> 0} at ${at}`,
      );
    } else if (op < 0.8) {
      // Random bytes in the first 64.
      const count = 1 + int(6);
      for (let i = 0; i < count && bytes.length > 0; i++) {
        const at = int(Math.min(64, bytes.length));
        bytes[at] = int(256);
      }
      steps.push(`scribble ${count} header bytes`);
    } else if (op < 0.9) {
      // Delete a slice.
      const at = int(Math.max(1, bytes.length));
      const len = 1 + int(64);
      const out = new Uint8Array(
        Math.max(0, bytes.length - Math.max(0, Math.min(len, bytes.length - at))),
      );
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + len), at);
      bytes = out;
      steps.push(`delete ${len} bytes at ${at}`);
    } else {
      // Garbage after the end.
      const len = pick([1, 3, 8, 1000]);
      const tail = new Uint8Array(len).map(() => int(256));
      const out = new Uint8Array(bytes.length + len);
      out.set(bytes);
      out.set(tail, bytes.length);
      bytes = out;
      steps.push(`append ${len} random bytes`);
    }
  }
  return { steps, bytes };
}

/** The seed of mutation `index` in a run seeded with `seed` (so one failing file can be rebuilt alone). */
export function mutationSeed(seed: number, index: number): number {
  return (Math.imul(seed, 1000003) + index) >>> 0;
}
