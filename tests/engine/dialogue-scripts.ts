/**
 * Scripted calls for the cue tests: each script stages one behaviour (pauses, interruptions, a raised
 * voice, a heated caller) on a telephone line (caller band-limited, pink noise) with an agent headset.
 * Times are relative: the generator measures every utterance, so the truth is exact whatever espeak-ng's
 * timing.
 */
import type { DialogueSpec, LineSpec } from '../support/dialogues';

const line: LineSpec = { pinkNoiseDbfs: -52 };

/** Caller turns followed by pauses long enough for a prompt (1.0–2.0 s) and too short (0.4–0.5 s). */
export function turnTakingCall(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    callerLine: line,
    utterances: [
      {
        who: 'caller',
        at: 0.6,
        text: 'I have been waiting for three weeks and nobody called me back.',
      },
      {
        who: 'agent',
        afterPrevEnd: 1.4,
        text: 'I am sorry about that. Let me check your account.',
      },
      { who: 'caller', afterPrevEnd: 0.5, text: 'It is the same problem every single month.' },
      { who: 'agent', afterPrevEnd: 2.0, text: 'I can see the error on your bill.' },
      { who: 'caller', afterPrevEnd: 0.7, text: 'So what are you going to do about it?' },
      { who: 'agent', afterPrevEnd: 0.4, text: 'I will refund the charge today.' },
      { who: 'caller', afterPrevEnd: 0.6, text: 'Okay.' },
      { who: 'caller', afterPrevEnd: 0.5, text: 'And the fee for the late payment?' },
      { who: 'agent', afterPrevEnd: 1.3, text: 'That one too.' },
      { who: 'caller', afterPrevEnd: 1.0, text: 'Thank you.' },
    ],
  };
}

/** The agent cuts into the caller, the caller cuts into the agent, and one 0.2 s "mm" backchannel. */
export function interruptionCall(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    callerLine: line,
    utterances: [
      {
        who: 'caller',
        at: 0.6,
        text: 'I have been waiting for three weeks and nobody ever called me back about the refund.',
      },
      { who: 'agent', afterPrevStart: 1.5, text: 'Let me just stop you there for a second.' },
      {
        who: 'agent',
        afterPrevEnd: 4.0,
        text: 'I understand, and I want to explain what happened with your order last month.',
      },
      { who: 'caller', afterPrevStart: 1.2, text: 'No, you listen to me now.' },
      {
        who: 'caller',
        afterPrevEnd: 3.5,
        text: 'And then they told me to call again next week, which I did, three times.',
      },
      { who: 'agent', afterPrevStart: 1.3, text: 'mm', cutSec: 0.2 },
      { who: 'agent', afterPrevEnd: 4.0, text: 'Thank you for telling me.' },
    ],
  };
}

/** Normal agent replies, one 10 dB louder (the fourth), then normal again; the caller stays calm. */
export function raisedVoiceCall(sampleRate = 16000, loudFirst = false): DialogueSpec {
  const replies = [
    'I am sorry to hear that. Let me check the line for you.',
    'I can see an outage in your area since Monday morning.',
    'Sir, I already told you that it is an outage.',
    'It should be fixed by tonight.',
  ];
  const callerLines = [
    'My internet has been down since Monday.',
    'Thank you.',
    'Why did nobody tell me?',
    'Fine.',
  ];
  const loudIndex = loudFirst ? 0 : 2;
  return {
    sampleRate,
    callerLine: line,
    utterances: replies.flatMap((text, i) => [
      i === 0
        ? { who: 'caller' as const, at: 0.6, text: callerLines[i] }
        : { who: 'caller' as const, afterPrevEnd: 1.0, text: callerLines[i] },
      { who: 'agent' as const, afterPrevEnd: 1.2, text, gainDb: i === loudIndex ? 10 : 0 },
    ]),
  };
}

/** A calm start, two turns 10 dB louder, then calm again for good; the agent answers normally throughout. */
export function heatedCallerCall(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    callerLine: line,
    utterances: [
      { who: 'caller', at: 0.6, text: 'Hello, I am calling about my bill from last month.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'Of course. What seems to be the problem?' },
      { who: 'caller', afterPrevEnd: 1.0, text: 'I was charged twice for the same phone.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'Let me look into that.' },
      {
        who: 'caller',
        afterPrevEnd: 1.5,
        gainDb: 10,
        text: 'This is the third time this has happened to me!',
      },
      { who: 'agent', afterPrevEnd: 1.2, text: 'I understand how frustrating that is.' },
      {
        who: 'caller',
        afterPrevEnd: 1.0,
        gainDb: 10,
        text: 'Nobody ever fixes anything at your company!',
      },
      { who: 'agent', afterPrevEnd: 1.2, text: 'I will refund the second charge right now.' },
      { who: 'caller', afterPrevEnd: 1.0, text: 'Okay. Thank you, that is all I wanted.' },
      { who: 'agent', afterPrevEnd: 1.2, text: 'You are welcome.' },
      { who: 'caller', afterPrevEnd: 1.0, text: 'Have a nice day, and sorry for shouting at you.' },
    ],
  };
}

/** A caller whose turns hover around the heated threshold (+7, +5.5, +7.5, +5 dB after a calm start). */
export function hoveringCallerCall(sampleRate = 16000): DialogueSpec {
  const gains = [0, 0, 7, 5.5, 7.5, 5, 7];
  const texts = [
    'Hello, I need help with my account.',
    'The password reset does not work for me.',
    'I have tried it five times already today.',
    'Every time it says the link has expired.',
    'I am really getting tired of this.',
    'Can you please just reset it for me?',
    'I have been a customer for ten years.',
  ];
  return {
    sampleRate,
    callerLine: line,
    utterances: texts.flatMap((text, i) => [
      i === 0
        ? { who: 'caller' as const, at: 0.6, text, gainDb: gains[i] }
        : { who: 'caller' as const, afterPrevEnd: 1.0, text, gainDb: gains[i] },
      { who: 'agent' as const, afterPrevEnd: 1.2, text: 'I see.' },
    ]),
  };
}

/** One normal-voice sentence from the agent alone: the calibration recording. */
export function calibrationRecording(sampleRate = 16000): DialogueSpec {
  return {
    sampleRate,
    tailSec: 0.5,
    utterances: [
      {
        who: 'agent',
        at: 0.3,
        text: 'Thank you for calling, my name is Sam, how can I help you today?',
      },
    ],
  };
}
