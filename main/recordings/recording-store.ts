/**
 * Opted-in call audio: `<data>/recordings/YYYY-MM/<call id>.wav`, 16-bit stereo (agent left, caller right).
 * The page streams numbered chunks of interleaved PCM while the call runs; they are appended to
 * `<id>.wav.part` (a placeholder header first). `finish` writes the real header, fsyncs and renames the
 * part file to `.wav`, so a recording file exists only once it is complete. `discard` removes the part.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monthOf, type MonthHints } from '../sessions/timeline-store';

export const RECORDING_CHANNELS = 2;
const BYTES_PER_FRAME = RECORDING_CHANNELS * 2;
const HEADER_BYTES = 44;
/** The largest data a WAV's 32-bit sizes can describe (about 6.2 h at 48 kHz stereo 16-bit). */
export const MAX_RECORDING_DATA_BYTES = 0xffffffff - (HEADER_BYTES - 8);
/** Largest single chunk: 1 s of stereo 16-bit audio at 192 kHz. */
export const MAX_RECORDING_CHUNK_BYTES = 192_000 * BYTES_PER_FRAME;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-\d{2}$/;

export interface RecordingStoreDeps {
  readonly dataDir: string;
  readonly now?: () => Date;
  readonly maxDataBytes?: number;
  /** A `.part` file untouched this long is left from a call that never finished (page closed, crash). */
  readonly stalePartMs?: number;
}

/** Removes `.part` files not written to for `olderThanMs` (a call in progress appends every 0.5 s). */
export function removeStaleRecordingParts(
  recordingsDir: string,
  nowMs: number,
  olderThanMs: number,
): number {
  let removed = 0;
  let months: string[];
  try {
    months = fs.readdirSync(recordingsDir).filter((name) => MONTH.test(name));
  } catch {
    return 0;
  }
  for (const month of months) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(recordingsDir, month));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.wav.part')) continue;
      const file = path.join(recordingsDir, month, name);
      try {
        if (nowMs - fs.statSync(file).mtimeMs > olderThanMs) {
          fs.rmSync(file, { force: true });
          removed++;
        }
      } catch {
        // Finished or removed meanwhile.
      }
    }
  }
  return removed;
}

export interface RecordingStore {
  readonly recordingsDir: string;
  /** Appends chunk `seq` (0 starts the recording afresh; then 1, 2, … in order). Returns the data bytes so far. */
  append(callId: string, seq: number, pcm: Uint8Array): number;
  /** Completes the file; returns its path relative to the data folder ('/'-separated). */
  finish(callId: string, sampleRate: number): { path: string; bytes: number };
  /** Drops a recording in progress (and a finished one with that id). */
  discard(callId: string): void;
  /** The finished recording's path relative to the data folder, null when there is none. */
  relativePathOf(callId: string, hints?: MonthHints): string | null;
  /** Absolute path of the finished recording, null when there is none. */
  fileOf(callId: string, hints?: MonthHints): string | null;
}

export class RecordingError extends Error {}

interface InProgress {
  readonly partPath: string;
  readonly month: string;
  next: number;
  bytes: number;
}

export function wavHeader(dataBytes: number, sampleRate: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(dataBytes + HEADER_BYTES - 8, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(RECORDING_CHANNELS, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * BYTES_PER_FRAME, 28);
  header.writeUInt16LE(BYTES_PER_FRAME, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

export function openRecordingStore(deps: RecordingStoreDeps): RecordingStore {
  const recordingsDir = path.join(deps.dataDir, 'recordings');
  const now = deps.now ?? (() => new Date());
  const maxDataBytes = deps.maxDataBytes ?? MAX_RECORDING_DATA_BYTES;
  const active = new Map<string, InProgress>();
  const fileIn = (month: string, id: string) => path.join(recordingsDir, month, `${id}.wav`);
  removeStaleRecordingParts(recordingsDir, Date.now(), deps.stalePartMs ?? 600_000);

  const checkId = (id: string): void => {
    if (!ID.test(id)) throw new RecordingError('The call id is not valid.');
  };

  const find = (id: string, hints: MonthHints = []): { month: string; file: string } | null => {
    if (!ID.test(id)) return null;
    const tried = new Set<string>();
    for (const month of [...hints, monthOf(now().toISOString())]) {
      if (month === undefined || !MONTH.test(month) || tried.has(month)) continue;
      tried.add(month);
      if (fs.existsSync(fileIn(month, id))) return { month, file: fileIn(month, id) };
    }
    let months: string[] = [];
    try {
      months = fs.readdirSync(recordingsDir).filter((name) => MONTH.test(name) && !tried.has(name));
    } catch {
      return null;
    }
    for (const month of months.sort().reverse()) {
      if (fs.existsSync(fileIn(month, id))) return { month, file: fileIn(month, id) };
    }
    return null;
  };

  const drop = (id: string): void => {
    const entry = active.get(id);
    if (!entry) return;
    active.delete(id);
    fs.rmSync(entry.partPath, { force: true });
  };

  return {
    recordingsDir,
    append(callId, seq, pcm) {
      checkId(callId);
      if (!Number.isSafeInteger(seq) || seq < 0)
        throw new RecordingError('The chunk number is not valid.');
      if (pcm.byteLength % BYTES_PER_FRAME !== 0)
        throw new RecordingError('A chunk must hold whole stereo 16-bit frames.');
      if (pcm.byteLength > MAX_RECORDING_CHUNK_BYTES)
        throw new RecordingError('The chunk is too large.');
      if (seq === 0) {
        drop(callId);
        const month = monthOf(now().toISOString()) ?? '0000-00';
        const partPath = `${fileIn(month, callId)}.part`;
        fs.mkdirSync(path.dirname(partPath), { recursive: true });
        fs.writeFileSync(partPath, wavHeader(0, 8000), { mode: 0o600 });
        active.set(callId, { partPath, month, next: 0, bytes: 0 });
      }
      const entry = active.get(callId);
      if (!entry) throw new RecordingError('No recording of this call is in progress.');
      if (seq !== entry.next)
        throw new RecordingError(`Chunk ${seq} came out of order (expected ${entry.next}).`);
      if (entry.bytes + pcm.byteLength > maxDataBytes)
        throw new RecordingError('The recording reached the largest size a WAV file can hold.');
      fs.appendFileSync(entry.partPath, pcm);
      entry.next++;
      entry.bytes += pcm.byteLength;
      return entry.bytes;
    },
    finish(callId, sampleRate) {
      checkId(callId);
      if (!Number.isInteger(sampleRate) || sampleRate < 8000 || sampleRate > 192_000) {
        throw new RecordingError('The sample rate is not valid.');
      }
      const entry = active.get(callId);
      if (!entry) throw new RecordingError('No recording of this call is in progress.');
      const target = fileIn(entry.month, callId);
      const fd = fs.openSync(entry.partPath, 'r+');
      try {
        fs.writeSync(fd, wavHeader(entry.bytes, sampleRate), 0, HEADER_BYTES, 0);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(entry.partPath, target);
      active.delete(callId);
      return {
        path: path.relative(deps.dataDir, target).split(path.sep).join('/'),
        bytes: entry.bytes,
      };
    },
    discard(callId) {
      checkId(callId);
      drop(callId);
      const found = find(callId);
      if (found) fs.rmSync(found.file, { force: true });
    },
    relativePathOf(callId, hints) {
      const found = find(callId, hints);
      return found ? path.relative(deps.dataDir, found.file).split(path.sep).join('/') : null;
    },
    fileOf(callId, hints) {
      return find(callId, hints)?.file ?? null;
    },
  };
}
