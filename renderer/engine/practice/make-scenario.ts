/**
 * A scenario from the caller's channel of a call (a kept recording, a recorded call file): the engine cuts
 * it into turns (scenario-turns.ts), and a caller longer than a scenario holds (scenario-file.ts) keeps
 * the turns that fit whole. Only the caller's samples go in: the agent's channel is never passed here.
 */
import {
  SCENARIO_MIN_SEC,
  ScenarioFileError,
  checkScenario,
  maxSamplesAt,
  type Scenario,
} from './scenario-file';
import { cutScenarioTurns } from './scenario-turns';

/** Silence kept after the last turn (s), so the caller does not stop mid-breath. */
const TAIL_SEC = 1;

export function makeScenario(
  caller: Float32Array,
  sampleRate: number,
  about: Pick<Scenario, 'title' | 'priorities' | 'source'>,
): Scenario {
  const cap = maxSamplesAt(sampleRate);
  const heard = caller.length > cap ? caller.subarray(0, cap) : caller;
  const turns = cutScenarioTurns(heard, sampleRate).filter(
    (t) => t.end * sampleRate <= cap - TAIL_SEC * sampleRate || heard === caller,
  );
  if (turns.length === 0)
    throw new ScenarioFileError('bad-turns', 'No caller speech was found to rehearse with.');
  const last = turns[turns.length - 1];
  const end = Math.min(
    caller.length,
    Math.max(
      Math.round((last.end + Math.min(last.answerPauseSec, TAIL_SEC)) * sampleRate),
      SCENARIO_MIN_SEC * sampleRate,
    ),
  );
  const durationSec = end / sampleRate;
  const scenario: Scenario = {
    ...about,
    sampleRate,
    audio: caller.slice(0, end),
    turns: turns.map((t) => ({
      ...t,
      answerPauseSec: Math.min(t.answerPauseSec, durationSec - t.end),
    })),
  };
  checkScenario(scenario);
  return scenario;
}
