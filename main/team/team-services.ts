/**
 * The team store in a host: opened from the data folder's `team-store.json` (absent: off, and nothing
 * here touches the network), with the sync started in the background. `withTeamQueue` wraps the session
 * repository so that every save, import and follow-up change queues the session first (see sync-queue.ts
 * for why first), then stores it locally; the store is never waited for.
 *
 * A configuration that cannot be read does not stop the app: the status says why, sessions keep being
 * saved locally, and nothing is queued until the configuration is fixed and the app restarted (the first
 * sync then queues every saved session).
 */
import type { Session } from '../../preload/contract/session-schema';
import type { TeamSyncStatus } from '../../preload/contract/team-store-schema';
import type { SessionRepository } from '../sessions/session-repository';
import { describeStore, loadTeamConfig, type TeamConfig } from './team-config';
import { openStorePool, type StorePool } from './store-connection';
import { openSyncQueue } from './sync-queue';
import { openTeamStore, type TeamStore } from './team-store';
import {
  createTeamSync,
  type LocalPracticeRuns,
  type LocalSessions,
  type TeamSync,
  type TeamSyncDeps,
} from './team-sync';
import type { PracticeStore } from '../practice/practice-store';

export interface TeamServices {
  /** null: no store configured, or its configuration is unusable (see status().error). */
  readonly config: TeamConfig | null;
  readonly sync: TeamSync | null;
  readonly store: TeamStore | null;
  status(): TeamSyncStatus;
  onStatus(listener: (status: TeamSyncStatus) => void): () => void;
  close(): Promise<void>;
}

export interface TeamServicesDeps {
  readonly dataDir: string;
  /** Reads the local sessions (the repository before it is wrapped). */
  readonly repository: Pick<SessionRepository, 'getMany' | 'list'>;
  readonly timelineJson?: (session: Session) => string | null;
  /** The practice history: its rehearsals go to the store's practice table (absent: none are sent). */
  readonly practiceRuns?: LocalPracticeRuns;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
  /** Start background tries at once (default true; the CLI pushes by itself). */
  readonly background?: boolean;
  /** A configuration to use instead of the data folder's file (null: off, whatever the folder holds). */
  readonly config?: TeamConfig | null;
  /** Batch size and backoff (tests, the benchmark). */
  readonly tuning?: Pick<TeamSyncDeps, 'batchSize' | 'backoff'>;
}

/** The sync status when nothing syncs: off, or in error with why. */
export const offStatus = (error: string | null): TeamSyncStatus => ({
  state: error === null ? 'off' : 'error',
  queued: 0,
  refused: 0,
  teamId: null,
  agentId: null,
  store: null,
  lastSyncedAt: null,
  error,
  nextTryAt: null,
});

/** Every saved session's id (the index lists them; nothing is read from the partitions). */
export function allSessionIds(repository: Pick<SessionRepository, 'list'>): string[] {
  return repository
    .list({ limit: Number.MAX_SAFE_INTEGER }, '9999-12-31')
    .rows.map((row) => row.id);
}

export function openTeamServices(deps: TeamServicesDeps): TeamServices {
  let config: TeamConfig | null;
  try {
    config = deps.config === undefined ? loadTeamConfig(deps.dataDir) : deps.config;
  } catch (error) {
    const reason = `the team store's configuration is unusable: ${(error as Error).message}`;
    deps.log?.(reason);
    return {
      config: null,
      sync: null,
      store: null,
      status: () => offStatus(reason),
      onStatus: () => () => undefined,
      close: async () => undefined,
    };
  }
  if (config === null) {
    return {
      config: null,
      sync: null,
      store: null,
      status: () => offStatus(null),
      onStatus: () => () => undefined,
      close: async () => undefined,
    };
  }
  const pool: StorePool = openStorePool(config);
  const store = openTeamStore(pool, config);
  const queue = openSyncQueue({ dataDir: deps.dataDir, now: deps.now, warn: deps.log });
  const local: LocalSessions = {
    getMany: (ids) => deps.repository.getMany(ids),
    allIds: () => allSessionIds(deps.repository),
    timelineJson: deps.timelineJson,
  };
  const practice = deps.practiceRuns && {
    queue: openSyncQueue({
      dataDir: deps.dataDir,
      fileName: PRACTICE_QUEUE_FILE,
      now: deps.now,
      warn: deps.log,
    }),
    local: deps.practiceRuns,
  };
  const sync = createTeamSync({
    config,
    store,
    queue,
    local,
    practice,
    now: deps.now,
    log: deps.log,
    ...deps.tuning,
  });
  if (deps.background !== false) sync.start();
  deps.log?.(
    `Team store: syncing as ${config.teamId}/${config.agentId} to ${describeStore(config.url)}`,
  );
  return {
    config,
    sync,
    store,
    status: () => sync.status(),
    onStatus: (listener) => sync.onStatus(listener),
    async close() {
      await sync.stop();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The rehearsals' own queue file in `team-sync/`. */
export const PRACTICE_QUEUE_FILE = 'practice-queue.json';

/** The practice history as the sync reads it. */
export const practiceRunsOf = (practice: PracticeStore): LocalPracticeRuns => ({
  getMany: (ids) => practice.getRuns(ids),
  allIds: () => practice.runIds(),
});

/** The practice store, with every rehearsal queued for the team store before it is kept locally. */
export function withPracticeQueue(practice: PracticeStore, sync: TeamSync | null): PracticeStore {
  if (sync === null) return practice;
  return {
    ...practice,
    saveRun(run) {
      sync.queuedPractice([run.id]);
      return practice.saveRun(run);
    },
  };
}

/** The repository, with every write queued for the team store before it is stored locally. */
export function withTeamQueue(
  repository: SessionRepository,
  sync: TeamSync | null,
): SessionRepository {
  if (sync === null) return repository;
  return {
    ...repository,
    save(session) {
      sync.queued([session.id]);
      return repository.save(session);
    },
    saveMany(sessions) {
      sync.queued(sessions.map((session) => session.id));
      return repository.saveMany(sessions);
    },
    markFollowUpDone(id, at) {
      if (repository.has(id)) sync.queued([id]);
      return repository.markFollowUpDone(id, at);
    },
    remove(id) {
      // The team store keeps what it has (it takes no deletes); nothing to send.
      return repository.remove(id);
    },
    setFollowUpsDone(ids, done, at) {
      sync.queued(ids.filter((id) => repository.has(id)));
      return repository.setFollowUpsDone(ids, done, at);
    },
  };
}
