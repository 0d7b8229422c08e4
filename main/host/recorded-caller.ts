/**
 * The practice domain meets the recordings here, in the host: a session's kept recording (16-bit stereo,
 * agent left, caller right — recording-store.ts) read for its caller channel alone. The agent's samples
 * are decoded with the file and dropped at once; they never reach a scenario.
 */
import fs from 'node:fs';
import type { RecordingStore } from '../recordings/recording-store';
import type { ReadRecordedCaller } from '../practice/practice-handlers';
import { decodeWav } from '../../renderer/engine/wav-codec';

const CALLER_CHANNEL = 1;

export function recordedCallerReader(recordings: RecordingStore | undefined): ReadRecordedCaller {
  return (sessionId) => {
    const file = recordings?.fileOf(sessionId);
    if (!file) return null;
    const wav = decodeWav(fs.readFileSync(file));
    const caller = wav.channels[CALLER_CHANNEL];
    return caller ? { sampleRate: wav.sampleRate, caller } : null;
  };
}
