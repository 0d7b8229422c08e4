import { useEffect, useRef, useState } from 'react';
import { hostApi } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';
import type {
  FollowUpChannel,
  FollowUpPage,
  FollowUpSection,
} from '../../../preload/contract/follow-up-ipc-schema';

export interface FollowUpFilters {
  channel: FollowUpChannel | '';
  text: string;
}

export interface SectionPage {
  page: FollowUpPage | null;
  /** Why the section could not be read (worded by the page, host-failure-text.ts). */
  error: HostFailure | null;
  loading: boolean;
}

/** One section's current page, reloaded when the filters, the page or `version` change. */
export function useFollowUpSection(
  section: FollowUpSection,
  filters: FollowUpFilters,
  offset: number,
  limit: number,
  version: number,
): SectionPage {
  const [state, setState] = useState<SectionPage>({ page: null, error: null, loading: true });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    const text = filters.text.trim();
    void hostApi
      .listFollowUpPage({
        section,
        offset,
        limit,
        ...(filters.channel ? { channel: filters.channel } : {}),
        ...(text ? { text } : {}),
      })
      .then((r) => {
        if (mine !== seq.current) return;
        setState(
          r.ok
            ? { page: r.value, error: null, loading: false }
            : (s) => ({ ...s, error: r, loading: false }),
        );
      });
  }, [section, filters.channel, filters.text, offset, limit, version]);
  return state;
}
