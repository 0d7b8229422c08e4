/**
 * A scenario from a recorded call file the app reads (WAV, G.711, GSM, MP3, Opus, FLAC — a kept recording
 * too): decoded block by block in the page, the caller's channel kept (right of a stereo file, by the app's
 * channel convention, or the only one of a mono file), the agent's channel dropped block by block — it never
 * leaves the page and is never in the scenario. The engine cuts the caller into turns (make-scenario.ts).
 */
import { bytesSource, openCallAudio } from '../../engine/call-audio/open-call-audio';
import { makeScenario } from '../../engine/practice/make-scenario';
import { encodeScenario, maxSamplesAt } from '../../engine/practice/scenario-file';

/** Channel of a stereo file carrying the caller: agent left, caller right. */
const CALLER_CHANNEL = 1;

export async function scenarioFromCallFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<Uint8Array> {
  const call = await openCallAudio(bytesSource(bytes), { refuseCutShort: false });
  try {
    const channel = call.channelCount > 1 ? CALLER_CHANNEL : 0;
    const cap = maxSamplesAt(call.sampleRate);
    const caller = new Float32Array(cap);
    let filled = 0;
    for (let block = await call.next(); block && filled < cap; block = await call.next()) {
      const part = block[channel].subarray(0, cap - filled);
      caller.set(part, filled);
      filled += part.length;
    }
    const title = fileName.replace(/\.[^.]+$/, '').slice(0, 120) || 'Scenario';
    return encodeScenario(
      makeScenario(caller.subarray(0, filled), call.sampleRate, {
        title,
        priorities: [],
        source: { kind: 'call-file', credit: '' },
      }),
    );
  } finally {
    call.close();
  }
}
