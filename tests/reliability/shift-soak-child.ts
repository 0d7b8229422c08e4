/**
 * Child process for a shift soak (shift-soak.ts): `node --expose-gc --import tsx shift-soak-child.ts PLAN_JSON [--built]`.
 * Prints one JSON line per sample (`{"sample":…}`), then `{"result":…}`. --built runs the Vite-built
 * worklet bundle from out/renderer/assets instead of bundling its source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDialogue } from '../support/dialogues';
import { concat } from '../support/test-audio';
import {
  heatedCallerCall,
  interruptionCall,
  raisedVoiceCall,
  turnTakingCall,
} from '../engine/dialogue-scripts';
import { coachWorkletSource, runShift, type ShiftPlan } from './shift-soak';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as ShiftPlan;
  const built = process.argv.includes('--built');
  // About three minutes of scripted calls: turn taking, interruptions, a raised voice, a heated caller.
  const parts = [turnTakingCall, interruptionCall, raisedVoiceCall, heatedCallerCall].map(
    (script) => buildDialogue(script(plan.sampleRate)),
  );
  const audio = {
    caller: concat(...parts.map((d) => d.caller)),
    agent: concat(...parts.map((d) => d.agent)),
  };
  const source = await coachWorkletSource(PROJECT_ROOT, built);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'calm-line-soak-'));
  try {
    const result = runShift(plan, source, audio, dataDir, (sample) =>
      process.stdout.write(`${JSON.stringify({ sample })}\n`),
    );
    process.stdout.write(
      `${JSON.stringify({ result: { ...result, samples: undefined, audioSec: audio.caller.length / plan.sampleRate } })}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
