/**
 * Exports started from the UI: counts what a filter matches, asks the host where the file goes (a save
 * dialog in Electron, a one-time download in the browser host), writes it atomically in the background
 * with throttled progress, and can cancel. Every export ends with exactly one final progress event
 * ('done' with where the file went, 'cancelled', or 'failed' with the reason); a cancelled or failed
 * export leaves no file.
 */
import { randomUUID } from 'node:crypto';
import type {
  ExportDelivery,
  ExportFilter,
  ExportFormat,
  ExportProgress,
  ExportStarted,
  StartExportRequest,
} from '../../preload/contract/session-export-schema';
import { exportHeader, exportSessionsToFile, suggestedFileName } from './export-file';
import { localDay } from '../../preload/domain/calendar-day';
import type { SessionSource } from './export-stream';

/**
 * A full disk as its reason (the page words it); anything else keeps its message, quoted as it came (the
 * file is one the agent chose, not the data folder the other write reasons speak of).
 */
const fileSystemReason = (error: unknown) =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC'
    ? { reason: 'disk-full' as const }
    : {};

export interface ExportTarget {
  /** Where the export is written (atomically: a temporary file beside it, then a rename). */
  readonly filePath: string;
  /** What the UI is told once the file is complete. */
  readonly delivery: ExportDelivery;
}

/** The host's side: Electron asks with a save dialog; the browser host reserves a download. */
export interface ExportTargets {
  /** null when the user cancelled the dialog. */
  choose(suggestedName: string, format: ExportFormat): Promise<ExportTarget | null>;
  /** The file at target.filePath is complete. */
  completed?(target: ExportTarget): void;
  /** Nothing was written (cancelled or failed). */
  abandoned?(target: ExportTarget): void;
}

export interface ExportServiceOptions {
  /** Sessions matching the filter, newest first. */
  readonly sessions: (filter: ExportFilter, asOfDay: string) => SessionSource;
  readonly count: (filter: ExportFilter, asOfDay: string) => Promise<number>;
  readonly targets: ExportTargets;
  /** The agent named in the settings' profile (recorded in the JSON envelope). */
  readonly agentName: () => string;
  /** The agent id these sessions sync under (the team store's configuration), for the `agent_id` column;
   * absent or null: no team store, the column is empty. */
  readonly agentId?: () => string | null;
  readonly appVersion: string;
  readonly now?: () => Date;
  /** Least time between two 'running' events (ms). Default 100. */
  readonly progressIntervalMs?: number;
}

export interface ExportService {
  count(filter: ExportFilter): Promise<number>;
  /** null: the user cancelled the save dialog (nothing started). */
  start(request: StartExportRequest): Promise<ExportStarted | null>;
  /** false when no export with that id is running. */
  cancel(exportId: string): boolean;
  onProgress(listener: (progress: ExportProgress) => void): () => void;
  /** Resolves when every running export has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createExportService(options: ExportServiceOptions): ExportService {
  const now = options.now ?? (() => new Date());
  const interval = options.progressIntervalMs ?? 100;
  const listeners = new Set<(progress: ExportProgress) => void>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const emit = (progress: ExportProgress): void => {
    for (const listener of listeners) listener(progress);
  };

  async function run(
    exportId: string,
    request: StartExportRequest,
    target: ExportTarget,
    total: number,
    signal: AbortSignal,
  ): Promise<void> {
    const started = now();
    const header = exportHeader(options.agentName(), options.appVersion, request.filter, started);
    const agentId = options.agentId?.() ?? null;
    let lastEmit = 0;
    const onSession = (written: number): void => {
      const t = Date.now();
      if (t - lastEmit < interval) return;
      lastEmit = t;
      emit({ exportId, state: 'running', written, total: Math.max(total, written) });
    };
    let written = 0;
    try {
      const bytes = await exportSessionsToFile(
        options.sessions(request.filter, localDay(started)),
        {
          format: request.format,
          filePath: target.filePath,
          header,
          agentIds: agentId === null ? undefined : { of: () => agentId, inJson: false },
          progress: { signal, onSession: (n) => ((written = n), onSession(n)) },
        },
      );
      options.targets.completed?.(target);
      emit({ exportId, state: 'done', written, total: written, bytes, delivery: target.delivery });
    } catch (error) {
      options.targets.abandoned?.(target);
      if (signal.aborted) emit({ exportId, state: 'cancelled', written, total });
      else
        emit({
          exportId,
          state: 'failed',
          written,
          total,
          message: (error as Error)?.message ?? String(error),
          ...fileSystemReason(error),
        });
    }
  }

  return {
    count: (filter) => options.count(filter, localDay(now())),
    async start(request) {
      const today = localDay(now());
      const total = await options.count(request.filter, today);
      const fileName = suggestedFileName(request.format, request.filter, today);
      const target = await options.targets.choose(fileName, request.format);
      if (target === null) return null;
      const exportId = randomUUID();
      const controller = new AbortController();
      const done = run(exportId, request, target, total, controller.signal).finally(() =>
        running.delete(exportId),
      );
      running.set(exportId, { controller, done });
      const chosenName =
        target.delivery.kind === 'download'
          ? target.delivery.fileName
          : (target.filePath.split(/[\\/]/).pop() ?? fileName);
      return { exportId, total, fileName: chosenName };
    },
    cancel(exportId) {
      const entry = running.get(exportId);
      if (!entry) return false;
      entry.controller.abort(new Error('Export cancelled'));
      return true;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
