/**
 * The team view over the team store: the filter and page the lead chose, the page of sessions and the
 * charts' figures for that filter, reloaded when either changes. Stale answers (an older filter's) are
 * dropped; a failure keeps what was shown and says why.
 */
import { useEffect, useState } from 'react';
import type {
  TeamFigures,
  TeamSessionPage,
  TeamSessionQuery,
} from '../../../preload/contract/team-store-schema';
import { hostApi } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';

export const TEAM_PAGE_SIZE = 50;

export type TeamStoreFilter = Omit<TeamSessionQuery, 'offset' | 'limit'>;

export interface TeamStoreState {
  readonly page: TeamSessionPage | null;
  readonly figures: TeamFigures | null;
  readonly loading: boolean;
  /** Why the store could not be read (worded by the page, host-failure-text.ts). */
  readonly error: HostFailure | null;
}

export function useTeamStore(filter: TeamStoreFilter, offset: number): TeamStoreState {
  const [state, setState] = useState<TeamStoreState>({
    page: null,
    figures: null,
    loading: true,
    error: null,
  });
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void Promise.all([
      hostApi.listTeamSessions({ ...filter, offset, limit: TEAM_PAGE_SIZE }),
      hostApi.getTeamFigures(filter),
    ]).then(([page, figures]) => {
      if (!live) return;
      const failed = !page.ok ? page : !figures.ok ? figures : null;
      setState((s) => ({
        page: page.ok ? page.value : s.page,
        figures: figures.ok ? figures.value : s.figures,
        loading: false,
        error: failed,
      }));
    });
    return () => {
      live = false;
    };
    // `key` stands for the filter's content (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, offset]);
  return state;
}
