/**
 * A call with music on hold in the middle, for the call-event tests: the caller complains (espeak-ng
 * through buildDialogue), then the line plays music on hold on the caller's channel (chords synthesised by
 * sox: four triads, each note with its own tremolo, at about the level of the caller's voice — what a
 * voice detector takes for a caller who never stops), then the caller speaks again and the agent answers.
 * Agent left, caller right, 48 kHz stereo. Cached by recipe like the dialogues.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildDialogue } from './dialogues.js';
import { FIXTURE_DIR } from './test-audio.js';

export interface HoldCall {
  readonly file: string;
  readonly durationSec: number;
  /** Music on hold plays in [holdStartSec, holdEndSec) of the file. */
  readonly holdStartSec: number;
  readonly holdEndSec: number;
}

const SAMPLE_RATE = 48000;
const HOLD_SEC = 10;
/** C, F, G, A minor: two and a half seconds each. */
const CHORDS: readonly (readonly number[])[] = [
  [261.63, 329.63, 392.0],
  [349.23, 440.0, 523.25],
  [392.0, 493.88, 587.33],
  [220.0, 261.63, 329.63],
];

export function buildHoldCall(): HoldCall {
  const before = buildDialogue({
    sampleRate: SAMPLE_RATE,
    callerLevelDbfs: -22,
    agentLevelDbfs: -26,
    utterances: [
      {
        who: 'caller',
        at: 0.5,
        text: 'My internet has been down for three days and nobody helps me.',
      },
      { who: 'agent', afterPrevEnd: 1.0, text: 'Let me check that for you. One moment please.' },
    ],
    tailSec: 0.5,
  });
  const after = buildDialogue({
    sampleRate: SAMPLE_RATE,
    callerLevelDbfs: -22,
    agentLevelDbfs: -26,
    utterances: [
      { who: 'agent', at: 0.3, text: 'Thank you for waiting. A technician comes tomorrow.' },
      { who: 'caller', afterPrevEnd: 0.8, text: 'All right, thank you.' },
    ],
    tailSec: 1,
  });
  const file = path.join(FIXTURE_DIR, `hold-call-v1-${HOLD_SEC}.wav`);
  const holdStartSec = before.durationSec;
  const holdEndSec = before.durationSec + HOLD_SEC;
  if (!existsSync(file)) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}`;
    const music = `${tmp}-music.wav`;
    const parts: string[] = [];
    CHORDS.forEach((chord, i) => {
      const part = `${tmp}-chord${i}.wav`;
      execFileSync('sox', [
        '-n',
        '-r',
        String(SAMPLE_RATE),
        '-c',
        '1',
        '-b',
        '16',
        part,
        'synth',
        String(HOLD_SEC / CHORDS.length),
        ...chord.flatMap((f) => ['sine', String(f)]),
        'tremolo',
        '5',
        '40',
        'fade',
        '0.05',
        String(HOLD_SEC / CHORDS.length),
        '0.1',
        'gain',
        '-n',
        '-16',
      ]);
      parts.push(part);
    });
    execFileSync('sox', [...parts, music]);
    // Stereo: agent (left) silent, music on the caller (right).
    const stereoMusic = `${tmp}-stereo.wav`;
    execFileSync('sox', [music, '-c', '2', stereoMusic, 'remix', '0', '1']);
    const out = `${tmp}-out.wav`;
    execFileSync('sox', [before.file, stereoMusic, after.file, '-b', '16', out]);
    renameSync(out, file);
    for (const f of [...parts, music, stereoMusic]) execFileSync('rm', ['-f', f]);
  }
  const durationSec = Number(execFileSync('soxi', ['-D', file]).toString().trim());
  return { file, durationSec, holdStartSec, holdEndSec };
}
