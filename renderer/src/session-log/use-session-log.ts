import { useCallback, useEffect, useRef, useState } from 'react';
import { hostApi } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { EMPTY_FILTERS, LOG_PAGE_SIZE, sessionQueryOf, type LogFilters } from './log-query';

export interface SessionLogState {
  filters: LogFilters;
  offset: number;
  rows: SessionSummary[];
  total: number;
  loading: boolean;
  /** Why the log could not be read (worded by the page, host-failure-text.ts). */
  error: HostFailure | null;
}

/** The log's query state: typing in the search box waits a moment, filters and paging query at once. */
export function useSessionLog(refreshKey: unknown) {
  const [filters, setFiltersState] = useState<LogFilters>(EMPTY_FILTERS);
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<SessionSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<HostFailure | null>(null);
  const [query, setQuery] = useState({ filters: EMPTY_FILTERS, offset: 0 });
  const queriedText = useRef(EMPTY_FILTERS.text);
  /** The query whose answer is on screen. */
  const [answered, setAnswered] = useState<typeof query | null>(null);
  const seq = useRef(0);

  // The text box settles for 250 ms before it queries; everything else queries at once.
  useEffect(() => {
    const delay = filters.text !== queriedText.current ? 250 : 0;
    const timer = setTimeout(() => {
      queriedText.current = filters.text;
      setQuery({ filters, offset });
    }, delay);
    return () => clearTimeout(timer);
  }, [filters, offset]);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    void hostApi.listSessions(sessionQueryOf(query.filters, query.offset)).then((r) => {
      if (mine !== seq.current) return;
      setLoading(false);
      setAnswered(query);
      if (r.ok) {
        setRows(r.value.rows);
        setTotal(r.value.total);
        setError(null);
      } else setError(r);
    });
  }, [query, refreshKey]);

  const setFilters = useCallback((patch: Partial<LogFilters>) => {
    setFiltersState((f) => ({ ...f, ...patch }));
    setOffset(0);
  }, []);
  const page = useCallback(
    (delta: 1 | -1) => setOffset((o) => Math.max(0, o + delta * LOG_PAGE_SIZE)),
    [],
  );
  const reset = useCallback(() => {
    setFiltersState(EMPTY_FILTERS);
    setOffset(0);
  }, []);

  /** The rows answer the filters and page as they are now (not an earlier query, none in flight). */
  const settled =
    !loading && answered !== null && answered.filters === filters && answered.offset === offset;
  return {
    filters,
    offset,
    shownOffset: answered?.offset ?? 0,
    rows,
    total,
    loading,
    settled,
    error,
    setFilters,
    page,
    reset,
    pageSize: LOG_PAGE_SIZE,
  };
}
