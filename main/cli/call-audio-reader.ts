/**
 * Recorded calls from disk, in every format Calm Line reads (renderer/engine/call-audio: WAV in PCM,
 * float, G.711 µ-law/A-law or GSM 6.10; MP3; Ogg Opus; FLAC). `openCallAudioFile` streams a call of any
 * length block by block; `readCallAudio` decodes a whole call into memory. Both refuse a file cut short
 * (an analysis of part of a call must not pass for the whole) and turn every reason a file cannot be
 * read into a BadInputError of one sentence that names the file as the user typed it, the reason worded
 * from the CLI's catalogue (call-audio-reason.ts) in the program's language.
 */
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import {
  CallAudioError,
  decodeCallAudio,
  openCallAudio,
  type ByteSource,
  type CallAudioStream,
} from '../../renderer/engine/call-audio/open-call-audio';
import { BadInputError } from './analyze-args';
import { callAudioReason } from './call-audio-reason';

export interface CallAudio {
  sampleRate: number;
  channels: Float32Array[];
  /** Repairs made while reading (a streamed WAV size, a partial last frame). */
  notes: string[];
  /** 'WAV (µ-law)', 'MP3', 'Ogg Opus', 'FLAC', … */
  formatName: string;
}

export interface CallAudioFile extends CallAudioStream {
  /** Closes the decoder and the file. */
  close(): void;
}

/** Opens `filePath` for reading block by block; messages name the file as `file`. */
export async function openCallAudioFile(filePath: string, file = filePath): Promise<CallAudioFile> {
  const disk = openFile(filePath, file);
  try {
    const stream = await openCallAudio(disk.source, { refuseCutShort: true });
    return {
      get formatName() {
        return stream.formatName;
      },
      get sampleRate() {
        return stream.sampleRate;
      },
      get channelCount() {
        return stream.channelCount;
      },
      get notes() {
        return stream.notes;
      },
      get cutShort() {
        return stream.cutShort;
      },
      get repairs() {
        return stream.repairs;
      },
      next: () => stream.next().catch((error: unknown) => Promise.reject(asBadInput(error, file))),
      fraction: () => stream.fraction(),
      close() {
        stream.close();
        disk.close();
      },
    };
  } catch (error) {
    disk.close();
    throw asBadInput(error, file);
  }
}

/** Decodes the whole call at `filePath` into memory. */
export async function readCallAudio(filePath: string, file = filePath): Promise<CallAudio> {
  const disk = openFile(filePath, file);
  try {
    return await decodeCallAudio(disk.source, { refuseCutShort: true });
  } catch (error) {
    throw asBadInput(error, file);
  } finally {
    disk.close();
  }
}

function asBadInput(error: unknown, file: string): unknown {
  if (error instanceof CallAudioError)
    return new BadInputError('cli.analyze.not-a-call', {
      file,
      reason: callAudioReason(error.problem),
    });
  return error;
}

function openFile(filePath: string, file: string): { source: ByteSource; close(): void } {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadInputError('cli.analyze.no-such-file', { file });
    if (code === 'EACCES' || code === 'EPERM')
      throw new BadInputError('cli.analyze.permission-denied', { file });
    throw new BadInputError('cli.analyze.cannot-open', {
      file,
      reason: code ?? (error as Error).message,
    });
  }
  let open = true;
  let reading = 0;
  // Reads still running keep the descriptor until they are done (never read from a reused number).
  const closeIfIdle = (): void => {
    if (!open && reading === 0) closeSync(fd);
  };
  const close = (): void => {
    if (!open) return;
    open = false;
    closeIfIdle();
  };
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new BadInputError('cli.analyze.is-folder', { file });
    const size = stat.size;
    /** Bytes [start, end) (fewer at the end of the file), read on libuv's thread pool. */
    const readAt = (start: number, end: number): Promise<Uint8Array> => {
      const length = Math.max(0, Math.min(end, size) - start);
      // Not zero-filled: every byte returned is read from the file.
      const buffer = Buffer.allocUnsafe(length);
      reading++;
      const done = new Promise<Uint8Array>((resolve, reject) => {
        const step = (got: number): void => {
          if (got === length) return resolve(buffer);
          read(fd, buffer, got, length - got, start + got, (error, n) => {
            if (error) reject(error);
            else if (n === 0) resolve(buffer.subarray(0, got));
            else step(got + n);
          });
        };
        step(0);
      }).finally(() => {
        reading--;
        closeIfIdle();
      });
      return done;
    };
    // Readers go through a file block after block: the next block is read while this one is decoded
    // and analysed (10-minute stereo call: the read's 70 ms overlap the engine's work).
    let ahead: { start: number; end: number; bytes: Promise<Uint8Array> } | null = null;
    return {
      source: {
        size,
        read: (start, end) => {
          const bytes =
            ahead && ahead.start === start && ahead.end === end ? ahead.bytes : readAt(start, end);
          ahead = null;
          if (open && end < size && end > start) {
            const next = { start: end, end: 2 * end - start, bytes: readAt(end, 2 * end - start) };
            next.bytes.catch(() => undefined); // a read ahead nobody asks for may fail unseen
            ahead = next;
          }
          return bytes;
        },
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
