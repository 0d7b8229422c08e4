/**
 * The rehearsal's voices, built with espeak-ng and sox (tests/support/dialogues.ts): a caller of three turns
 * on a phone line (the first turn two sentences 0.3 s apart — one turn to the engine), and the agent's three
 * replies alone on a headset at their normal level. Truth by construction: every utterance's start, end
 * and level are the generator's.
 */
import type { DialogueSpec } from '../../support/dialogues';

export const CALLER_LEVEL_DBFS = -26;
export const AGENT_LEVEL_DBFS = -24;

/** The caller's side of a call: three turns 2.5 s apart. Mono: a scenario keeps the caller only. */
export function callerScenarioCall(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    layout: 'mono',
    callerLevelDbfs: CALLER_LEVEL_DBFS,
    callerLine: { pinkNoiseDbfs: -55 },
    tailSec: 2,
    utterances: [
      {
        who: 'caller',
        at: 0.8,
        text: 'I have been waiting for three weeks and nobody called me back.',
      },
      { who: 'caller', afterPrevEnd: 0.3, text: 'This is ridiculous.' },
      { who: 'caller', afterPrevEnd: 2.5, text: 'It is the same problem every single month.' },
      { who: 'caller', afterPrevEnd: 2.5, text: 'So what are you going to do about it?' },
    ],
  };
}

/** The agent's three replies, 2 s apart, at their normal level (the runs scale them). */
export function agentRepliesCall(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    layout: 'agent-left',
    agentLevelDbfs: AGENT_LEVEL_DBFS,
    tailSec: 1,
    utterances: [
      { who: 'agent', at: 0.5, text: 'I am sorry about that. Let me check your account.' },
      { who: 'agent', afterPrevEnd: 2, text: 'I can see the error on your bill.' },
      {
        who: 'agent',
        afterPrevEnd: 2,
        text: 'I will refund the charge today, and the late fee too.',
      },
    ],
  };
}
