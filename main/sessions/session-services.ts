/**
 * Everything the wrap-up, the session log, call review and follow-ups need in the host, opened over one
 * data folder and sharing one problem log (files moved aside) — what both hosts put in HostServices.
 */
import {
  createFollowUpChecker,
  type FollowUpChecker,
  type FollowUpCheckerDeps,
} from './follow-up-checker';
import { openDraftStore, type DraftStore } from './draft-store';
import { openSessionRepository, type SessionRepository } from './session-repository';
import type { JsonStoreFactory } from '../storage/json-store';
import { createProblemLog, describeStoreProblem, type ProblemLog } from '../storage/store-problems';
import { openTimelineStore, type TimelineStore } from './timeline-store';
import { openRecordingStore, type RecordingStore } from '../recordings/recording-store';

export interface SessionServices {
  readonly repository: SessionRepository;
  readonly drafts: DraftStore;
  readonly timelines: TimelineStore;
  /** Opted-in call audio (`recordings/YYYY-MM/<id>.wav`). */
  readonly recordings: RecordingStore;
  readonly followUps: FollowUpChecker;
  /** Store files moved aside (corrupt, invalid, newer version), since start. */
  readonly problems: ProblemLog;
  /** At shutdown: stops the follow-up checks and writes the index snapshot (every save is already on disk). */
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
}

/** Opens the stores (cheap: the session index loads on first use, e.g. the first follow-up check). */
export function openSessionServices(deps: SessionServicesDeps): SessionServices {
  const problems = createProblemLog();
  const { warn } = deps;
  if (warn) problems.onProblem((problem) => warn(describeStoreProblem(problem)));
  const common = { dataDir: deps.dataDir, openStore: deps.openStore, now: deps.now, problems };
  const repository = openSessionRepository(common);
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
    timelines: openTimelineStore(common),
    recordings: openRecordingStore({ dataDir: deps.dataDir, now: deps.now }),
    followUps,
    problems,
    close() {
      followUps.stop();
      repository.flush();
    },
  };
}
