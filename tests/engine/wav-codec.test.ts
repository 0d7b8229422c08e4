/**
 * WAV codec: exact round trips for every encoding, files written by sox and ffmpeg, the repairs real
 * recordings need (unknown and odd-sized chunks, streamed and lying sizes) and clear refusals of the rest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WavFormatError,
  decodePcmFrames,
  decodeWav,
  decodeWavFrames,
  encodeWav,
  parseWavHeader,
  type WavBits,
} from '../../renderer/engine/wav-codec';
import {
  PCM16_MAX_FRAMES,
  engineKernelKind,
  forceScalarKernels,
} from '../../renderer/engine/wasm/engine-kernels';
import { cachedFixture, ffmpeg, seededRandom, sine, sox, runTool } from '../support/test-audio';

function noise(n: number, seed: number, peak = 0.9): Float32Array {
  const rnd = seededRandom(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rnd() * 2 - 1) * peak;
  return out;
}

/** What the format can hold: x rounded to the format's integer grid (float is exact). */
function quantized(x: Float32Array, bits: WavBits): Float32Array {
  if (bits === 'float') return x;
  const full = 2 ** (bits - 1);
  return x.map((v) => Math.max(-full, Math.min(full - 1, Math.round(v * full))) / full);
}

/** Interleaved float samples as sox decodes the file. */
function soxDecode(file: string): Float32Array {
  const raw = runTool('sh', [
    '-c',
    `sox "${file}" -t f32 -e floating-point -b 32 - | base64 -w0`,
  ]).stdout;
  return new Float32Array(new Uint8Array(Buffer.from(raw, 'base64')).buffer);
}

function expectOneSentenceError(fn: () => unknown, pattern: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'should throw').toBeInstanceOf(WavFormatError);
  const message = (error as Error).message;
  expect(message).toMatch(pattern);
  expect(message).toMatch(/^[A-Z].*\.$/);
  expect(message).not.toContain('\n');
}

function readFixture(recipe: unknown, build: (out: string) => void): Uint8Array {
  return new Uint8Array(readFileSync(cachedFixture(recipe, build)));
}

/** A minimal WAV assembled chunk by chunk, for files no tool writes on purpose. */
function riff(chunks: Array<[string, Uint8Array, { size?: number; pad?: boolean }?]>): Uint8Array {
  const parts: number[] = [];
  const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  for (const [id, body, opts] of chunks) {
    parts.push(...[...id].map((c) => c.charCodeAt(0)), ...u32(opts?.size ?? body.length), ...body);
    if (body.length % 2 === 1 && opts?.pad !== false) parts.push(0);
  }
  return new Uint8Array(
    [...'RIFF']
      .map((c) => c.charCodeAt(0))
      .concat(
        u32(parts.length + 4),
        [...'WAVE'].map((c) => c.charCodeAt(0)),
        parts,
      ),
  );
}

function fmtChunk(tag: number, channels: number, rate: number, bits: number): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  return b;
}

function pcm16(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 2);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setInt16(i * 2, x, true));
  return b;
}

describe('round trips', () => {
  const encodings: WavBits[] = [16, 24, 32, 'float'];
  for (const bits of encodings) {
    for (const channelCount of [1, 2]) {
      for (const extensible of [false, true]) {
        it(`${bits === 'float' ? '32-bit float' : `${bits}-bit PCM`}, ${channelCount === 1 ? 'mono' : 'stereo'}${extensible ? ', WAVE_FORMAT_EXTENSIBLE' : ''}`, () => {
          for (const sampleRate of [8000, 44100, 96000]) {
            const channels = Array.from({ length: channelCount }, (_, c) =>
              noise(1001, 10 * c + sampleRate),
            );
            channels[0][3] = 1; // full scale clips to the largest positive code
            channels[0][4] = -1;
            const bytes = encodeWav(channels, sampleRate, bits, { extensible });
            const decoded = decodeWav(bytes);
            expect(decoded.sampleRate).toBe(sampleRate);
            expect(decoded.frameCount).toBe(1001);
            expect(decoded.warnings).toEqual([]);
            expect(decoded.format.encoding).toBe(bits === 'float' ? 'float' : 'pcm');
            expect(decoded.format.bitsPerSample).toBe(bits === 'float' ? 32 : bits);
            expect(decoded.format.formatTag).toBe(extensible ? 0xfffe : bits === 'float' ? 3 : 1);
            decoded.channels.forEach((ch, c) =>
              expect(Array.from(ch)).toEqual(Array.from(quantized(channels[c], bits))),
            );
            // Decoded values re-encode to the same bytes.
            expect(encodeWav(decoded.channels, sampleRate, bits, { extensible })).toEqual(bytes);
          }
        });
      }
    }
  }

  it('accepts an ArrayBuffer and a Uint8Array that views the middle of a larger buffer', () => {
    const bytes = encodeWav([sine({ sampleRate: 16000, seconds: 0.1, peakDbfs: -6 })], 16000, 16);
    const big = new Uint8Array(bytes.length + 7);
    big.set(bytes, 3);
    const view = big.subarray(3, 3 + bytes.length);
    const a = decodeWav(bytes.slice().buffer);
    const b = decodeWav(view); // odd byte offset: the decoder cannot use an aligned Int16Array view
    expect(Array.from(b.channels[0])).toEqual(Array.from(a.channels[0]));
  });
});

describe('incremental decoding', () => {
  for (const bits of [16, 24, 32, 'float'] as WavBits[]) {
    it(`walks a ${bits}-bit stereo file block by block to the same samples as a whole decode`, () => {
      const bytes = encodeWav([noise(10_000, 1), noise(10_000, 2)], 48000, bits);
      const whole = decodeWav(bytes);
      const header = parseWavHeader(bytes);
      expect(header.frameCount).toBe(10_000);
      expect(header.durationSec).toBeCloseTo(10_000 / 48000, 9);
      const out = [new Float32Array(10_000), new Float32Array(10_000)];
      let frame = 0;
      const block = [new Float32Array(777), new Float32Array(777)];
      for (;;) {
        const n = decodeWavFrames(bytes, header, frame, 777, block);
        if (n === 0) break;
        out[0].set(block[0].subarray(0, n), frame);
        out[1].set(block[1].subarray(0, n), frame);
        frame += n;
      }
      expect(frame).toBe(10_000);
      expect(out).toEqual(whole.channels);
    });
  }
});

describe('streaming a file too large to load', () => {
  it('parses the header from the first bytes and decodes blocks read at dataOffset + n × blockAlign', () => {
    const channels = [noise(5000, 7), noise(5000, 8)];
    for (const bits of [16, 24, 'float'] as WavBits[]) {
      const file = encodeWav(channels, 32000, bits);
      const header = parseWavHeader(file.subarray(0, 200), { fileSize: file.length });
      expect(header.frameCount).toBe(5000);
      expect(header.warnings).toEqual([]);
      const whole = decodeWav(file);
      const got = [new Float32Array(5000), new Float32Array(5000)];
      const blockBytes = 333 * header.format.blockAlign;
      for (
        let at = header.dataOffset, frame = 0;
        at < header.dataOffset + header.dataBytes;
        at += blockBytes
      ) {
        const chunk = file.slice(
          at,
          Math.min(at + blockBytes, header.dataOffset + header.dataBytes),
        ); // as read from disk
        frame += decodePcmFrames(chunk, header.format, got, frame);
      }
      expect(got).toEqual(whole.channels);
    }
  });

  it('reads 16-bit stereo the same wherever the block sits in memory (16-bit or byte aligned), kernel or JavaScript', () => {
    const values = [-32768, -32767, -1, 0, 1, 12345, -12345, 32767];
    const pcm = new Int16Array(values.length * 2);
    values.forEach((v, i) => {
      pcm[2 * i] = v; // left
      pcm[2 * i + 1] = values[values.length - 1 - i]; // right
    });
    const header = parseWavHeader(encodeWav([new Float32Array(1), new Float32Array(1)], 8000, 16));
    try {
      for (const scalar of [false, true]) {
        forceScalarKernels(scalar);
        for (const offset of [0, 2, 1, 4, 6]) {
          const buffer = new Uint8Array(offset + pcm.byteLength);
          buffer.set(new Uint8Array(pcm.buffer), offset);
          const out = [new Float32Array(values.length), new Float32Array(values.length)];
          const at = `${engineKernelKind()}, offset ${offset}`;
          expect(decodePcmFrames(buffer.subarray(offset), header.format, out)).toBe(values.length);
          expect([...out[0]], at).toEqual(values.map((v) => v / 32768));
          expect([...out[1]], at).toEqual([...values].reverse().map((v) => v / 32768));
        }
      }
    } finally {
      forceScalarKernels(false);
    }
  });

  it('reads 16-bit stereo bit for bit the same through the SIMD kernel as in JavaScript', () => {
    // More frames than one kernel call takes, and a tail of 3 that is not a multiple of 4.
    const frames = 2 * PCM16_MAX_FRAMES + 1003;
    const file = encodeWav([noise(frames, 21), noise(frames, 22, 1)], 8000, 16);
    const header = parseWavHeader(file);
    const data = file.subarray(header.dataOffset, header.dataOffset + header.dataBytes);
    const decode = () => {
      const out = [new Float32Array(frames + 5), new Float32Array(frames + 5)];
      expect(decodePcmFrames(data, header.format, out, 5)).toBe(frames);
      return out;
    };
    expect(engineKernelKind()).toBe('wasm-simd');
    const simd = decode();
    forceScalarKernels(true);
    try {
      expect(decode()).toEqual(simd);
    } finally {
      forceScalarKernels(false);
    }
    expect(Math.max(...simd[1].map(Math.abs))).toBeGreaterThan(0.99);
  });

  it('still notices a data size larger than the file', () => {
    const file = encodeWav([noise(1000, 9)], 8000, 16);
    const header = parseWavHeader(file.subarray(0, 64), { fileSize: file.length - 200 });
    expect(header.frameCount).toBe(900);
    expect(header.warnings.join(' ')).toMatch(/cut short/);
  });
});

describe('files from other tools', () => {
  const cases: Array<{ name: string; soxArgs: string[]; bits: number; encoding: 'pcm' | 'float' }> =
    [
      {
        name: '16-bit PCM',
        soxArgs: ['-b', '16', '-e', 'signed-integer'],
        bits: 16,
        encoding: 'pcm',
      },
      {
        name: '24-bit PCM',
        soxArgs: ['-b', '24', '-e', 'signed-integer'],
        bits: 24,
        encoding: 'pcm',
      },
      {
        name: '32-bit PCM',
        soxArgs: ['-b', '32', '-e', 'signed-integer'],
        bits: 32,
        encoding: 'pcm',
      },
      {
        name: '32-bit float',
        soxArgs: ['-b', '32', '-e', 'floating-point'],
        bits: 32,
        encoding: 'float',
      },
    ];
  for (const c of cases) {
    it(`reads sox's ${c.name} stereo file sample for sample as sox itself decodes it`, () => {
      const file = cachedFixture(
        { tool: 'sox', what: 'sine+noise', args: c.soxArgs, v: 1 },
        (out) =>
          sox(
            '-n',
            '-r',
            '44100',
            '-c',
            '2',
            ...c.soxArgs,
            out,
            'synth',
            '0.5',
            'sine',
            '440',
            'whitenoise',
            'vol',
            '0.5',
          ),
      );
      const decoded = decodeWav(new Uint8Array(readFileSync(file)));
      expect(decoded.format.bitsPerSample).toBe(c.bits);
      expect(decoded.format.encoding).toBe(c.encoding);
      const ref = soxDecode(file);
      expect(ref.length).toBe(decoded.frameCount * 2);
      let maxDiff = 0;
      for (let i = 0; i < decoded.frameCount; i++) {
        maxDiff = Math.max(
          maxDiff,
          Math.abs(decoded.channels[0][i] - ref[2 * i]),
          Math.abs(decoded.channels[1][i] - ref[2 * i + 1]),
        );
      }
      expect(maxDiff).toBeLessThan(1e-6);
    });
  }

  it("reads ffmpeg's WAVE_FORMAT_EXTENSIBLE 24-bit file with its LIST chunk before the data", () => {
    const file = cachedFixture({ tool: 'ffmpeg', what: 'sine-s24-ext', v: 1 }, (out) =>
      ffmpeg(
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=1000:sample_rate=48000:duration=0.5',
        '-ac',
        '2',
        '-c:a',
        'pcm_s24le',
        '-f',
        'wav',
        out,
      ),
    );
    const bytes = new Uint8Array(readFileSync(file));
    expect(new TextDecoder().decode(bytes.subarray(0, 200))).toContain('LIST');
    const decoded = decodeWav(bytes);
    expect(decoded.format.formatTag).toBe(0xfffe);
    expect(decoded.format.bitsPerSample).toBe(24);
    expect(decoded.frameCount).toBe(24000);
    const ref = soxDecode(file);
    for (let i = 0; i < decoded.frameCount; i += 97)
      expect(decoded.channels[1][i]).toBeCloseTo(ref[2 * i + 1], 6);
    expect(Math.max(...decoded.channels[0].subarray(0, 4800))).toBeGreaterThan(0.05);
  });

  it('sox and ffmpeg read what the encoder writes, in every encoding', () => {
    for (const bits of [16, 24, 32, 'float'] as WavBits[]) {
      const file = cachedFixture({ what: 'our-encoder', bits, v: 1 }, (out) => {
        const x = sine({ sampleRate: 22050, seconds: 0.25, peakDbfs: -6 });
        writeFileSync(out, encodeWav([x, x], 22050, bits));
      });
      const info = sox('--i', file).stdout;
      expect(info).toMatch(/Channels\s*: 2/);
      expect(info).toMatch(/Sample Rate\s*: 22050/);
      expect(info).toMatch(/Duration\s*: 00:00:00\.25/);
      const probe = ffmpeg('-i', file, '-f', 'null', '-');
      expect(probe.stderr).toMatch(/22050 Hz, stereo/);
    }
  });
});

describe('repairs', () => {
  const fmt = fmtChunk(1, 1, 8000, 16);
  const data = pcm16([1000, -1000, 2000, -2000, 3000]);

  it('skips unknown chunks, odd-sized ones with their pad byte, and ones whose writer forgot the pad byte', () => {
    const info = new Uint8Array([...'hello'].map((c) => c.charCodeAt(0)));
    for (const pad of [true, false]) {
      const bytes = riff([
        ['fmt ', fmt],
        ['LIST', info, { pad }],
        ['data', data],
      ]);
      const decoded = decodeWav(bytes);
      expect(Array.from(decoded.channels[0]).map((v) => Math.round(v * 32768))).toEqual([
        1000, -1000, 2000, -2000, 3000,
      ]);
      expect(decoded.warnings).toEqual([]);
    }
  });

  it('reads a streamed recording whose data size was never written (0 or 0xFFFFFFFF), and says so', () => {
    for (const size of [0, 0xffffffff]) {
      const decoded = decodeWav(
        riff([
          ['fmt ', fmt],
          ['data', data, { size }],
        ]),
      );
      expect(decoded.frameCount).toBe(5);
      expect(decoded.warnings.join(' ')).toMatch(/streamed recording/);
    }
  });

  it('reads the whole frames of a file cut short (data size larger than the file), and says so', () => {
    const full = encodeWav([noise(1000, 4), noise(1000, 5)], 44100, 24);
    const cut = full.subarray(0, full.length - 100); // 100 bytes = 16 frames and 4 bytes of a 17th
    const decoded = decodeWav(cut);
    expect(decoded.frameCount).toBe(1000 - 17);
    expect(decoded.warnings.join(' ')).toMatch(/cut short/);
    expect(decoded.warnings.join(' ')).toMatch(/incomplete frame/);
    expect(Array.from(decoded.channels[1])).toEqual(
      Array.from(decodeWav(full).channels[1].subarray(0, 983)),
    );
  });
});

describe('refusals', () => {
  it('a file that is not a WAV', () => {
    expectOneSentenceError(
      () => decodeWav(new TextEncoder().encode('just some text, not audio at all')),
      /not a WAV file/,
    );
    expectOneSentenceError(
      () => decodeWav(new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
      /not a WAV file/,
    );
    expectOneSentenceError(() => decodeWav(new Uint8Array(0)), /truncated|not a WAV/);
    const rifx = encodeWav([noise(10, 1)], 8000, 16);
    rifx.set([0x52, 0x49, 0x46, 0x58], 0);
    expectOneSentenceError(() => decodeWav(rifx), /big-endian/);
  });

  it('a truncated header', () => {
    const bytes = encodeWav([noise(100, 1)], 8000, 16);
    expectOneSentenceError(() => decodeWav(bytes.subarray(0, 8)), /truncated/);
    expectOneSentenceError(() => decodeWav(bytes.subarray(0, 12)), /truncated.*no fmt chunk/);
    expectOneSentenceError(() => decodeWav(bytes.subarray(0, 30)), /truncated.*fmt chunk/);
  });

  it('encodings other than PCM 16/24/32, float 32, G.711 and GSM 6.10', () => {
    const adpcm = readFixture({ tool: 'sox', what: 'ima-adpcm', v: 1 }, (out) =>
      sox('-n', '-r', '8000', '-c', '1', '-e', 'ima-adpcm', out, 'synth', '0.1', 'sine', '440'),
    );
    expectOneSentenceError(() => decodeWav(adpcm), /Unsupported encoding: IMA ADPCM \(format 17\)/);
    const u8 = readFixture({ tool: 'sox', what: 'u8', v: 1 }, (out) =>
      sox(
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '8',
        '-e',
        'unsigned-integer',
        out,
        'synth',
        '0.1',
        'sine',
        '440',
      ),
    );
    expectOneSentenceError(() => decodeWav(u8), /Unsupported encoding: 8-bit PCM/);
    const f64 = readFixture({ tool: 'sox', what: 'f64', v: 1 }, (out) =>
      sox(
        '-n',
        '-r',
        '8000',
        '-c',
        '1',
        '-b',
        '64',
        '-e',
        'floating-point',
        out,
        'synth',
        '0.1',
        'sine',
        '440',
      ),
    );
    expectOneSentenceError(() => decodeWav(f64), /Unsupported encoding: 64-bit float/);
  });

  it('sample rates outside 8–96 kHz', () => {
    for (const rate of [4000, 192000]) {
      const bytes = readFixture({ tool: 'sox', what: 'rate', rate, v: 1 }, (out) =>
        sox('-n', '-r', String(rate), '-c', '1', '-b', '16', out, 'synth', '0.05', 'sine', '440'),
      );
      expectOneSentenceError(
        () => decodeWav(bytes),
        new RegExp(`Unsupported sample rate: ${rate} Hz`),
      );
    }
  });

  it('more than two channels', () => {
    const quad = readFixture({ tool: 'sox', what: 'quad', v: 1 }, (out) =>
      sox('-n', '-r', '48000', '-c', '4', '-b', '16', out, 'synth', '0.05', 'sine', '440'),
    );
    expectOneSentenceError(() => decodeWav(quad), /4 channels; only mono and stereo/);
  });

  it('no audio', () => {
    const fmt = fmtChunk(1, 2, 48000, 16);
    expectOneSentenceError(() => decodeWav(riff([['fmt ', fmt]])), /no data chunk/);
    expectOneSentenceError(
      () =>
        decodeWav(
          riff([
            ['fmt ', fmt],
            ['data', new Uint8Array(0)],
          ]),
        ),
      /holds no audio/,
    );
    expectOneSentenceError(
      () =>
        decodeWav(
          riff([
            ['fmt ', fmt],
            ['data', new Uint8Array(3)],
          ]),
        ),
      /holds no audio/,
    );
    expectOneSentenceError(() => decodeWav(riff([['data', pcm16([1, 2])]])), /no fmt chunk/);
  });

  it('a header that contradicts itself', () => {
    const fmt = fmtChunk(1, 2, 48000, 16);
    new DataView(fmt.buffer).setUint16(12, 3, true);
    expectOneSentenceError(
      () =>
        decodeWav(
          riff([
            ['fmt ', fmt],
            ['data', pcm16([1, 2, 3, 4])],
          ]),
        ),
      /block align 3/,
    );
  });
});
