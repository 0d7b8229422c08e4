/**
 * The team store as the UI sees it: the sync status (synced / queued N / error with the reason), and the
 * team view's requests and answers when it reads the store (a page of sessions with their agent and team,
 * and per-day figures per agent for the charts). Shared by main (answers), preload and the renderer.
 */
import type { SessionRefusal, TeamStoreProblem } from './team-store-problem';
import { z } from 'zod';
import { sessionQuerySchema, type SessionSummary } from './session-ipc-schema';

export type TeamSyncState =
  /** No team store is configured (the default): nothing leaves the computer. */
  | 'off'
  /** Every saved session is in the store. */
  | 'synced'
  /** Sessions wait in the local queue (being sent, or waiting for the next try). */
  | 'queued'
  /** The last try failed; `error` says why, `nextTryAt` when the next one is. */
  | 'error';

export interface TeamSyncStatus {
  readonly state: TeamSyncState;
  /** Sessions waiting in the local queue (refused ones included). */
  readonly queued: number;
  /** Sessions the store refused (kept locally; `error` names the reason). */
  readonly refused: number;
  /** The team and agent this app syncs as (null when off). */
  readonly teamId: string | null;
  readonly agentId: string | null;
  /** Where: host, port and database, never the user's password. */
  readonly store: string | null;
  readonly lastSyncedAt: string | null;
  readonly error: string | null;
  /** When `error` is the store's problem: the same as data, worded by the page (team-store-problem.ts). */
  readonly problem?: TeamStoreProblem;
  /** When `error` says sessions were refused: why the first was, as data (worded by the page). */
  readonly refusal?: SessionRefusal;
  readonly nextTryAt: string | null;
}

/** The team view's query over the store: the session log's filters and paging, plus one team. */
export const teamSessionQuerySchema = sessionQuerySchema.extend({
  team: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
});
export type TeamSessionQuery = z.infer<typeof teamSessionQuerySchema>;

export interface TeamSessionRow extends SessionSummary {
  readonly teamId: string;
  readonly agentId: string;
}

export interface TeamSessionPage {
  readonly rows: TeamSessionRow[];
  /** Matches in all pages. */
  readonly total: number;
  readonly offset: number;
}

/** One agent's figures on one local day (the charts' input; means are computed by the renderer). */
export interface TeamDayFigures {
  readonly day: string;
  readonly agent: string;
  readonly calls: number;
  readonly overtalkSum: number;
  readonly tooLoudSum: number;
  /** Sum and count of time to calm over calls that calmed down. */
  readonly timeToCalmSum: number;
  readonly timeToCalmCount: number;
  readonly confirmedCalls: number;
  readonly escalations: number;
}

/** Open follow-ups by due day and agent. */
export interface TeamDueFigures {
  readonly day: string;
  readonly agent: string;
  readonly open: number;
}

/** One agent's rehearsals (Practice) in the filter's days: never part of the call figures. */
export interface TeamPracticeFigures {
  readonly agent: string;
  readonly rehearsals: number;
  /** Caller turns over those rehearsals, and how many the agent waited for, answered softly, talked
   * over, or left unanswered. */
  readonly turns: number;
  readonly waited: number;
  readonly answeredSoftly: number;
  readonly talkedOver: number;
  readonly unanswered: number;
  readonly lastAt: string;
}

export interface TeamFigures {
  readonly calls: TeamDayFigures[];
  readonly followUps: TeamDueFigures[];
  /** Rehearsals per agent, by the filter's days, team and agent (the call filters do not apply). */
  readonly practice: TeamPracticeFigures[];
  /** The teams the viewer may read (RLS decides). */
  readonly teams: string[];
}
