/**
 * Prints what the coach and the analysis make of music on hold that no event announces, one row per kind
 * and control (hold-music-calls.ts): `npx tsx tests/engine/hold-music-report.ts`. The assertions live in
 * hold-music.test.ts.
 */
import {
  HOLD_CONTROL_KINDS,
  HOLD_MUSIC_KINDS,
  MUSIC_LEVELS_DBFS,
  VENTING_CALLERS,
  holdMusicCall,
  type HoldMusicCall,
} from '../support/hold-music-calls';
import { runHoldMusicCall, talkSec } from '../support/hold-music-run';

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
console.log(
  '| call | music | shown at (delay) | analysis hold | caller back | gone at (after word) | cues while shown | venting while shown | caller talk s (truth) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const calls: HoldMusicCall[] = [
  ...HOLD_MUSIC_KINDS.flatMap((kind) => MUSIC_LEVELS_DBFS.map((db) => holdMusicCall(kind, db))),
  ...HOLD_CONTROL_KINDS.map((kind) => holdMusicCall(kind)),
  ...VENTING_CALLERS.slice(1).map((voice) => holdMusicCall('venting', undefined, voice)),
];
for (const call of calls) {
  const kind = call.kind;
  const run = runHoldMusicCall(call);
  const first = run.shown[0];
  const holds = run.offline.holds ?? [];
  const truth = call.callerTruth.reduce((s, [a, b]) => s + b - a, 0);
  const music = HOLD_MUSIC_KINDS.includes(kind as never);
  console.log(
    `| ${kind}${music ? ` ${call.musicDbfs} dBFS` : ''}${kind === 'venting' ? ` (${call.callerVoice})` : ''} | ${music ? `${f(call.holdStartSec)}–${f(call.holdEndSec)}` : 'none'} | ${first ? `${f(first[0])} (${f(first[0] - call.holdStartSec)})` : 'never'}${run.shown.length > 1 ? ` ×${run.shown.length}` : ''} | ${holds.map((h) => `${f(h.start)}–${f(h.end)}`).join(', ') || 'none'} | ${f(call.callerBackSec)} | ${first ? `${f(first[1])} (${f(first[1] - call.callerBackSec)})` : '–'} | ${run.cuesWhileShown.length} | ${run.ventingWhileShown.map(f).join(', ') || '–'} | ${f(talkSec(run.offline.speech.caller))} (${f(truth)}) |`,
  );
}
