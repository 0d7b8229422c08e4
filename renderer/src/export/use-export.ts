/**
 * The export dialog's state: the filter, the count of matching sessions (asked again shortly after each
 * change), and the export in progress from start to its one final event. In the browser host a finished
 * export is a one-time link that is opened as a download at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { hostApi } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';
import type { HostFailure } from '../api/host-failure-text';
import type {
  ExportFilter,
  ExportFormat,
  ExportProgress,
} from '../../../preload/contract/session-export-schema';
import { downloadUrl } from './download';

export interface ExportJob {
  readonly exportId: string;
  readonly fileName: string;
  readonly total: number;
  readonly progress: ExportProgress | null;
}

export type CountState =
  | { readonly status: 'counting' }
  | { readonly status: 'ready'; readonly count: number }
  /** `failure`: the host's (worded by the dialog, host-failure-text.ts). */
  | { readonly status: 'error'; readonly failure: HostFailure };

/** Why nothing was exported, before an export began (worded by the dialog). */
export type ExportMessage =
  { readonly kind: 'not-started'; readonly error: HostFailure } | { readonly kind: 'no-file' };

const COUNT_DELAY_MS = 250;

export function useExport(filter: ExportFilter) {
  const [count, setCount] = useState<CountState>({ status: 'counting' });
  const [job, setJob] = useState<ExportJob | null>(null);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  // Events can arrive before startExport answers; keep the latest per id until the job is known.
  const early = useRef(new Map<string, ExportProgress>());
  const delivered = useRef(new Set<string>());

  useEffect(() => {
    let current = true;
    setCount({ status: 'counting' });
    const timer = setTimeout(() => {
      void hostApi.countExportSessions(filter).then((result) => {
        if (!current) return;
        setCount(
          result.ok
            ? { status: 'ready', count: result.value.count }
            : { status: 'error', failure: result },
        );
      });
    }, COUNT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [filter]);

  const apply = useCallback((progress: ExportProgress) => {
    setJob((j) => (j && j.exportId === progress.exportId ? { ...j, progress } : j));
    if (
      progress.state === 'done' &&
      progress.delivery?.kind === 'download' &&
      !delivered.current.has(progress.exportId)
    ) {
      delivered.current.add(progress.exportId);
      downloadUrl(progress.delivery.url, progress.delivery.fileName);
    }
  }, []);

  useHostEvent('export-progress', (progress) => {
    if (job?.exportId === progress.exportId) apply(progress);
    else early.current.set(progress.exportId, progress);
  });

  const start = useCallback(
    async (format: ExportFormat) => {
      setMessage(null);
      const result = await hostApi.startExport({ format, filter });
      if (!result.ok) {
        setMessage({ kind: 'not-started', error: result });
        return;
      }
      if (result.value === null) {
        setMessage({ kind: 'no-file' });
        return;
      }
      const { exportId, fileName, total } = result.value;
      setJob({ exportId, fileName, total, progress: null });
      const seen = early.current.get(exportId);
      early.current.clear();
      if (seen) apply(seen);
    },
    [filter, apply],
  );

  const cancel = useCallback(async () => {
    if (job) await hostApi.cancelExport({ exportId: job.exportId });
  }, [job]);

  const running = job !== null && (job.progress === null || job.progress.state === 'running');
  return { count, job, running, message, start, cancel, reset: () => setJob(null) };
}
