/**
 * What an opened recording's analysis warns about, in the words the review shows (one sentence each).
 * Crosstalk: one channel carries a copy of the other (channel-crosstalk.ts) — said with its level and
 * what the analysis did about it, so a lead reading the figures knows why they can be trusted.
 */
import type { RecordingWarning } from '../../engine/call-analysis-report';

const VOICE = { caller: "The caller's voice", agent: 'Your voice' } as const;
const CHANNEL = { caller: "the caller's channel", agent: 'your channel' } as const;
const SPEAKING = { caller: 'the caller speaking', agent: 'you speaking' } as const;

export function describeRecordingWarning(w: RecordingWarning): string {
  const down = Math.round(-w.levelDb);
  return (
    `${VOICE[w.from]} is also on ${CHANNEL[w.into]}, ${down} dB down (crosstalk: the recorder ` +
    `or its codec mixes the channels — stereo Opus under 28 kbit/s does). That copy is not counted ` +
    `as ${SPEAKING[w.into]}.`
  );
}
