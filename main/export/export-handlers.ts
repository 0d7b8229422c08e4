/** The export methods of the IPC contract over the host's export service (absent: not offered). */
import { fail, succeed } from '../../preload/contract/ipc-result';
import type { IpcHandlers } from '../ipc/handlers';
import type { ExportService } from './export-service';

export type ExportHandlers = Pick<
  IpcHandlers,
  'countExportSessions' | 'startExport' | 'cancelExport'
>;

const UNAVAILABLE = 'Export is not available in this window.';

export function createExportHandlers(
  exports: ExportService | undefined,
  log?: (message: string) => void,
): ExportHandlers {
  const failed = (what: string) => (error: unknown) => {
    log?.(`${what}: ${(error as Error)?.message ?? error}`);
    return fail('internal', `${what}: the session log could not be read.`);
  };
  return {
    countExportSessions: (filter) =>
      exports
        ? exports
            .count(filter)
            .then((count) => succeed({ count }), failed('Counting sessions failed'))
        : fail('internal', UNAVAILABLE),
    startExport: (request) =>
      exports
        ? exports
            .start(request)
            .then((started) => succeed(started), failed('The export did not start'))
        : fail('internal', UNAVAILABLE),
    cancelExport: ({ exportId }) => succeed({ cancelled: exports?.cancel(exportId) ?? false }),
  };
}
