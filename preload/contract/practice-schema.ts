/**
 * Request schemas and response shapes of the practice methods: scenarios (listed, imported, read, made
 * from a kept recording, deleted) and the history of rehearsals. A rehearsal is stored apart from the
 * session log, always `kind: 'practice'`, so it never counts among real calls. The score's shape is the
 * engine's PracticeScore (renderer/engine/practice/practice-score.ts), checked field by field here.
 */
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const sec = z.number().finite().min(-3600).max(36_000);
const lufs = z.number().finite().min(-200).max(40).nullable();
const count = z.number().int().min(0).max(100_000);

/** Largest scenario file (scenario-file.ts: 16 MB of audio and a 64 KiB header) as base64, with room. */
export const MAX_SCENARIO_BASE64 = 22_000_000;

export const scenarioSourceSchema = z.strictObject({
  kind: z.enum(['recording', 'call-file', 'shipped']),
  credit: z.string().max(400),
});

/** What the scenario list shows; the audio stays in the file until a rehearsal asks for it. */
export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly turns: number;
  readonly durationSec: number;
  readonly sampleRate: number;
  readonly priorities: readonly string[];
  readonly source: z.infer<typeof scenarioSourceSchema>;
  readonly addedAt: string;
  /** Shipped with the app (read-only: exported, never deleted), not the agent's own. */
  readonly shipped: boolean;
  /** The caller's language (BCP 47), when known: the shipped scenarios name theirs. */
  readonly language?: string;
}

export const importScenarioRequestSchema = z.strictObject({
  /** The file's name as the agent picked it (messages name it). */
  fileName: z.string().min(1).max(260),
  dataBase64: z.base64().max(MAX_SCENARIO_BASE64),
});

export const scenarioIdRequestSchema = z.strictObject({ id: z.uuid() });

/** A scenario from a kept recording: its caller channel only, cut into turns by the engine. */
export const scenarioFromRecordingRequestSchema = z.strictObject({
  sessionId: z.uuid(),
  title: z.string().trim().min(1).max(120),
  priorities: z.array(z.string().trim().min(1).max(200)).max(20),
});

const turnScoreSchema = z.strictObject({
  turn: z.number().int().min(0).max(199),
  callerStart: sec,
  callerEnd: sec,
  reply: z.strictObject({ start: sec, end: sec }).nullable(),
  waited: z.boolean(),
  waitSec: sec.nullable(),
  answeredSoftly: z.boolean().nullable(),
  replyLufs: lufs,
  callerLufs: lufs,
  overNormalLu: z.number().finite().min(-300).max(300).nullable(),
  overCallerLu: z.number().finite().min(-300).max(300).nullable(),
  talkedOver: z.strictObject({ agentStarted: count, callerStarted: count, sec: sec }),
  unanswered: z.boolean(),
});

export const practiceScoreSchema = z.strictObject({
  turns: z.array(turnScoreSchema).max(200),
  overall: z.strictObject({
    turns: count,
    waited: count,
    answeredSoftly: count,
    talkedOver: count,
    unanswered: count,
    medianWaitSec: sec.nullable(),
    priorities: z.strictObject({ expected: count, restated: count, confirmed: count }),
    timeToCalmSec: sec.nullable(),
    agentNormalLufs: lufs,
  }),
});
export type PracticeScoreRecord = z.infer<typeof practiceScoreSchema>;

/** One rehearsal in the history. */
export const practiceRunSchema = z.strictObject({
  id: z.uuid(),
  /** Always 'practice': a rehearsal is never a call. */
  kind: z.literal('practice'),
  scenarioId: z.uuid(),
  scenarioTitle: z.string().max(120),
  agent: z.string().max(200),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  score: practiceScoreSchema,
  /** The short wrap-up: what the agent will do differently. */
  note: z.string().max(2000),
});
export type PracticeRunRecord = z.infer<typeof practiceRunSchema>;

export const PRACTICE_PAGE_MAX = 200;
export const practiceRunQuerySchema = z.strictObject({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(PRACTICE_PAGE_MAX).default(50),
  scenarioId: z.uuid().optional(),
});

export interface PracticeRunPage {
  readonly total: number;
  readonly runs: readonly PracticeRunRecord[];
}
