/**
 * The setup's "say a sentence" check, as a pure function of how long each side heard speech: the agent's
 * voice must arrive on their side while the caller's side stays quiet. Tested in
 * tests/renderer/setup/voice-check.test.ts; the setup screen samples the live coach's voice detectors.
 */
export type VoiceCheckVerdict = 'listening' | 'ok' | 'swapped' | 'both' | 'silent';

/** Speech on one side that settles the check (s). */
export const CHECK_SPEECH_SEC = 1.5;
/** The quiet side may hear at most this share of the other's speech (a breath, the softphone's sidetone). */
export const QUIET_SHARE = 0.25;
/** Longest the check listens (s). */
export const CHECK_TIMEOUT_SEC = 15;

export function voiceCheckVerdict(
  agentSec: number,
  callerSec: number,
  elapsedSec: number,
): VoiceCheckVerdict {
  const louder = Math.max(agentSec, callerSec);
  if (louder >= CHECK_SPEECH_SEC) {
    const quieter = Math.min(agentSec, callerSec);
    if (quieter > QUIET_SHARE * louder) return 'both';
    return agentSec >= callerSec ? 'ok' : 'swapped';
  }
  return elapsedSec >= CHECK_TIMEOUT_SEC ? 'silent' : 'listening';
}

export const VOICE_CHECK_COPY: Record<Exclude<VoiceCheckVerdict, 'listening'>, string> = {
  ok: 'Your voice arrived on your side, and the caller’s side stayed quiet. The sides are right.',
  swapped: 'Your voice arrived on the caller’s side: the sides are the wrong way round.',
  both: 'Your voice arrived on both sides: the caller’s input may be your microphone too, or the softphone plays your voice back. Check the devices, then try again.',
  silent:
    'Nothing was heard on either side. Check that the microphone is on and not muted, then try again.',
};
