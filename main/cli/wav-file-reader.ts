/**
 * Reads a WAV file from disk a block at a time: only the header is parsed from memory, the sample data is
 * decoded straight from the file in chunks, so the length of the recording does not matter.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  WavFormatError,
  decodeWavFrames,
  parseWavHeader,
  type WavFormat,
  type WavHeader,
} from '../../renderer/engine/wav-codec';
import { BadInputError } from './analyze-args';

/** Header bytes read first; a file whose data chunk starts later is read again with more. */
const HEAD_BYTES = 1 << 20;
const MAX_HEAD_BYTES = 64 << 20;
const STREAMED_SIZE = 0xffffffff;

export interface WavFileReader {
  readonly format: WavFormat;
  readonly frameCount: number;
  /** Repairs made while reading (a streamed data size, a partial last frame). */
  readonly notes: string[];
  /** Decodes up to `count` frames from frame `start` into out[c][0…]; returns the frames read. */
  read(start: number, count: number, out: ArrayLike<Float32Array>): number;
  close(): void;
}

/** Opens `filePath`; messages name the file as `file` (as the user typed it). */
export function openWavFile(filePath: string, file = filePath): WavFileReader {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadInputError(`${file}: no such file.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new BadInputError(`${file}: permission denied.`);
    throw new BadInputError(`${file}: cannot be opened (${code ?? (error as Error).message}).`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new BadInputError(`${file}: is a directory, not a WAV file.`);
    const size = stat.size;
    const { header, head } = readHeader(fd, size, file);
    const { format, dataOffset } = header;
    // The data chunk's declared size sits just before its first byte.
    const declared = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(
      dataOffset - 4,
      true,
    );
    const present = size - dataOffset;
    const notes: string[] = [];
    let dataBytes: number;
    if (declared === 0 || declared === STREAMED_SIZE) {
      dataBytes = present;
      notes.push(
        `The data chunk size is ${declared === 0 ? '0' : '0xFFFFFFFF'} (a streamed recording); the audio up to the end of the file was used.`,
      );
    } else if (declared > present) {
      throw new BadInputError(
        `${file}: the WAV file is truncated: its data chunk declares ${declared} bytes but only ${present} are present.`,
      );
    } else dataBytes = declared;
    const frameCount = Math.floor(dataBytes / format.blockAlign);
    if (frameCount === 0)
      throw new BadInputError(`${file}: the WAV file holds no audio: its data chunk is empty.`);
    if (frameCount * format.blockAlign !== dataBytes)
      notes.push(
        `The data ends with ${dataBytes - frameCount * format.blockAlign} byte(s) of an incomplete frame, which were ignored.`,
      );

    let buffer = new Uint8Array(0);
    return {
      format,
      frameCount,
      notes,
      read(start: number, count: number, out: ArrayLike<Float32Array>): number {
        const frames = Math.max(0, Math.min(count, frameCount - start));
        if (frames === 0) return 0;
        const bytes = frames * format.blockAlign;
        if (buffer.length < bytes) buffer = new Uint8Array(bytes);
        let got = 0;
        while (got < bytes) {
          const n = readSync(
            fd,
            buffer,
            got,
            bytes - got,
            dataOffset + start * format.blockAlign + got,
          );
          if (n === 0)
            throw new BadInputError(
              `${file}: the file ended while reading its audio (was it cut short while being read?).`,
            );
          got += n;
        }
        const chunk: WavHeader = {
          format,
          dataOffset: 0,
          dataBytes: bytes,
          frameCount: frames,
          durationSec: frames / format.sampleRate,
          warnings: [],
        };
        return decodeWavFrames(buffer, chunk, 0, frames, out);
      },
      close(): void {
        closeSync(fd);
      },
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function readHeader(
  fd: number,
  size: number,
  file: string,
): { header: WavHeader; head: Uint8Array } {
  for (let want = HEAD_BYTES; ; want *= 4) {
    const length = Math.min(size, want);
    const head = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, head, got, length - got, got);
      if (n === 0) break;
      got += n;
    }
    try {
      return { header: parseWavHeader(head.subarray(0, got)), head };
    } catch (error) {
      // The data chunk may begin after the bytes read so far (a large metadata chunk first): read more.
      const more =
        length < size &&
        want < MAX_HEAD_BYTES &&
        error instanceof WavFormatError &&
        /no data chunk|no fmt chunk|truncated/i.test(error.message);
      if (error instanceof WavFormatError && !more)
        throw new BadInputError(`${file}: ${lowerFirst(error.message)}`);
      if (!(error instanceof WavFormatError)) throw error;
    }
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
