/**
 * Rehearsals for tests of the practice history and the team store: a run record as the Practice screen
 * keeps it, with the overall score given (the per-turn rows are not what these tests read).
 */
import type { PracticeRunRecord } from '../../preload/contract/practice-schema';

type Overall = PracticeRunRecord['score']['overall'];

export function practiceRun(
  id: string,
  startedAt: string,
  overall: Partial<Overall> = {},
  agent = 'Ana',
): PracticeRunRecord {
  return {
    id,
    kind: 'practice',
    scenarioId: '9f3a2c1e-5b4d-4e6f-8a7b-1c2d3e4f5a6b',
    scenarioTitle: 'Lost parcel',
    agent,
    startedAt,
    endedAt: startedAt,
    note: 'Wait longer.',
    score: {
      turns: [],
      overall: {
        turns: 3,
        waited: 2,
        answeredSoftly: 3,
        talkedOver: 1,
        unanswered: 0,
        medianWaitSec: 0.9,
        priorities: { expected: 2, restated: 2, confirmed: 1 },
        timeToCalmSec: null,
        agentNormalLufs: -24,
        ...overall,
      },
    },
  };
}
