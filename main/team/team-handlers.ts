/**
 * The team store's methods of the IPC contract: the sync status, and the team view's reads (a page of
 * sessions, per-day figures for the charts). Reads go to the store with this computer's login — the
 * database's row-level security decides what comes back. Failures are results with one line, never throws.
 */
import { fail, succeed } from '../../preload/contract/ipc-result';
import { localDay } from '../../preload/domain/calendar-day';
import { guardedAsync, type Because, type Log } from '../../preload/contract/handler-results';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import { describeStoreError, storeProblem } from './store-connection';
import { StoreVersionError } from './store-migrations';
import { offStatus, type TeamServices } from './team-services';

export type TeamHandlers = GroupHandlers<'team'>;

const NOT_CONFIGURED =
  'No team store is configured on this computer (IT places team-store.json in the data folder).';

export function createTeamHandlers(
  team: TeamServices | undefined,
  now: () => Date = () => new Date(),
  log?: Log,
): TeamHandlers {
  // The page words the store's problem in the agent's language; the English line goes to the log.
  const explain = (error: unknown): string | Because =>
    error instanceof StoreVersionError
      ? error.message
      : team?.config
        ? {
            why: describeStoreError(error, team.config),
            reason: 'team-store',
            values: { ...storeProblem(error, team.config) },
          }
        : String(error);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    getTeamStatus: () => succeed(team?.status() ?? offStatus(null)),
    listTeamSessions: (query) => {
      const store = team?.store;
      if (!store) return fail('internal', NOT_CONFIGURED, 'team-store-not-configured');
      return guardedAsync(
        'The team store could not be read',
        () => store.list(query, localDay(now())),
        explain,
        log,
      );
    },
    getTeamFigures: (filter) => {
      const store = team?.store;
      if (!store) return fail('internal', NOT_CONFIGURED, 'team-store-not-configured');
      return guardedAsync(
        'The team store could not be read',
        () => store.figures(filter, localDay(now()), timeZone),
        explain,
        log,
      );
    },
  };
}
