/** The export methods of the IPC contract over the host's export service (absent: not offered). */
import { fail, succeed } from '../../preload/contract/ipc-result';
import { guardedAsync, type Explain, type Log } from '../../preload/contract/handler-results';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { ExportService } from './export-service';

export type ExportHandlers = GroupHandlers<'export'>;

const UNAVAILABLE = 'Export is not available in this window.';

/** The exporter reads the whole log; a failure there is a read failure of the log (worded by the page). */
const logUnreadable: Explain = () => ({
  why: 'the session log could not be read',
  reason: 'read-failed',
});

export function createExportHandlers(
  exports: ExportService | undefined,
  log?: Log,
): ExportHandlers {
  return {
    countExportSessions: (filter) =>
      exports
        ? guardedAsync(
            'Counting sessions failed',
            async () => ({ count: await exports.count(filter) }),
            logUnreadable,
            log,
          )
        : fail('internal', UNAVAILABLE, 'export-unavailable'),
    startExport: (request) =>
      exports
        ? guardedAsync('The export did not start', () => exports.start(request), logUnreadable, log)
        : fail('internal', UNAVAILABLE, 'export-unavailable'),
    cancelExport: ({ exportId }) => succeed({ cancelled: exports?.cancel(exportId) ?? false }),
  };
}
