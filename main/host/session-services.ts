/**
 * Everything the wrap-up, the session log, call review and follow-ups need in the host, opened over one
 * data folder and sharing one problem log (files moved aside) — what both hosts put in HostServices. The
 * cross-domain wiring lives here, in the host: the session log and the practice history queued for the
 * team store, opted-in audio beside the sessions it belongs to.
 */
import {
  createFollowUpChecker,
  type FollowUpChecker,
  type FollowUpCheckerDeps,
} from '../sessions/follow-up-checker';
import { openDraftStore, type DraftStore } from '../sessions/draft-store';
import { openSessionRepository, type SessionRepository } from '../sessions/session-repository';
import type { JsonStoreFactory } from '../storage/json-store';
import { createProblemLog, describeStoreProblem, type ProblemLog } from '../storage/store-problems';
import { openTimelineStore, type TimelineStore } from '../sessions/timeline-store';
import { openRecordingStore, type RecordingStore } from '../recordings/recording-store';
import {
  openTeamServices,
  practiceRunsOf,
  withPracticeQueue,
  withTeamQueue,
  type TeamServices,
} from '../team/team-services';
import { openPracticeStore, type PracticeStore } from '../practice/practice-store';

export interface SessionServices {
  readonly repository: SessionRepository;
  readonly drafts: DraftStore;
  readonly timelines: TimelineStore;
  /** Opted-in call audio (`recordings/YYYY-MM/<id>.wav`). */
  readonly recordings: RecordingStore;
  readonly followUps: FollowUpChecker;
  /** Store files moved aside (corrupt, invalid, newer version), since start. */
  readonly problems: ProblemLog;
  /** The team store configured in the data folder (off without `team-store.json`). */
  readonly team: TeamServices;
  /** Practice scenarios and the history of rehearsals (`<data>/practice/`, apart from the session log;
   * each rehearsal queued for the team store's practice table). */
  readonly practice: PracticeStore;
  /** At shutdown: stops the follow-up checks and the team sync (what is queued stays queued on disk) and
   * writes the index snapshot (every save is already on disk). */
  close(): void;
}

export interface SessionServicesDeps {
  readonly dataDir: string;
  /** conf by default; Electron passes electron-store. */
  readonly openStore?: JsonStoreFactory;
  readonly now?: () => Date;
  /** Told about every file moved aside and every failed follow-up check. */
  readonly warn?: (message: string) => void;
  readonly every?: FollowUpCheckerDeps['every'];
  readonly followUpIntervalMs?: number;
  /** Open the team store configured in the data folder and sync in the background (default true; the
   * `team` command and tests that set up data folders pass false). */
  readonly teamStore?: boolean;
  /** The folder of the practice scenarios shipped with the app (assets/scenarios, or the packaged resources). */
  readonly shippedScenariosDir?: string;
}

/** Opens the stores (cheap: the session index loads on first use, e.g. the first follow-up check). */
export function openSessionServices(deps: SessionServicesDeps): SessionServices {
  const problems = createProblemLog();
  const { warn } = deps;
  if (warn) problems.onProblem((problem) => warn(describeStoreProblem(problem)));
  const common = { dataDir: deps.dataDir, openStore: deps.openStore, now: deps.now, problems };
  const local = openSessionRepository(common);
  const timelines = openTimelineStore(common);
  const practice = openPracticeStore({
    dataDir: deps.dataDir,
    shippedDir: deps.shippedScenariosDir,
    now: deps.now,
    log: warn,
  });
  const team = openTeamServices({
    dataDir: deps.dataDir,
    repository: local,
    practiceRuns: practiceRunsOf(practice),
    config: deps.teamStore === false ? null : undefined,
    timelineJson: (session) => {
      const timeline = timelines.get(session.id);
      return timeline === null ? null : JSON.stringify(timeline);
    },
    now: deps.now,
    log: warn,
  });
  // Every save, import and follow-up change is queued for the team store first (when one is configured).
  const repository = withTeamQueue(local, team.sync);
  const followUps = createFollowUpChecker({
    followUps: (asOf) => repository.followUps(asOf),
    now: deps.now,
    every: deps.every,
    intervalMs: deps.followUpIntervalMs,
    warn,
  });
  return {
    repository,
    drafts: openDraftStore(common),
    timelines,
    recordings: openRecordingStore({ dataDir: deps.dataDir, now: deps.now }),
    followUps,
    problems,
    team,
    practice: withPracticeQueue(practice, team.sync),
    close() {
      followUps.stop();
      void team.close();
      repository.flush();
    },
  };
}
