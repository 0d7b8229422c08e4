/**
 * The setup's "say a sentence" check, as a pure function of how long each side heard speech: the agent's
 * voice must arrive on their side while the caller's side stays quiet. Tested in
 * tests/renderer/setup/voice-check.test.ts; the setup screen samples the live coach's voice detectors.
 */
import type { MessageKey } from '../i18n/catalogue';

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

/** What each settled verdict says, in the catalogue. */
export const VOICE_CHECK_MESSAGES: Readonly<
  Record<Exclude<VoiceCheckVerdict, 'listening'>, MessageKey>
> = {
  ok: 'setup.check.ok',
  swapped: 'setup.check.swapped',
  both: 'setup.check.both',
  silent: 'setup.check.silent',
};
